// A model registered at run time is a model like the built-in ones: the registry lists it, and a
// sweep, sensitivity analysis and the report take it up with no other edit. Its own executable,
// so that the extra model never shows in the other tests' registry.
#include "models/tiny_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "parley/parley.hpp"
#include "parley/report.hpp"
#include "parley/sensitivity.hpp"

namespace parley {
namespace {

using testing::kTinyModel;
using testing::register_tiny_model;

// Three actors on two issues; `tax` has no status quo and an uncertain position, so the tiny model's
// outcome on it varies across draws.
const char* const kScenario = R"yaml(parley: 1
metadata: {title: Tiny}
issues:
  - {id: tax, label: Tax, scale: {min: 0, max: 100}}
  - {id: spend, label: Spend, scale: {min: 0, max: 100}, status_quo: 40}
actors:
  - {id: a, name: A, capability: 10}
  - {id: b, name: B, capability: 20}
  - {id: c, name: C, capability: 5}
positions:
  a: {tax: {position: "triangular(10, 20, 40)", salience: 0.5}, spend: {position: 30, salience: 0.5}}
  b: {tax: {position: 80, salience: 0.6}, spend: {position: 60, salience: 0.4}}
  c: {tax: {position: 50, salience: 0.3}, spend: {position: 45, salience: 0.7}}
outcomes:
  low-tax: "tax <= 60"
)yaml";

Scenario tiny_scenario() { return read_scenario_text(kScenario, "tiny.yaml"); }

TEST(TinyModel, IsListedAndFoundOnceRegistered) {
  const std::size_t before = all_models().size();
  const Model& m = register_tiny_model();
  ASSERT_EQ(all_models().size(), before + 1);
  EXPECT_EQ(all_models().back(), &m);
  EXPECT_EQ(find_model(kTinyModel), &m);
  EXPECT_EQ(find_model("compromise")->name(), "compromise");  // the built-in ones stay
  EXPECT_THROW(register_model(nullptr), std::invalid_argument);
  struct Twin final : Model {
    std::string_view name() const override { return "compromise"; }
    std::string_view description() const override { return "a second compromise"; }
    Forecast forecast(const Scenario&, const ModelOptions&) const override { return {}; }
  };
  EXPECT_THROW(register_model(std::make_unique<Twin>()), std::invalid_argument);
  EXPECT_EQ(all_models().size(), before + 1);
}

TEST(TinyModel, Forecasts) {
  const Scenario s = tiny_scenario();
  const Forecast f = register_tiny_model().run(s, {});
  EXPECT_EQ(f.model, kTinyModel);
  EXPECT_DOUBLE_EQ(*f.issues[0].outcome, (s.stance(0, 0).position->point() + 80 + 50) / 3);
  EXPECT_EQ(*f.issues[1].outcome, 40);
}

TEST(TinyModel, RunsInASweep) {
  register_tiny_model();
  const SweepSetup setup(tiny_scenario(), *find_model(kTinyModel), {}, {7, 0});
  const SweepSummary s = run_sweep(setup, 200, {});
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[0].draws, 200u);
  EXPECT_GT(s.issues[0].sd, 0);
  EXPECT_GT(s.issues[0].q05, (10.0 + 80 + 50) / 3);
  EXPECT_LT(s.issues[0].q95, (40.0 + 80 + 50) / 3);
  EXPECT_EQ(s.issues[1].sd, 0);
  EXPECT_EQ(s.issues[1].mean, 40);
  ASSERT_EQ(s.classes.size(), 1u);
  EXPECT_EQ(s.classes[0].probability.estimate, 1);  // tax stays below 57
}

TEST(TinyModel, HasSensitivityIndices) {
  register_tiny_model();
  const SweepSetup setup(tiny_scenario(), *find_model(kTinyModel), {}, {7, 0});
  ASSERT_EQ(setup.inputs(), 1u);
  std::vector<double> base;
  const std::vector<TornadoBar> bars = tornado(setup, base, 1);
  ASSERT_EQ(bars.size(), 1u);
  EXPECT_LT(bars[0].low[0], base[0]);
  EXPECT_GT(bars[0].high[0], base[0]);
  const SobolResult sobol = scenario_sobol_indices(setup, {2048, 3, 1, 20});
  EXPECT_NEAR(sobol.at(0, 0).first, 1, 0.05);  // the one input explains all of tax's variance
  EXPECT_NEAR(sobol.at(0, 0).total, 1, 0.05);
}

TEST(TinyModel, AppearsInTheReport) {
  register_tiny_model();
  ReportOptions o;
  o.draws = 20;
  const Report r = build_report(tiny_scenario(), o);
  EXPECT_NE(r.html.find("<th>" + std::string(kTinyModel) + "</th>"), std::string::npos);
  o.models = {find_model(kTinyModel)};
  const Report alone = build_report(tiny_scenario(), o);  // no model with rounds: it leads
  EXPECT_NE(alone.html.find("tornado (" + std::string(kTinyModel) + ")"), std::string::npos);
}

TEST(TinyModel, FollowsTheContractForOptionsAndRequests) {
  const Model& m = register_tiny_model();
  Scenario s = tiny_scenario();
  s.model_options[kTinyModel] = {{"bogus", "1"}};
  try {
    m.run(s, {});
    ADD_FAILURE() << "the scenario's unknown option was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "model_options.status-quo-or-mean.bogus");
    EXPECT_EQ(e.problem(), "model 'status-quo-or-mean' has no option 'bogus'");
  }
  EXPECT_THROW(check_scenario_options(s), InputError);
  EXPECT_FALSE(m.traits().rounds || m.traits().seed || m.traits().trace || m.traits().events);
  try {
    apply_request(m, {}, {.rounds = 3});
    ADD_FAILURE() << "--rounds was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--rounds");
    EXPECT_EQ(e.expected(), "a model with rounds (bdm, smp, exchange)");
  }
}

}  // namespace
}  // namespace parley
