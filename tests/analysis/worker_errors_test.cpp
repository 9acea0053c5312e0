// A model that throws on a worker thread of a sweep, a sensitivity analysis or a tornado: the
// caller gets the model's own exception (core/parallel.hpp), and the process goes on.
#include <gtest/gtest.h>

#include <string>

#include "models/model_fixtures.hpp"
#include "parley/sensitivity.hpp"
#include "parley/sweep.hpp"

namespace parley {
namespace {

/// The compromise of one issue, but an InputError when actor 1 stands above 55.
class ThrowsAbove55 : public Model {
 public:
  std::string_view name() const override { return "throws-above-55"; }
  std::string_view description() const override { return "test model"; }

 protected:
  Forecast forecast(const Scenario& scenario, const ModelOptions& options) const override {
    const double x = scenario.stance(0, 1).position->value.point_value();
    if (x > 55) throw InputError({}, "position", "got " + std::to_string(x), "at most 55");
    return find_model("compromise")->run(scenario, options);
  }
};

/// Three actors; actors 0 and 1 uniform on [0, 60]: point values (30) pass, the upper tail throws.
Scenario uncertain_scenario() {
  Scenario s = testing::one_issue({{30}, {50}, {100}});
  s.stance(0, 0).position->value = Uncertain::range(0, 60);
  s.stance(0, 1).position->value = Uncertain::range(0, 60);
  return s;
}

const ThrowsAbove55 kModel;

TEST(WorkerErrors, AModelsInputErrorInASweepReachesTheCaller) {
  const SweepSetup setup(uncertain_scenario(), kModel, {}, {7, 0});  // the point forecast passes
  SweepControl control;
  control.threads = 4;
  try {
    (void)run_sweep(setup, 2000, control);
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "position");
    EXPECT_EQ(e.expected(), "at most 55");
  }
}

TEST(WorkerErrors, AModelsInputErrorInASensitivityAnalysisReachesTheCaller) {
  const SweepSetup setup(uncertain_scenario(), kModel, {}, {7, 0});
  EXPECT_THROW((void)scenario_sobol_indices(setup, {256, 7, 4, 10}), InputError);
}

TEST(WorkerErrors, AModelsInputErrorInATornadoReachesTheCaller) {
  const SweepSetup setup(uncertain_scenario(), kModel, {}, {7, 0});
  std::vector<double> base;
  EXPECT_THROW((void)tornado(setup, base, 2), InputError);  // on the worker: actor 1 at its 95 % quantile, 57
}

}  // namespace
}  // namespace parley
