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
  // The events are applied one at a time to `work`; each stage is a copy without the absent actors.
  Scenario work = scenario;
  std::vector<bool> present = presence_at_start(scenario);
  Forecast out = forecast(at_stage(work, present), options);
  out.stages.push_back(stage_of(out, EventStage::none));
  for (std::size_t k = 0; k < scenario.events.size(); ++k) {
    apply_event(work, scenario.events[k], present);
    Forecast next = forecast(at_stage(work, present), options);
    out.stages.push_back(stage_of(next, k));
    out.issues = std::move(next.issues);
  }
  return out;
}

}  // namespace parley
