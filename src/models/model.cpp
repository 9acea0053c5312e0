// The model contract (parley/model.hpp): options merged from the scenario, the requests of
// `--rounds`, `--seed` and `--trace`, and a scenario's timeline for models without rounds
// (docs/events.md).
#include "parley/model.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "models/magnitude.hpp"
#include "models/options.hpp"
#include "parley/error.hpp"
#include "parley/timeline.hpp"

namespace parley {

namespace {

EventStage stage_of(const Forecast& f, std::size_t after) {
  EventStage stage{after, {}};
  for (const IssueForecast& i : f.issues) stage.outcomes.push_back(i.outcome);
  return stage;
}

/// Checks the options `scenario` sets for `model`, each where the file set it.
void check_options_of(const Model& model, const Scenario& scenario, const ModelOptions& options) {
  const std::string name(model.name());
  const auto origins = scenario.model_option_origins.find(name);
  for (const auto& [option, value] : options) {
    try {
      model.check_options({{option, value}});
    } catch (const InputError& e) {
      if (origins != scenario.model_option_origins.end())
        if (const auto at = origins->second.find(option); at != origins->second.end())
          throw InputError(at->second.where, at->second.field, e.problem(), e.expected());
      throw InputError({}, "model_options." + name + "." + option, e.problem(), e.expected());
    }
  }
}

/// The names of the models with a trait, for messages: " (bdm, smp)", or "" when there are none.
std::string models_with(bool ModelTraits::*trait) {
  std::string names;
  for (const Model* m : all_models())
    if (m->traits().*trait) names += (names.empty() ? "" : ", ") + std::string(m->name());
  return names.empty() ? "" : " (" + names + ")";
}

/// Adds the options that carry out one request (`single`, shown as `shown`) to `options`, refusing
/// one that `given` sets to another value.
void carry_out(const Model& model, const RunRequest& single, const char* flag, const std::string& shown, const ModelOptions& given,
               ModelOptions& options) {
  const ModelOptions set = model.request_options(single);
  if (set.empty())
    throw std::logic_error(
        fmt::format("model '{}' declares the trait behind {} but its request_options() sets no option", model.name(), flag));
  for (const auto& [name, value] : set) {
    const auto it = given.find(name);
    if (it != given.end() && it->second != value)
      throw InputError({}, flag, fmt::format("{} sets {}={}, but --option {}={} was also given", shown, name, value, name, it->second),
                       fmt::format("either {} or --option {}={}", shown, name, it->second));
    options[name] = value;
  }
}

}  // namespace

std::optional<ModelOptions> Model::fit(const Scenario&, const std::vector<std::size_t>&, const ModelOptions&) const { return std::nullopt; }

ModelOptions Model::request_options(const RunRequest&) const { return {}; }

void Model::check_options(const ModelOptions& options) const { (void)models::OptionReader(*this, options); }

Forecast Model::run(const Scenario& scenario, const ModelOptions& options) const {
  const int k = models::capability_rescaling(scenario);
  Forecast out =
      k == 0 ? run_options_merged(scenario, options) : run_options_merged(models::with_capabilities_rescaled(scenario, k), options);
  models::check_outcomes_finite(*this, out);
  return out;
}

Forecast Model::run_options_merged(const Scenario& scenario, const ModelOptions& options) const {
  if (!scenario.model_options.empty()) {
    const auto own = scenario.model_options.find(std::string(name()));
    if (own != scenario.model_options.end() && !own->second.empty()) {
      check_options_of(*this, scenario, own->second);
      ModelOptions merged = own->second;
      for (const auto& [k, v] : options) merged[k] = v;
      return run_merged(scenario, merged);
    }
  }
  return run_merged(scenario, options);
}

Forecast Model::run_merged(const Scenario& scenario, const ModelOptions& options) const {
  if (scenario.events.empty() || applies_events()) return forecast(scenario, options);
  // The events are applied one at a time to `work` (which needs no timeline of its own); each stage
  // is `work` without the absent actors, copied once and then brought up to date event by event
  // (update_stage) rather than copied again (sweeps run this per draw).
  Scenario work = scenario;
  work.events.clear();
  std::vector<bool> present = presence_at_start(scenario);
  Scenario stage = at_stage(work, present);
  Forecast out = forecast(stage, options);
  out.stages.push_back(stage_of(out, EventStage::none));
  for (std::size_t k = 0; k < scenario.events.size(); ++k) {
    apply_event(work, scenario.events[k], present);
    update_stage(stage, work, scenario.events[k], present);
    Forecast next = forecast(stage, options);
    out.stages.push_back(stage_of(next, k));
    out.issues = std::move(next.issues);
    out.exchanges = std::move(next.exchanges);
  }
  return out;
}

ModelOptions apply_request(const Model& model, ModelOptions options, const RunRequest& request) {
  const ModelTraits traits = model.traits();
  const std::string who = "model '" + std::string(model.name()) + "'";
  const ModelOptions given = options;
  if (request.rounds) {
    if (!traits.rounds) throw InputError({}, "--rounds", who + " has no rounds", "a model with rounds" + models_with(&ModelTraits::rounds));
    carry_out(model, {.rounds = request.rounds}, "--rounds", fmt::format("--rounds {}", *request.rounds), given, options);
  }
  if (request.seed) {
    if (!traits.seed)
      throw InputError({}, "--seed", who + " draws no random numbers", "a model with a seed" + models_with(&ModelTraits::seed));
    carry_out(model, {.seed = request.seed}, "--seed", "--seed " + *request.seed, given, options);
  }
  if (request.trace) {
    if (!traits.trace)
      throw InputError({}, "--trace", who + " has no rounds to trace", "a model with rounds" + models_with(&ModelTraits::trace));
    carry_out(model, {.trace = true}, "--trace", "--trace", given, options);
  }
  return options;
}

void check_scenario_options(const Scenario& scenario) {
  for (const auto& [name, options] : scenario.model_options) {
    if (const Model* model = find_model(name)) {
      check_options_of(*model, scenario, options);
      continue;
    }
    std::string known;
    for (const Model* m : all_models()) known += (known.empty() ? "" : ", ") + std::string(m->name());
    SourcePosition where;
    if (const auto o = scenario.model_option_origins.find(name); o != scenario.model_option_origins.end() && !o->second.empty())
      where = o->second.begin()->second.where;
    throw InputError(where, "model_options." + name, "no model '" + name + "'", "one of: " + known);
  }
}

}  // namespace parley
