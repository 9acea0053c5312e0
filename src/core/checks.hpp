// The value checks shared by every reader and by validate(): each returns the problem found and
// what was expected, or nothing when the value is fine. Readers attach line and column.
#pragma once

#include <optional>
#include <string>

#include "parley/scenario.hpp"

namespace parley::checks {

struct Problem {
  std::string problem;
  std::string expected;
};

/// A finite number (not NaN, not infinite).
std::optional<Problem> finite(double x);
/// A well-formed distribution (finite parameters; range low <= high; normal sd >= 0; triangular
/// low <= mode <= high) whose values lie in [lo, hi] (a normal's mean must).
std::optional<Problem> within(const Uncertain& u, double lo, double hi, const std::string& what);
/// A well-formed distribution whose values are all > 0 (a normal's mean must be).
std::optional<Problem> positive(const Uncertain& u);
/// A scale with finite min < max, both within ±kMaxScaleMagnitude.
std::optional<Problem> scale(const Scale& s);
/// A non-empty id of letters, digits, '_', '-', '.', ':' or '/'.
std::optional<Problem> identifier(const std::string& id);

}  // namespace parley::checks
