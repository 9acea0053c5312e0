// Adding a model is one folder plus one registry line: a model registered at run time is picked up
// by every command that lists or runs models (parley models, run, sweep, sensitivity, compare,
// report, backtest) with no other edit. The program under test is parley_with_tiny_model.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cli_support.hpp"
#include "models/tiny_model.hpp"
#include "test_support.hpp"

namespace {

using parley::testing::contains;
using parley::testing::kExample;
using parley::testing::kTinyModel;
using parley::testing::Result;
using parley::testing::shell;
using parley::testing::source_path;

Result tiny_cli(const std::string& args) { return shell(std::string(PARLEY_TINY_MODEL_EXE) + " " + args + " 2>&1"); }

const std::string kModel = std::string("--model ") + kTinyModel;

TEST(TinyModelCli, ParleyModelsListsIt) {
  const Result r = tiny_cli("models");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, kTinyModel)) << r.out;
  EXPECT_TRUE(contains(r.out, "compromise")) << r.out;  // the shipped models stay
}

TEST(TinyModelCli, RunForecastsWithItAndRefusesWhatItCannotDo) {
  const Result r = tiny_cli("run " + kExample + " " + kModel + " --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, std::string("\"model\": \"") + kTinyModel + "\"")) << r.out;
  // The skill table does not know it: no predictive interval, no model error in sweeps.
  const Result table = tiny_cli("run " + kExample + " " + kModel);
  EXPECT_TRUE(contains(table.out, "80 % interval: no measured error for model")) << table.out;
  EXPECT_FALSE(contains(table.out, "[")) << table.out;
  // Its traits say it has no rounds: the contract refuses --rounds without asking its options.
  const Result rounds = tiny_cli("run " + kExample + " " + kModel + " --rounds 3");
  EXPECT_EQ(rounds.code, 2) << rounds.out;
  EXPECT_TRUE(contains(rounds.out, "--rounds")) << rounds.out;
}

TEST(TinyModelCli, SweepSensitivityAndCompareRunIt) {
  const std::filesystem::path db = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-tiny-model-cli.db");
  std::filesystem::remove(db);
  const Result sweep = tiny_cli("sweep " + kExample + " " + kModel + " --draws 50 --no-progress --db " + db.string());
  ASSERT_EQ(sweep.code, 0) << sweep.out;
  EXPECT_TRUE(contains(sweep.out, kTinyModel)) << sweep.out;
  EXPECT_FALSE(contains(sweep.out, "with model error")) << sweep.out;
  EXPECT_TRUE(contains(sweep.out, "probability")) << sweep.out;
  const Result show = tiny_cli("show 1 --db " + db.string());
  EXPECT_EQ(show.code, 0) << show.out;
  EXPECT_TRUE(contains(show.out, kTinyModel)) << show.out;
  std::filesystem::remove(db);
  const Result sens = tiny_cli("sensitivity " + kExample + " " + kModel + " --samples 16 --no-progress --top 2");
  EXPECT_EQ(sens.code, 0) << sens.out;
  const Result cmp = tiny_cli("compare " + kExample + " " + source_path("scenarios/examples/arms-control.json") + " " + kModel +
                              " --draws 20 --no-progress");
  EXPECT_EQ(cmp.code, 0) << cmp.out;
}

TEST(TinyModelCli, TheReportIncludesIt) {
  const std::filesystem::path html =
      parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-tiny-model-report.html");
  std::filesystem::remove(html);
  const Result r =
      tiny_cli("report " + kExample + " --models compromise," + kTinyModel + " --draws 20 --no-progress --output " + html.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(parley::testing::read_text(html.string()), kTinyModel));
  std::filesystem::remove(html);
}

TEST(TinyModelCli, TheShippedBinaryDoesNotKnowIt) {
  // The registration is the program's own: the plain parley refuses the name (the test above is
  // therefore about registration, not about a model compiled into parley).
  const Result r = parley::testing::parley_cli("run " + kExample + " " + kModel);
  EXPECT_EQ(r.code, 2) << r.out;
}

}  // namespace
