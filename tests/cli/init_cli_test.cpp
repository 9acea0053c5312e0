// parley init: the template it writes is commented, validates, has every part of the format a
// newcomer starts from, and runs with every model; it never overwrites a file without --force.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "parley/parley.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::temp;
using parley::testing::contains;


fs::path fresh(const std::string& name) {
  const fs::path p = temp(name);
  fs::remove(p);
  return p;
}

TEST(InitCli, WritesACommentedTemplateThatValidatesWithEveryPart) {
  const fs::path file = fresh("init.yaml");
  const Result r = parley_cli("init " + file.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, file.string() + ": template scenario written; edit it, then check it with: parley validate " + file.string() + "\n");
  const std::string text = read_text(file.string());
  EXPECT_GE(std::count(text.begin(), text.end(), '#'), 20) << "comments";
  EXPECT_TRUE(contains(text, "# A parley scenario: a template to start from")) << text;

  const Result v = parley_cli("validate " + file.string());
  EXPECT_EQ(v.code, 0) << v.out;
  const parley::Scenario s = parley::read_scenario_file(file.string());
  const parley::ScenarioSummary sum = parley::summarize(s);
  EXPECT_GE(s.actors().size(), 2u);
  EXPECT_GE(s.issues().size(), 2u);
  EXPECT_GE(s.outcome_classes.size(), 1u);
  EXPECT_GE(s.events.size(), 1u);
  EXPECT_GE(s.sides.size(), 2u);
  EXPECT_GE(sum.uncertain, 1u);
  EXPECT_GE(sum.cited, 1u);
  // A range with its source.
  EXPECT_TRUE(contains(text, "capability: {value: [40, 60], source: analyst-estimate}")) << text;
}

TEST(InitCli, TheTemplateRunsWithEveryModelAndEveryAnalysis) {
  const fs::path file = fresh("init-runs.yaml"), db = fresh("init-runs.db");
  ASSERT_EQ(parley_cli("init " + file.string()).code, 0);
  for (const parley::Model* m : parley::all_models()) {
    const Result r = parley_cli("run " + file.string() + " --model " + std::string(m->name()));
    EXPECT_EQ(r.code, 0) << m->name() << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "Water-sharing talks (template)")) << r.out;
  }
  const Result sweep = parley_cli("sweep " + file.string() + " --draws 40 --no-progress --db " + db.string());
  EXPECT_EQ(sweep.code, 0) << sweep.out;
  EXPECT_TRUE(contains(sweep.out, "fair-split")) << sweep.out;
  EXPECT_EQ(parley_cli("feasibility " + file.string() + " --draws 40").code, 0);
  EXPECT_EQ(parley_cli("sensitivity " + file.string() + " --samples 8 --no-progress").code, 0);
  fs::remove(db);
}

TEST(InitCli, RefusesToOverwriteUnlessForced) {
  const fs::path file = fresh("init-exists.yaml");
  std::ofstream(file) << "my own work\n";
  const Result r = parley_cli("init " + file.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out,
            "parley: " + file.string() + ": error: field 'FILE': already exists; expected a new file name, or --force to overwrite it\n");
  EXPECT_EQ(read_text(file.string()), "my own work\n");
  EXPECT_EQ(parley_cli("init --force " + file.string()).code, 0);
  EXPECT_TRUE(contains(read_text(file.string()), "parley: 1"));
  EXPECT_EQ(parley_cli("init /nonexistent-dir/x.yaml").code, 3);
}

}  // namespace
