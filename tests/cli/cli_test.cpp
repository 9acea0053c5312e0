// End-to-end tests of the parley executable: output, exit codes, no partial files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "parley/skill.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::data_path;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::kExample;


TEST(Cli, EveryCommandHasHelp) {
  for (const char* cmd : {"", "run ", "validate ", "models ", "backtest ", "sweep ", "sensitivity ", "compare ", "feasibility ", "runs ",
                          "show ", "export "}) {
    const Result r = parley_cli(std::string(cmd) + "--help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << r.out;
  }
  EXPECT_NE(parley_cli("--help").out.find("Exit codes"), std::string::npos);
}

TEST(Cli, ModelsAreListed) {
  const Result r = parley_cli("models");
  EXPECT_EQ(r.code, 0);
  for (const char* name : {"compromise", "median", "nbs", "--option tie=VALUE"}) EXPECT_NE(r.out.find(name), std::string::npos);
}

TEST(Cli, ValidatePrintsASummary) {
  const Result r = parley_cli("validate " + kExample);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("actors:  5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("eu on verification"), std::string::npos);
}

TEST(Cli, RunWritesEachFormat) {
  const Result table = parley_cli("run " + kExample);
  EXPECT_EQ(table.code, 0);
  EXPECT_NE(table.out.find("46.14"), std::string::npos) << table.out;
  const Result csv = parley_cli("run " + kExample + " --format csv --model median");
  EXPECT_NE(csv.out.find("warhead-cap,Deployed warhead ceiling,40,55"), std::string::npos) << csv.out;
  const fs::path out = temp("forecast.json");
  fs::remove(out);
  EXPECT_EQ(parley_cli("run " + kExample + " --format json --output " + out.string()).code, 0);
  EXPECT_NE(read_text(out.string()).find("\"schema\": \"parley.forecast/1\""), std::string::npos);
  // Same input, same bytes.
  EXPECT_EQ(parley_cli("run " + kExample + " --format json").out, read_text(out.string()));
  fs::remove(out);
}

TEST(Cli, RunPrintsEachForecastsPredictiveInterval) {
  // compromise forecasts the warhead ceiling at 46.14 on 0–100; its 80 % interval is that ± the
  // measured half-width (a share of the scale width, data/skill/deu3-dev.csv).
  const parley::ModelSkill* skill = parley::shipped_skill().find("compromise");
  ASSERT_NE(skill, nullptr);
  const double h = 100 * skill->half_width[1];
  const Result table = parley_cli("run " + kExample);
  ASSERT_EQ(table.code, 0) << table.out;
  EXPECT_NE(table.out.find("80 % interval"), std::string::npos) << table.out;
  const std::size_t row = table.out.find("Deployed warhead ceiling");
  ASSERT_NE(row, std::string::npos) << table.out;
  double low = 0, high = 0;
  ASSERT_EQ(std::sscanf(table.out.c_str() + table.out.find('[', row), "[%lf, %lf]", &low, &high), 2) << table.out;
  EXPECT_NEAR((low + high) / 2, 46.14, 0.06);
  EXPECT_NEAR(high - low, 2 * h, 0.11);
  EXPECT_NE(table.out.find("intervals: compromise's out-of-fold error on " + parley::shipped_skill().data), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("measured coverage 50/80/90 %: "), std::string::npos) << table.out;
  const Result json = parley_cli("run " + kExample + " --format json");
  EXPECT_NE(json.out.find("\"predictive\": ["), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"level\": 0.9"), std::string::npos) << json.out;
  const Result csv = parley_cli("run " + kExample + " --format csv");
  EXPECT_NE(
      csv.out.find(",predictive_50_low,predictive_50_high,predictive_80_low,predictive_80_high,predictive_90_low,predictive_90_high\n"),
      std::string::npos)
      << csv.out;
}

TEST(Cli, BadInputExitsTwoWithAPreciseMessageAndNoOutputFile) {
  const fs::path bad = temp("bad.yaml");
  std::string text = read_text(kExample);
  text.replace(text.find("capability: 40"), 14, "capability: -4");
  std::ofstream(bad) << text;
  const fs::path out = temp("never.json");
  fs::remove(out);
  const Result r = parley_cli("run " + bad.string() + " --output " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(bad.string() + ":42:17: error: field 'actors[2].capability': got -4; expected a number greater than 0"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(parley_cli("validate " + bad.string()).code, 2);
  fs::remove(bad);
}

TEST(Cli, BadArgumentsExitTwo) {
  EXPECT_EQ(parley_cli("run " + kExample + " --model nope").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --format xml").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --option tie=lower").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --option nonsense").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --input-format xml").code, 2);
  EXPECT_EQ(parley_cli("run /nonexistent.yaml").code, 2);
  EXPECT_EQ(parley_cli("frobnicate").code, 2);
  EXPECT_EQ(parley_cli("").code, 2);
}

TEST(Cli, OptionErrorsNameTheOptionWithoutAFakeLocation) {
  const Result r = parley_cli("run " + kExample + " --model bdm --option max_rounds=2.5");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("parley: error: field '--option max_rounds': got '2.5'; expected a whole number in [1, 100000]"), std::string::npos)
      << r.out;
}

TEST(Cli, PerIssueCsvQuotesCells) {
  const fs::path scenario = temp("groups.yaml");
  std::ofstream(scenario) << "metadata: {title: T}\nissues:\n  - {id: i1, group: \"a, b\", outcome: 40}\n"
                             "actors:\n  - {id: x, capability: 1}\npositions:\n  x:\n    i1: {position: 30, salience: 1}\n";
  const fs::path csv = temp("groups.csv");
  EXPECT_EQ(parley_cli("backtest " + scenario.string() + " --per-issue " + csv.string()).code, 0);
  EXPECT_NE(read_text(csv.string()).find("i1,\"a, b\",40,30,10,,"), std::string::npos) << read_text(csv.string());
  fs::remove(scenario);
  fs::remove(csv);
}

TEST(Cli, UnwritableOutputExitsThree) { EXPECT_EQ(parley_cli("run " + kExample + " --output /nonexistent-dir/out.txt").code, 3); }

TEST(Cli, BdmRoundsTraceAndAccount) {
  const fs::path trace = temp("trace.json");
  fs::remove(trace);
  const Result r =
      parley_cli("run " + source_path("scenarios/examples/ec1994-emissions.yaml") + " --model bdm --rounds 2 --trace " + trace.string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Belgium compromises with France: 7.00 → 8.42"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("round  2: median 9.61"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("round  3"), std::string::npos);
  const std::string t = read_text(trace.string());
  EXPECT_NE(t.find("\"schema\": \"parley.trace/1\""), std::string::npos);
  EXPECT_NE(t.find("eu_i_challenges_j_from_i_view"), std::string::npos);
  fs::remove(trace);
  EXPECT_EQ(parley_cli("run " + kExample + " --model compromise --rounds 3").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --model median --trace " + trace.string()).code, 2);
  EXPECT_FALSE(fs::exists(trace));
  const Result json = parley_cli("run " + source_path("scenarios/examples/ec1994-emissions.yaml") + " --model bdm --format json");
  EXPECT_NE(json.out.find("\"rounds\""), std::string::npos);
  EXPECT_EQ(parley_cli("backtest " + data_path("deu3/deu3-dev.tsv") + " --model bdm").code, 0);
}

TEST(Cli, SmpReadsKtabInputsTracesAndRefusesBadXml) {
  const fs::path trace = temp("smp-trace.json"), out = temp("smp-out.csv");
  fs::remove(trace);
  fs::remove(out);
  const std::string example = data_path("ktab/smpExample-fixed.xml");
  const Result a = parley_cli("run " + example + " --model smp --seed 7 --format csv --trace " + trace.string());
  EXPECT_EQ(a.code, 0) << a.out;
  const std::string t = read_text(trace.string());
  EXPECT_EQ(t.rfind("{\"schema\":\"parley.spatial-trace/1\"", 0), 0u) << t.substr(0, 80);
  EXPECT_NE(t.find("\"seed\":\"7\""), std::string::npos);
  EXPECT_EQ(parley_cli("run " + example + " --model smp --seed 7 --format csv").out, a.out);  // same seed, same bytes
  fs::remove(trace);
  const Result bad =
      parley_cli("run " + data_path("ktab/smpExample.xml") + " --model smp --output " + out.string() + " --trace " + trace.string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("smpExample.xml:32:9: error: field 'Scenario/Actors/Actor[1]/Position/dCoord[1]': empty"), std::string::npos)
      << bad.out;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(trace));
  EXPECT_EQ(parley_cli("run " + kExample + " --model median --seed 3").code, 2);
}

TEST(Cli, BacktestReproducesTheDeuReferenceFigure) {
  const fs::path per_issue = temp("per-issue.csv");
  fs::remove(per_issue);
  const Result r =
      parley_cli("backtest " + data_path("deu3/deu3-dev.tsv") + " --model compromise --capability equal --per-issue " + per_issue.string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("compromise                       230    24.1945    19.3470"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("status quo"), std::string::npos);
  EXPECT_NE(r.out.find("European Commission"), std::string::npos);
  const std::string csv = read_text(per_issue.string());
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 230 + 0);
  fs::remove(per_issue);
}

TEST(Cli, ARequestThatContradictsAnOptionIsRefusedNamingBoth) {
  const fs::path out = temp("contradiction.txt");
  fs::remove(out);
  const Result r = parley_cli("run " + source_path("scenarios/examples/ec1994-emissions.yaml") +
                              " --model bdm --rounds 5 --option stop=median-shift --output " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("error: field '--rounds': --rounds 5 sets stop=rounds, but --option stop=median-shift was also given; "
                       "expected either --rounds 5 or --option stop=median-shift"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(
      parley_cli("run " + source_path("scenarios/examples/ec1994-emissions.yaml") + " --model bdm --rounds 2 --option stop=rounds").code,
      0);
}

TEST(Cli, AKtabXmlModelParameterIsCheckedByTheModelAtItsElement) {
  std::string xml = read_text(data_path("ktab/smpExample-fixed.xml"));
  const std::string good = "<VictoryProbModel>Linear<";
  ASSERT_NE(xml.find(good), std::string::npos);
  xml.replace(xml.find(good), good.size(), "<VictoryProbModel>Cubic<");
  const fs::path bad = temp("bad-parameter.xml"), out = temp("bad-parameter.txt"), db = temp("bad-parameter.db");
  std::ofstream(bad) << xml;
  fs::remove(out);
  fs::remove(db);
  const std::string message = bad.string() +
                              ":8:5: error: field 'Scenario/ModelParameters/VictoryProbModel': got 'Cubic'; expected one of: "
                              "linear, square, quartic, octic, binary (or KTAB's name)";
  for (const std::string& command : {"validate " + bad.string(), "run " + bad.string() + " --model smp --output " + out.string(),
                                     "sweep " + bad.string() + " --model compromise --draws 5 --db " + db.string()}) {
    const Result r = parley_cli(command);
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_NE(r.out.find(message), std::string::npos) << r.out;
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(db));
  fs::remove(bad);
}

// An option that KTAB has no name for lists parley's values only.
TEST(Cli, SmpPrecisionIsExactOrFast) {
  const std::string file = data_path("ktab/dummyData_3Dim.csv");
  const Result bad = parley_cli("run " + file + " --model smp --option precision=quick");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.out, "parley: error: field '--option precision': got 'quick'; expected one of: exact, fast\n");
  const Result fast = parley_cli("run " + file + " --model smp --option precision=fast");
  EXPECT_EQ(fast.code, 0) << fast.out;
  EXPECT_NE(fast.out.find("precision=fast"), std::string::npos) << fast.out;
}

}  // namespace
