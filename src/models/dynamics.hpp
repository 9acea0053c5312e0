// Convergence and cycles of a model with rounds (bdm, smp): what the recorded states show, and the
// forecast of a run that cycles (docs/models/bdm.md, "Convergence and cycles").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parley/forecast.hpp"
#include "parley/model.hpp"

namespace parley::models {

/// The status of a run from its states: states[t] is the state after round t (states[0] the
/// start), every coordinate compared within tolerance[k] (the same length as each state; NaN
/// equals only NaN). Rounds before `settled` (the round of the last event, 0 without events) are
/// not compared. Converged: the last state equals the one before; cycle: the smallest p >= 2 such
/// that each of the last p states equals the state p rounds earlier, all from round `settled` on;
/// otherwise not converged. `averaged` is left false.
Dynamics detect_dynamics(const std::vector<std::vector<double>>& states, const std::vector<double>& tolerance, std::size_t settled);

/// How a model with rounds forecasts a run that cycles (option `cycle`).
enum class CycleForecast { mean, last };

/// The `cycle` option's spec: mean (default) or last.
ModelOptionSpec cycle_option_spec();

/// The option's value; InputError naming --option cycle for anything but "mean" or "last".
CycleForecast read_cycle_option(const std::string& text);

/// The forecast of a run from its per-round forecasts (per_round[t] after round t; the same length
/// as the states `dynamics` was detected on). A cycle with `rule` mean: the mean of the last
/// `period` rounds' forecasts, and `dynamics.averaged` is set; otherwise the last round's.
double forecast_over_run(const std::vector<double>& per_round, Dynamics& dynamics, CycleForecast rule);

}  // namespace parley::models
