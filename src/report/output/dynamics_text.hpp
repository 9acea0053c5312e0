// How a model with rounds ended (Dynamics, include/parley/forecast.hpp), as every writer says it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parley/forecast.hpp"

namespace parley::report {

/// "converged after 7 rounds", "2-cycle from round 9: the forecast is the mean over the cycle",
/// "2-cycle from round 9: the forecast is the last round's (cycle=last)", "not converged after 100
/// rounds"; "" for one-shot. `unit` names a step: "round" (bdm) or "turn" (smp).
std::string describe_dynamics(const Dynamics& d, const char* unit = "round");

/// Whether the forecast is to be read with care: a cycle or no convergence.
inline bool unsettled(const Dynamics& d) { return d.status == DynamicsStatus::cycle || d.status == DynamicsStatus::not_converged; }

/// JSON: {"status", "rounds", "period", "start", "forecast"} (docs/json-output.md); null for one-shot.
nlohmann::ordered_json dynamics_json(const Dynamics& d);

}  // namespace parley::report
