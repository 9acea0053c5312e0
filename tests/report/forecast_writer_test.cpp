// write_forecast, write_trace and write_scenario_check: what `parley run` and `parley validate`
// print (golden files from generate.sh).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "models/model_fixtures.hpp"
#include "parley/parley.hpp"
#include "report/golden_support.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_golden;
using testing::written;

using testing::kArms;
using testing::kFlagship;
using testing::read_as_given;

Scenario example() { return read_as_given(kArms); }

std::string forecast_text(const Scenario& s, const std::string& model, OutputFormat format) {
  return written([&](std::ostream& out) { write_forecast(out, s, find_model(model)->run(s, {}), format); });
}

TEST(ForecastWriter, JsonFollowsTheVersionedSchema) {
  const Scenario s = example();
  Forecast f = find_model("compromise")->run(s, {});
  RoundRecord start;
  start.positions = {1.0, 2.0, std::nan(""), 4.0, 5.0};
  start.median = 2;
  start.mean = 3;
  f.issues[0].rounds = {start};
  std::ostringstream out;
  write_forecast(out, s, f, OutputFormat::json);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["schema"], kForecastSchema);
  EXPECT_EQ(j["model"], "compromise");
  EXPECT_EQ(j["actors"].size(), 5u);
  ASSERT_EQ(j["issues"].size(), 3u);
  EXPECT_EQ(j["issues"][0]["id"], "warhead-cap");
  EXPECT_DOUBLE_EQ(j["issues"][0]["outcome"].get<double>(), *f.issues[0].outcome);
  EXPECT_EQ(j["issues"][0]["status_quo"], 55);
  EXPECT_TRUE(j["issues"][2]["status_quo"].is_null());
  EXPECT_EQ(j["issues"][0]["rounds"][0]["round"], 0);
  EXPECT_EQ(j["issues"][0]["rounds"][0]["median"], 2);
  EXPECT_TRUE(j["issues"][0]["rounds"][0]["positions"][2].is_null());
  EXPECT_FALSE(j["issues"][1].contains("rounds"));
}

TEST(ForecastWriter, CsvAndTable) {
  const Scenario s = example();
  const Forecast f = find_model("nbs")->run(s, {});
  std::ostringstream csv, table;
  write_forecast(csv, s, f, OutputFormat::csv);
  write_forecast(table, s, f, OutputFormat::table);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')),
            "issue,label,outcome,status_quo,scale_min,scale_max,note,dynamics,rounds,period,cycle_start,predictive_50_low,"
            "predictive_50_high,predictive_80_low,predictive_80_high,predictive_90_low,predictive_90_high");
  EXPECT_NE(csv.str().find("sanctions-link,Linkage to sanctions relief,,,0,100,no status quo"), std::string::npos);
  EXPECT_NE(csv.str().find("(try --option disagreement=remote),one-shot,,,,,,,,,\n"), std::string::npos);  // no outcome: no interval
  EXPECT_NE(table.str().find("On-site verification"), std::string::npos);
  EXPECT_NE(table.str().find("note: no status quo"), std::string::npos);
}

// A weak swing actor between two strong blocs: bdm 2-cycles from round 1 (tests/models/dynamics_test.cpp).
Scenario swing() { return testing::one_issue({{0, 0.2, 0.2}, {10, 2, 0.5}, {70, 2, 0.5}}); }

TEST(ForecastWriter, EveryFormatSaysHowARunWithRoundsEnded) {
  const Scenario s = swing();
  auto text = [&](const ModelOptions& o, OutputFormat format) {
    return written([&](std::ostream& out) { write_forecast(out, s, find_model("bdm")->run(s, o), format); });
  };
  EXPECT_NE(text({}, OutputFormat::table).find("\n    2-cycle from round 1: the forecast is the mean over the cycle\n"), std::string::npos);
  EXPECT_NE(text({{"cycle", "last"}}, OutputFormat::table).find("2-cycle from round 1: the forecast is the last round's (cycle=last)"),
            std::string::npos);
  const auto j = nlohmann::json::parse(text({}, OutputFormat::json));
  EXPECT_EQ(j["issues"][0]["dynamics"],
            nlohmann::json::parse(R"({"status": "cycle", "rounds": 10, "period": 2, "start": 1, "forecast": "mean-over-cycle"})"));
  EXPECT_EQ(j["issues"][0]["outcome"], 40);
  const auto last = nlohmann::json::parse(text({{"cycle", "last"}, {"rounds", "11"}}, OutputFormat::json));
  EXPECT_EQ(last["issues"][0]["dynamics"]["forecast"], "last-round");
  EXPECT_EQ(last["issues"][0]["outcome"], 10);
  EXPECT_NE(text({}, OutputFormat::csv).find("\ni,I,40,,0,100,,cycle,10,2,1,"), std::string::npos);
  EXPECT_NE(text({{"rounds", "2"}}, OutputFormat::table).find("\n    not converged after 2 rounds\n"), std::string::npos);
  EXPECT_NE(text({{"rounds", "2"}}, OutputFormat::csv).find(",not-converged,2,,,"), std::string::npos);
  // One-shot models say nothing of the kind.
  const Forecast one_shot = find_model("compromise")->run(s, {});
  EXPECT_FALSE(nlohmann::json::parse(written([&](std::ostream& out) { write_forecast(out, s, one_shot, OutputFormat::json); }))["issues"][0]
                   .contains("dynamics"));
  // smp runs all issues at once: one line for the whole run.
  const Scenario arms = example();
  const std::string smp =
      written([&](std::ostream& out) { write_forecast(out, arms, find_model("smp")->run(arms, {}), OutputFormat::table); });
  EXPECT_NE(smp.find("\nall issues together: converged after "), std::string::npos) << smp;
}

TEST(ForecastWriter, EveryFormatGivesThePredictiveIntervalsOfTheModelsMeasuredError) {
  const Scenario s = example();
  const Forecast f = find_model("compromise")->run(s, {});  // warhead-cap: 46.14 on 0–100
  SkillTable table;
  table.data = "hand-made data";
  ModelSkill m;
  m.model = "compromise";
  m.half_width = {0.1, 0.2, 0.6};
  m.coverage = {0.52, 0.79, 0.93};
  table.models.push_back(m);
  const double x = *f.issues[0].outcome;
  auto text = [&](const SkillTable& t, OutputFormat format) {
    return written([&](std::ostream& out) { write_forecast(out, s, f, format, t); });
  };
  const std::string t = text(table, OutputFormat::table);
  EXPECT_NE(t.find(fmt::format("{:>9}  {:>14}  {:>10}", "46.14", fmt::format("[{:.1f}, {:.1f}]", x - 20, x + 20), "55.00")),
            std::string::npos)
      << t;
  EXPECT_NE(
      t.find("\nintervals: compromise's out-of-fold error on hand-made data (docs/skill.md); measured coverage 50/80/90 %: 52/79/93 %\n"),
      std::string::npos)
      << t;
  const auto j = nlohmann::json::parse(text(table, OutputFormat::json));
  EXPECT_EQ(j["issues"][0]["predictive"][0],
            nlohmann::json::parse(fmt::format(R"({{"level": 0.5, "low": {}, "high": {}}})", x - 10, x + 10)));
  EXPECT_DOUBLE_EQ(j["issues"][0]["predictive"][2]["low"].get<double>(), 0);  // clipped to the scale
  EXPECT_DOUBLE_EQ(j["issues"][0]["predictive"][2]["high"].get<double>(), 100);
  EXPECT_EQ(j["intervals"]["data"], "hand-made data");
  EXPECT_NE(text(table, OutputFormat::csv).find(fmt::format(",{},{},{},{},0,100\n", x - 10, x + 10, x - 20, x + 20)), std::string::npos);
  // A model the table does not know: no interval, and the table says so once.
  const std::string none = text(SkillTable{}, OutputFormat::table);
  EXPECT_EQ(none.find("80 % interval  "), std::string::npos) << none;
  EXPECT_NE(none.find("\n80 % interval: no measured error for model compromise (not in the skill table, docs/skill.md)\n"),
            std::string::npos)
      << none;
  EXPECT_FALSE(nlohmann::json::parse(text(SkillTable{}, OutputFormat::json))["issues"][0].contains("predictive"));
  EXPECT_NE(text(SkillTable{}, OutputFormat::csv).find(",one-shot,,,,,,,,,\n"), std::string::npos);
}

TEST(ForecastWriter, AnOutcomeWithoutAValueIsADashEmptyOrNull) {
  const Scenario s = example();
  Forecast f = find_model("compromise")->run(s, {});
  f.issues[0].outcome = std::nan("");
  f.issues[1].outcome.reset();
  const std::string table = written([&](std::ostream& out) { write_forecast(out, s, f, OutputFormat::table); });
  // No outcome, no predictive interval.
  EXPECT_NE(table.find(fmt::format("{:<27}  {:>9}  {:>14}  {:>10}", "Deployed warhead ceiling", "—", "—", "55.00")), std::string::npos)
      << table;
  EXPECT_NE(table.find(fmt::format("{:<27}  {:>9}  {:>14}  {:>10}", "On-site verification", "—", "—", "20.00")), std::string::npos)
      << table;
  const std::string csv = written([&](std::ostream& out) { write_forecast(out, s, f, OutputFormat::csv); });
  EXPECT_NE(csv.find("warhead-cap,Deployed warhead ceiling,,55,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("verification,On-site verification,,20,"), std::string::npos) << csv;
  const auto j = nlohmann::json::parse(written([&](std::ostream& out) { write_forecast(out, s, f, OutputFormat::json); }));
  EXPECT_TRUE(j["issues"][0]["outcome"].is_null());
  EXPECT_TRUE(j["issues"][1]["outcome"].is_null());
  EXPECT_TRUE(j["issues"][0]["predictive"].is_null());
  EXPECT_TRUE(j["issues"][1]["predictive"].is_null());
  EXPECT_EQ(j["issues"][2]["predictive"].size(), 3u);
}

TEST(ForecastWriter, PrintsWhatParleyRunPrintsForEveryModelAndFormat) {
  const Scenario flagship = read_as_given(kFlagship);
  for (const char* model : {"compromise", "median", "nbs", "bdm"})
    for (OutputFormat format : {OutputFormat::table, OutputFormat::json, OutputFormat::csv})
      expect_golden(fmt::format("run-{}-{}.txt", model, to_string(format)), forecast_text(flagship, model, format));
  expect_golden("run-smp-csv.txt", forecast_text(flagship, "smp", OutputFormat::csv));
  const Scenario arms = example();
  expect_golden("run-smp-arms-table.txt", forecast_text(arms, "smp", OutputFormat::table));
  expect_golden("run-smp-arms-json.txt", forecast_text(arms, "smp", OutputFormat::json));
  expect_golden("run-bdm-ec1994-table.txt", forecast_text(read_as_given("scenarios/examples/ec1994-emissions.yaml"), "bdm", OutputFormat::table));
}

TEST(TraceWriter, PrintsWhatParleyRunTracePrints) {
  const Scenario arms = example();
  expect_golden("trace-bdm-arms.txt", written([&](std::ostream& out) {
                  write_trace(out, arms, find_model("bdm")->run(arms, {{"trace", "true"}}));
                }));
  const Scenario ktab = read_as_given("tests/data/ktab/dummyData_3Dim.csv");
  const Forecast f = find_model("smp")->run(ktab, {{"trace", "true"}});
  expect_golden("trace-smp-ktab.txt", written([&](std::ostream& out) { write_trace(out, ktab, f); }));
  expect_golden("run-smp-ktab-table.txt", written([&](std::ostream& out) { write_forecast(out, ktab, f, OutputFormat::table); }));
}

TEST(ScenarioCheckWriter, PrintsWhatParleyValidatePrints) {
  for (const auto& [file, golden] : {std::pair{kFlagship, "validate-flagship.txt"}, std::pair{kArms, "validate-arms.txt"},
                                     std::pair{"tests/data/deu3/deu3-dev.tsv", "validate-deu.txt"}})
    expect_golden(golden, written([&](std::ostream& out) { write_scenario_check(out, file, read_as_given(file)); }));
}

}  // namespace
}  // namespace parley
