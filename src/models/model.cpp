// Model::run: a scenario's timeline for models without rounds (docs/events.md).
#include "parley/model.hpp"
#include "parley/timeline.hpp"

namespace parley {

namespace {

EventStage stage_of(const Forecast& f, std::size_t after) {
  EventStage stage{after, {}};
  for (const IssueForecast& i : f.issues) stage.outcomes.push_back(i.outcome);
  return stage;
}

}  // namespace

Forecast Model::run(const Scenario& scenario, const ModelOptions& options) const {
  if (scenario.events.empty() || applies_events()) return forecast(scenario, options);
  Forecast out = forecast(scenario_at(scenario, 0), options);
  out.stages.push_back(stage_of(out, EventStage::none));
  for (std::size_t k = 0; k < scenario.events.size(); ++k) {
    Forecast next = forecast(scenario_at(scenario, k + 1), options);
    out.stages.push_back(stage_of(next, k));
    out.issues = std::move(next.issues);
  }
  return out;
}

}  // namespace parley
