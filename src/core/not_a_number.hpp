// kNaN: the quiet NaN that marks a number with no value (an empty interval, a statistic of no draws).
#pragma once

#include <limits>

namespace parley {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace parley
