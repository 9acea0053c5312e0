// The honest headline end to end (docs/output.md, docs/uncertainty.md): a what-if names itself in
// every output; probabilities from draws never read 100 % or 0 %; the report leads with the
// skill-weighted ensemble and the share of draws in no class.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::kFlagship;

const std::string kArms = source_path("scenarios/examples/arms-control.yaml");
const std::string kSet = "--set us-president.warhead-cap.position=30";
const std::string kTitle = "Strategic arms talks (illustrative example) (what-if: us-president.warhead-cap.position=30)";

fs::path fresh_db(const std::string& name) {
  const fs::path p = temp(name);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
  return p;
}

TEST(HeadlineCli, AWhatIfNamesItselfInEveryOutput) {
  for (const std::string& command : {"run " + kArms, "run " + kArms + " --format json", "sensitivity " + kArms + " --samples 16",
                                     "compare " + kArms + " " + kArms + " --draws 20 --no-progress"}) {
    const Result r = parley_cli(command + " " + kSet);
    ASSERT_EQ(r.code, 0) << command << "\n" << r.out;
    EXPECT_NE(r.out.find(kTitle), std::string::npos) << command << "\n" << r.out;
    EXPECT_EQ(parley_cli(command).out.find("what-if"), std::string::npos) << command;
  }
  const Result json = parley_cli("compare " + kArms + " " + kArms + " --draws 20 --no-progress --format json " + kSet);
  EXPECT_NE(json.out.find("\"what_if\": [\n    \"us-president.warhead-cap.position=30\"\n  ]"), std::string::npos) << json.out;
  const fs::path db = fresh_db("headline-whatif.db");
  const Result sweep = parley_cli("sweep " + kArms + " --draws 20 --no-progress --db " + db.string() + " " + kSet);
  ASSERT_EQ(sweep.code, 0) << sweep.out;
  EXPECT_NE(sweep.out.find(kTitle), std::string::npos) << sweep.out;
  EXPECT_NE(parley_cli("show 1 --db " + db.string()).out.find(kTitle), std::string::npos);
  EXPECT_NE(parley_cli("runs --db " + db.string()).out.find("(1 --set)"), std::string::npos);  // runs lists no titles
  // The report: in its title, and in its provenance as the source of the overridden input.
  const fs::path html = temp("headline-whatif.html");
  const Result report =
      parley_cli("report " + kArms + " --models compromise --draws 20 --no-progress --output " + html.string() + " " + kSet);
  ASSERT_EQ(report.code, 0) << report.out;
  EXPECT_EQ(report.out.rfind(kTitle + "\n", 0), 0u) << report.out;
  const std::string page = read_text(html.string());
  EXPECT_NE(page.find("<h1>" + kTitle + "</h1>"), std::string::npos);
  EXPECT_NE(
      page.find(
          "<td><span title=\"us-president.warhead-cap.position\">US president — Deployed warhead ceiling — position</span></td><td>30</td>"
          "<td>what-if</td><td>what-if: us-president.warhead-cap.position=30</td>"),
      std::string::npos);
}

TEST(HeadlineCli, ProbabilitiesFromDrawsNeverRead100Or0Percent) {
  // The flagship's war ends in a fragile ceasefire in every draw of the compromise model.
  const fs::path db = fresh_db("headline-all.db");
  const Result sweep = parley_cli("sweep " + kFlagship + " --draws 200 --no-progress --db " + db.string());
  ASSERT_EQ(sweep.code, 0) << sweep.out;
  EXPECT_TRUE(std::regex_search(sweep.out, std::regex("\nfragile-ceasefire +≥ 0\\.981  \\[0\\.981, 1\\.000\\] +200 ")));
  EXPECT_TRUE(std::regex_search(sweep.out, std::regex("\ndurable-settlement +≤ 0\\.019  ")));
  EXPECT_FALSE(std::regex_search(sweep.out, std::regex(" (1|0)\\.000  \\[")));
  const fs::path html = temp("headline-all.html");
  const Result report =
      parley_cli("report " + kFlagship + " --models compromise,median --draws 200 --no-progress --output " + html.string());
  ASSERT_EQ(report.code, 0) << report.out;
  EXPECT_EQ(report.out.find("100 %"), std::string::npos) << report.out;
  EXPECT_EQ(report.out.find(" 0 %"), std::string::npos) << report.out;
  // The report's class probabilities include the models' measured error, so no class is certain
  // there; the share of draws in no class still is none of them.
  EXPECT_NE(report.out.find("draws in no class of war: in none of 200 draws (≤ 1.9 %, 95 % interval)"), std::string::npos) << report.out;
}

TEST(HeadlineCli, TheReportLeadsWithTheSkillWeightedEnsemble) {
  const fs::path html = temp("headline-ensemble.html");
  const Result r = parley_cli("report " + kFlagship + " --models compromise,bdm --draws 40 --no-progress --output " + html.string());
  ASSERT_EQ(r.code, 0) << r.out;
  const std::size_t line = r.out.find('\n') + 1;
  const std::string lead = "- Ensemble: the skill-weighted mean of 2 models (weights compromise ";
  EXPECT_EQ(r.out.compare(line, lead.size(), lead), 0) << r.out;
  EXPECT_NE(r.out.find("- Forecast of Terms of a settlement in Ukraine: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("draws in no class of relations: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("draws in no class of war: "), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("- Ensemble:"), r.out.find("- Most likely"));
  const std::string page = read_text(html.string());
  EXPECT_NE(page.find("<th>compromise <small>(weight "), std::string::npos);
  EXPECT_NE(page.find("<td>in no class of war</td>"), std::string::npos);
}

}  // namespace
