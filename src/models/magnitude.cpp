#include "models/magnitude.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "parley/error.hpp"

namespace parley::models {

namespace {

/// The largest capability a model could see: the upper end of every capability's distribution.
double largest_capability(const Scenario& s) {
  double largest = 0;
  auto see = [&](const Parameter& p) { largest = std::max({largest, std::fabs(p.value.a()), std::fabs(p.value.b()), std::fabs(p.value.c())}); };
  for (const Actor& a : s.actors()) see(a.capability);
  for (std::size_t i = 0; i < s.issues().size(); ++i)
    for (std::size_t a = 0; a < s.actors().size(); ++a)
      if (const Stance& st = s.stance(i, a); st.capability) see(*st.capability);
  for (const Event& e : s.events)
    for (const EventChange& c : e.changes)
      if (c.field == EventChange::Field::capability) see(c.value);
  return largest;
}

}  // namespace

int capability_rescaling(const Scenario& scenario) {
  const double largest = largest_capability(scenario);
  if (!(largest > 0) || !std::isfinite(largest)) return 0;
  if (largest >= std::ldexp(1.0, -64) && largest <= std::ldexp(1.0, 64)) return 0;
  return -std::ilogb(largest);
}

Scenario with_capabilities_rescaled(const Scenario& scenario, int k) {
  Scenario out = scenario;
  if (k == 0) return out;
  const double factor = std::ldexp(1.0, k);
  auto rescale = [&](Parameter& p) { p.value = p.value.scaled(factor); };
  for (std::size_t a = 0; a < out.actors().size(); ++a) rescale(out.actor(a).capability);
  for (std::size_t i = 0; i < out.issues().size(); ++i)
    for (std::size_t a = 0; a < out.actors().size(); ++a)
      if (Stance& st = out.stance(i, a); st.capability) rescale(*st.capability);
  for (Event& e : out.events)
    for (EventChange& c : e.changes)
      if (c.field == EventChange::Field::capability) rescale(c.value);
  return out;
}

namespace {

[[noreturn]] void not_finite(const Model& model, const std::string& issue, double outcome) {
  throw InputError({}, "issue " + issue,
                   fmt::format("model '{}' computed a non-finite outcome ({}): the inputs' magnitudes overflow its arithmetic", model.name(),
                               outcome),
                   "capabilities and positions of moderate magnitude (docs/cli.md, \"Limits\")");
}

}  // namespace

void check_outcomes_finite(const Model& model, const Forecast& forecast) {
  for (const IssueForecast& f : forecast.issues)
    if (f.outcome && !std::isfinite(*f.outcome)) not_finite(model, f.issue_id, *f.outcome);
  for (const EventStage& stage : forecast.stages)
    for (std::size_t i = 0; i < stage.outcomes.size() && i < forecast.issues.size(); ++i)
      if (stage.outcomes[i] && !std::isfinite(*stage.outcomes[i])) not_finite(model, forecast.issues[i].issue_id, *stage.outcomes[i]);
}

}  // namespace parley::models
