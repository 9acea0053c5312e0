// The writers of sweeps, sensitivity, comparisons, feasibility and backtests: what the commands
// print for the same inputs (golden files from generate.sh), and the formats each refuses.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "models/model_fixtures.hpp"
#include "parley/parley.hpp"
#include "parley/sensitivity.hpp"
#include "report/golden_support.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_golden;
using testing::written;

using testing::kArms;
using testing::kFlagship;

Scenario read_with(const std::string& file, const std::vector<std::string>& overrides = {}) {
  Scenario s = testing::read_as_given(file);
  apply_overrides(s, overrides);
  return s;
}

/// Expects `f` to throw InputError naming `field` and expecting `expected`.
template <typename F>
void expect_option_error(F&& f, const std::string& field, const std::string& expected) {
  try {
    f();
    ADD_FAILURE() << "no InputError for " << field;
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), field);
    EXPECT_EQ(e.expected(), expected);
  }
}

SweepSummary sweep(const SweepSetup& setup, std::uint64_t draws) {
  SweepControl control;
  control.threads = 2;
  return run_sweep(setup, draws, control);
}

TEST(BacktestWriter, PrintsWhatParleyBacktestPrints) {
  const Scenario deu = read_with("tests/data/deu3/deu3-dev.tsv");
  for (const char* model : {"compromise", "bdm"})
    expect_golden(fmt::format("backtest-{}.txt", model), written([&](std::ostream& out) {
                    write_backtest(out, deu, backtest(deu, *find_model(model), {}), "equal", OutputFormat::table);
                  }));
  ReadOptions gdp;
  gdp.deu_capability = DeuCapability::gdp;
  const Scenario deu_gdp = testing::read_as_given("tests/data/deu3/deu3-dev.tsv", gdp);
  const BacktestResult r = backtest(deu_gdp, *find_model("median"), {});
  expect_golden("backtest-median-gdp.txt",
                written([&](std::ostream& out) { write_backtest(out, deu_gdp, r, "gdp", OutputFormat::table); }));
  expect_golden("backtest-median-gdp-csv.txt",
                written([&](std::ostream& out) { write_backtest(out, deu_gdp, r, "gdp", OutputFormat::csv); }));
  std::ostringstream out;
  expect_option_error([&] { write_backtest(out, deu_gdp, r, "gdp", OutputFormat::json); }, "--format", "table or csv");
  EXPECT_EQ(out.str(), "");
}

TEST(SweepWriter, PrintsWhatParleySweepPrints) {
  const SweepSetup compromise(read_with(kFlagship), *find_model("compromise"), {}, {1, 0});
  expect_golden("sweep-1-table.txt", written([&](std::ostream& out) {
                  write_sweep_summary(out, sweep(compromise, 300),
                                      {compromise.scenario().metadata.title, "compromise", 1, compromise.inputs(), 1, "OUT/s.db"},
                                      OutputFormat::table);
                }));
  const SweepSetup bdm(read_with(kFlagship), *find_model("bdm"), {}, {1, 0});
  expect_golden("sweep-2-json.txt", written([&](std::ostream& out) {
                  write_sweep_summary(out, sweep(bdm, 60), {bdm.scenario().metadata.title, "bdm", 1, bdm.inputs(), 2, "OUT/s.db"},
                                      OutputFormat::json);
                }));
  const SweepSetup median(read_with(kArms, {"us-president.warhead-cap.position=45"}), *find_model("median"), {}, {7, 0.5});
  expect_golden("sweep-3-csv.txt", written([&](std::ostream& out) { write_sweep_summary(out, sweep(median, 50), {}, OutputFormat::csv); }));
}

TEST(SweepWriter, WarnsAboutOverlappingClassesAndUnclassifiedDraws) {
  const SweepSetup median(read_with(kArms, {"us-president.warhead-cap.position=45"}), *find_model("median"), {}, {7, 0.5});
  EXPECT_EQ(sweep_class_warnings(sweep(median, 50)),
            "warning: classes 'deep-deal' and 'shallow-deal' overlap: all 50 draws fall in both\n");
  // A share of draws never reads 100.0 % unless it is all of them.
  SweepSummary nearly;
  nearly.draws = 2000;
  nearly.classes = {{"a", "", "", wilson_interval(1999, 2000)}, {"b", "", "", wilson_interval(1999, 2000)}};
  nearly.overlaps = {{0, 1, 1999}};
  nearly.unclassified = {{"", wilson_interval(1999, 2000)}};
  EXPECT_EQ(sweep_class_warnings(nearly),
            "warning: classes 'a' and 'b' overlap: 1999 draws (> 99.9 %) fall in both\n"
            "warning: 1999 draws (> 99.9 %) fall in no outcome class\n");
  nearly.unclassified = {{"war", wilson_interval(2000, 2000)}};
  nearly.overlaps.clear();
  EXPECT_EQ(sweep_class_warnings(nearly), "warning: all 2000 draws fall in no outcome class of group 'war'\n");
}

TEST(SensitivityWriter, SaysWhereInteractionsDominate) {
  SensitivityResults r;
  r.title = "T";
  r.model = "m";
  r.inputs = {"x", "y", "z"};
  r.issues = {"o"};
  r.with_sobol = true;
  r.samples = 8;
  r.sobol.factors = 3, r.sobol.outputs = 1, r.sobol.samples = 8;
  r.sobol.variance = {1};
  // x: total 0.6 against first 0.02 (interactions); y: 0.52 against 0.5 (first order); z: 0.3 against -0.1 (interactions).
  r.sobol.index = {{0.02, 0, 0.6, 0}, {0.5, 0, 0.52, 0}, {-0.1, 0, 0.3, 0}};
  std::ostringstream out;
  write_sensitivity(out, r, OutputFormat::table, 5);
  EXPECT_NE(out.str().find("  note: interactions dominate for x, z: each one's total index exceeds twice its first-order index by more "
                           "than 0.05, so first-order indices understate their effect\n"),
            std::string::npos)
      << out.str();
  r.sobol.index = {{0.3, 0, 0.6, 0}, {0.5, 0, 0.52, 0}, {0.1, 0, 0.1, 0}};
  std::ostringstream none;
  write_sensitivity(none, r, OutputFormat::table, 5);
  EXPECT_EQ(none.str().find("interactions dominate"), std::string::npos) << none.str();
}

/// The sensitivity of `file` as `parley sensitivity --model compromise --samples N` computes it.
SensitivityResults sensitivity(const std::string& file, std::size_t samples, bool with_sobol, bool with_tornado) {
  const SweepSetup setup(read_with(file), *find_model("compromise"), {}, {1, 0.0});
  SensitivityResults r = sensitivity_outline(setup, 1);
  r.with_sobol = with_sobol;
  r.with_tornado = with_tornado;
  r.samples = samples;
  if (with_sobol) r.sobol = scenario_sobol_indices(setup, {samples, 1, 2, 100});
  if (with_tornado) r.tornado = tornado(setup, r.at_point_values, 2);
  return r;
}

TEST(SensitivityWriter, PrintsWhatParleySensitivityPrints) {
  const SensitivityResults both = sensitivity(kArms, 64, true, true);
  for (OutputFormat format : {OutputFormat::table, OutputFormat::json, OutputFormat::csv})
    expect_golden(fmt::format("sensitivity-arms-{}.txt", to_string(format)),
                  written([&](std::ostream& out) { write_sensitivity(out, both, format, 3); }));
  expect_golden("sensitivity-arms-tornado-table.txt",
                written([&](std::ostream& out) { write_sensitivity(out, sensitivity(kArms, 64, false, true), OutputFormat::table, 3); }));
  expect_golden("sensitivity-arms-sobol-json.txt",
                written([&](std::ostream& out) { write_sensitivity(out, sensitivity(kArms, 64, true, false), OutputFormat::json, 3); }));
  expect_golden("sensitivity-flagship-table.txt", written([&](std::ostream& out) {
                  write_sensitivity(out, sensitivity(kFlagship, 16, true, true), OutputFormat::table, 2);
                }));
}

TEST(SensitivityWriter, WithholdsTheIndicesOfAnIssueWhoseRunDoesNotSettle) {
  SensitivityResults r = sensitivity(kArms, 16, true, true);
  ASSERT_EQ(r.dynamics.size(), r.issues.size());  // from the point forecast: compromise is one-shot
  EXPECT_EQ(r.dynamics[0].status, DynamicsStatus::one_shot);
  r.dynamics[0] = {DynamicsStatus::not_converged, 10, 0, 0, false};
  r.dynamics[1] = {DynamicsStatus::cycle, 10, 2, 3, true};
  const std::string table = written([&](std::ostream& out) { write_sensitivity(out, r, OutputFormat::table, 3); });
  const std::size_t first = table.find("\nissue " + r.issues[0]), second = table.find("\nissue " + r.issues[1]);
  ASSERT_NE(second, std::string::npos);
  const std::string withheld = table.substr(first, second - first);
  EXPECT_NE(withheld.find("\n  indices withheld: the model does not converge at the point values (not converged after 10 rounds): its "
                          "forecast depends on where the run was cut, so indices cannot be estimated\n"),
            std::string::npos)
      << withheld;
  EXPECT_EQ(withheld.find(r.inputs[0]), std::string::npos) << withheld;  // no bare numbers
  EXPECT_NE(table.find("\n  note: the model cycles at the point values (2-cycle from round 3: the forecast is the mean over the cycle)"),
            std::string::npos);
  const auto j = nlohmann::json::parse(written([&](std::ostream& out) { write_sensitivity(out, r, OutputFormat::json, 3); }));
  EXPECT_EQ(j["outputs"][0]["indices_trusted"], false);
  EXPECT_EQ(j["outputs"][0]["dynamics"]["status"], "not-converged");
  EXPECT_EQ(j["outputs"][1]["indices_trusted"], true);
  EXPECT_FALSE(j["outputs"][2].contains("dynamics"));
  const std::string csv = written([&](std::ostream& out) { write_sensitivity(out, r, OutputFormat::csv, 3); });
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "kind,output,input,first,first_error,total,total_error,tornado_low,tornado_high,caution");
  EXPECT_NE(csv.find(",\"the model does not converge at the point values"), std::string::npos);
}

TEST(SensitivityWriter, TakesTheDynamicsFromThePointForecast) {
  const Scenario swing = testing::one_issue({{0, 0.2, 0.2}, {10, 2, 0.5}, {70, 2, 0.5}});
  const SweepSetup setup(swing, *find_model("bdm"), {{"cycle", "last"}}, {1, 0.0});
  const SensitivityResults r = sensitivity_outline(setup, 1);
  ASSERT_EQ(r.dynamics.size(), 1u);
  EXPECT_EQ(r.dynamics[0].status, DynamicsStatus::cycle);
  EXPECT_FALSE(r.dynamics[0].averaged);
  EXPECT_NE(written([&](std::ostream& out) { write_sensitivity(out, r, OutputFormat::table, 3); })
                .find("indices withheld: the model cycles at the point values (2-cycle from round 1: the forecast is the last round's "
                      "(cycle=last)): the indices would measure where the cycle was cut, not the inputs"),
            std::string::npos);
}

TEST(FeasibilityWriter, PrintsWhatParleyFeasibilityPrintsAndOffersNoCsv) {
  const Scenario s = read_with(kFlagship);
  const Feasibility f = assess_feasibility(s);
  const FeasibilityOdds odds = feasibility_odds(s, 300, {1, 0}, 2);
  expect_golden("feasibility-table.txt", written([&](std::ostream& out) { write_feasibility(out, s, f, odds, 1, OutputFormat::table); }));
  expect_golden("feasibility-json.txt", written([&](std::ostream& out) { write_feasibility(out, s, f, odds, 1, OutputFormat::json); }));
  std::ostringstream out;
  expect_option_error([&] { write_feasibility(out, s, f, odds, 1, OutputFormat::csv); }, "--format", "table or json");
  EXPECT_EQ(out.str(), "");
}

// parley feasibility --package ukraine-terms,sanctions --package arms-control,arctic: the same
// document with the packages after it (the first without a deal, the second with one, where
// ukraine's negotiator has no position).
TEST(FeasibilityWriter, PrintsPackageDealsAfterTheIssues) {
  const Scenario s = read_with(kFlagship);
  const Feasibility f = assess_feasibility(s);
  const FeasibilityOdds odds = feasibility_odds(s, 300, {1, 0}, 2);
  const std::vector<std::vector<std::size_t>> packages{package_issues(s, {"ukraine-terms", "sanctions"}, "--package"),
                                                       package_issues(s, {"arms-control", "arctic"}, "--package")};
  const PackageDeals deals{{assess_package(s, packages[0]), assess_package(s, packages[1])},
                           package_deal_odds(s, packages, 300, {1, 0}, 2)};
  for (const auto& [name, format] : {std::pair{"table", OutputFormat::table}, std::pair{"json", OutputFormat::json}})
    expect_golden(std::string("feasibility-package-") + name + ".txt",
                  written([&](std::ostream& out) { write_feasibility(out, s, f, odds, deals, 1, format); }));
}

/// One side of `parley compare`: the scenario, its forecast at the point values and its sweep.
ComparedScenario side(const std::string& file, const std::string& model, std::uint64_t draws, std::uint64_t seed) {
  const SweepSetup setup(read_with(file), *find_model(model), {}, {seed, 0});
  return {file, setup.scenario(), setup.point_forecast(), sweep(setup, draws)};
}

TEST(CompareWriter, PrintsWhatParleyComparePrints) {
  const Comparison twins{side(kArms, "compromise", 200, 1), side("scenarios/examples/arms-control.json", "compromise", 200, 1),
                         "compromise", 200, 1};
  const Comparison mixed{side(kArms, "median", 40, 3), side(kFlagship, "median", 40, 3), "median", 40, 3};
  for (OutputFormat format : {OutputFormat::table, OutputFormat::json, OutputFormat::csv}) {
    expect_golden(fmt::format("compare-arms-{}.txt", to_string(format)),
                  written([&](std::ostream& out) { write_comparison(out, twins, format); }));
    expect_golden(fmt::format("compare-mixed-{}.txt", to_string(format)),
                  written([&](std::ostream& out) { write_comparison(out, mixed, format); }));
  }
}

TEST(OutputFormat, NamesAndParsesTheFormatsAndListsTheAcceptedOnes) {
  for (OutputFormat f : {OutputFormat::table, OutputFormat::json, OutputFormat::csv}) EXPECT_EQ(output_format_from_string(to_string(f)), f);
  EXPECT_EQ(output_format_from_string("yaml"), std::nullopt);
  EXPECT_EQ(parse_output_format("csv", {OutputFormat::csv, OutputFormat::json}), OutputFormat::csv);
  expect_option_error(
      [] {
        parse_output_format("xml", {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
      },
      "--format", "table, json or csv");
  expect_option_error([] { parse_output_format("table", {OutputFormat::csv, OutputFormat::json}); }, "--format", "csv or json");
}

TEST(Schemas, EveryIdIsVersionedAndListedOnce) {
  std::set<std::string> seen;
  for (const char* id : kSchemas) {
    EXPECT_TRUE(std::string(id).starts_with("parley.")) << id;
    EXPECT_TRUE(std::string(id).ends_with("/1")) << id;
    EXPECT_TRUE(seen.insert(id).second) << id;
  }
  EXPECT_EQ(seen.size(), 15u);
}

}  // namespace
}  // namespace parley
