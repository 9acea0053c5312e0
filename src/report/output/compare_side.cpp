// compare_side: one scenario of `parley compare` (and POST /api/compare), evaluated.
#include "parley/output.hpp"

namespace parley {

ComparedScenario compare_side(std::string file, Scenario scenario, const Model& model, const ModelOptions& options,
                              const SamplingOptions& sampling, std::uint64_t draws, const SweepControl& control) {
  ComparedScenario side;
  side.file = std::move(file);
  side.scenario = std::move(scenario);
  const SweepSetup setup(side.scenario, model, options, sampling);
  side.point = setup.point_forecast();
  side.sweep = run_sweep(setup, draws, control);
  return side;
}

}  // namespace parley
