// Summaries of out-of-fold errors: the numbers of a skill table (docs/skill.md).
#pragma once

#include <cstddef>
#include <vector>

#include "parley/cross_validation.hpp"

namespace parley {

/// The split-conformal quantile of `values` at `level`: the ⌈(n + 1) level⌉-th smallest of n values
/// (the largest when that exceeds n), so that a new value from the same distribution falls at or
/// below it with probability at least `level`.
double conformal_quantile(std::vector<double> values, double level);

/// The p-quantile (0 ≤ p ≤ 1) of `values` with linear interpolation between order statistics.
double quantile(std::vector<double> values, double p);

/// Fills every model's ModelSkill from its out-of-fold forecasts; `groups` (positions in
/// cv.issues) and `splits` (fold per position, per repeat) are those the forecasts were made with.
void summarize_cross_validation(const Scenario& scenario, CrossValidation& cv, const std::vector<std::vector<std::size_t>>& groups,
                                const std::vector<std::vector<std::size_t>>& splits);

}  // namespace parley
