#include "models/dynamics.hpp"

#include <cmath>

#include "parley/error.hpp"

namespace parley::models {

namespace {

using States = std::vector<std::vector<double>>;

/// Whether two states are the same within the tolerance (NaN equals only NaN).
bool same(const std::vector<double>& a, const std::vector<double>& b, const std::vector<double>& tolerance) {
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::isnan(a[k]) || std::isnan(b[k])) {
      if (std::isnan(a[k]) != std::isnan(b[k])) return false;
      continue;
    }
    if (!(std::fabs(a[k] - b[k]) <= tolerance[k])) return false;
  }
  return true;
}

/// Whether state(t) = state(t - p) for every t in [from, to] (all >= p).
bool repeats(const States& states, const std::vector<double>& tolerance, std::size_t p, std::size_t from, std::size_t to) {
  for (std::size_t t = from; t <= to; ++t)
    if (!same(states[t], states[t - p], tolerance)) return false;
  return true;
}

/// The first round from which every state equals the one p rounds later, given that the last p
/// states do (and not before `settled`).
std::size_t start_of(const States& states, const std::vector<double>& tolerance, std::size_t p, std::size_t settled) {
  std::size_t s = states.size() - 1 - p;  // state(s) = state(s + p) holds here
  while (s > settled && same(states[s - 1], states[s - 1 + p], tolerance)) --s;
  return s;
}

}  // namespace

Dynamics detect_dynamics(const States& states, const std::vector<double>& tolerance, std::size_t settled) {
  Dynamics d;
  d.status = DynamicsStatus::not_converged;
  if (states.empty()) return d;
  const std::size_t last = states.size() - 1;
  d.rounds = last;
  if (last < settled + 1) return d;
  const std::size_t span = last - settled;  // states settled..last may be compared
  auto found = [&](DynamicsStatus status, std::size_t p) {
    d.status = status;
    d.period = p;
    d.start = start_of(states, tolerance, p, settled);
    return d;
  };
  if (same(states[last], states[last - 1], tolerance)) return found(DynamicsStatus::converged, 1);
  // A cycle of period p: each of the last p states equals the one p rounds before it, so two
  // whole periods lie in rounds settled..last.
  for (std::size_t p = 2; 2 * p - 1 <= span; ++p)
    if (repeats(states, tolerance, p, last - p + 1, last)) return found(DynamicsStatus::cycle, p);
  return d;
}

ModelOptionSpec cycle_option_spec() {
  return {"cycle", "mean",
          "forecast of a run that cycles: mean (the mean of the forecasts over one period) or last (the last round's state, "
          "which depends on where the cycle was cut)"};
}

CycleForecast read_cycle_option(const std::string& text) {
  if (text == "mean") return CycleForecast::mean;
  if (text == "last") return CycleForecast::last;
  throw InputError({}, "--option cycle", "got '" + text + "'", "one of: mean, last");
}

double forecast_over_run(const std::vector<double>& per_round, Dynamics& dynamics, CycleForecast rule) {
  if (dynamics.status != DynamicsStatus::cycle || rule == CycleForecast::last || per_round.size() < dynamics.period)
    return per_round.empty() ? std::nan("") : per_round.back();
  double sum = 0;
  for (std::size_t t = per_round.size() - dynamics.period; t < per_round.size(); ++t) sum += per_round[t];
  dynamics.averaged = true;
  return sum / static_cast<double>(dynamics.period);
}

}  // namespace parley::models
