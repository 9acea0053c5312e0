// Keeping models' arithmetic finite whatever the magnitude of the inputs (issue #14, item 9).
//
// Models weigh actors by capability, and every model is homogeneous of degree zero in the
// capabilities: multiplying them all by one factor leaves every forecast unchanged. Multiplying by
// a power of two is exact in floating point, so a scenario whose capabilities are extreme (1e300 or
// 1e-300, which overflow or underflow once multiplied and summed) is forecast on a copy whose
// capabilities are rescaled by a power of two, bit for bit the forecast of the original wherever
// the original's arithmetic stays finite.
#pragma once

#include "parley/forecast.hpp"
#include "parley/model.hpp"
#include "parley/scenario.hpp"

namespace parley::models {

/// The power of two k by which `scenario`'s capabilities (actors', stances' and events') are
/// multiplied before a model runs: 0 when the largest lies in [2^-64, 2^64] (every real scenario),
/// else the k that brings the largest into [1, 2).
int capability_rescaling(const Scenario& scenario);

/// `scenario` with every capability (point values and distributions) multiplied by 2^k.
Scenario with_capabilities_rescaled(const Scenario& scenario, int k);

/// Throws InputError when `forecast` holds an outcome that is not a finite number: the model's
/// arithmetic broke down on these inputs, and a silent NaN or infinity would reach the analyst.
void check_outcomes_finite(const Model& model, const Forecast& forecast);

}  // namespace parley::models
