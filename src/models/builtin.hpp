// The models that ship with parley. Each lives in its own file; the registry lists them.
#pragma once

#include "parley/model.hpp"

namespace parley::models {

const Model& compromise_model();
const Model& weighted_median_model();
const Model& nash_bargaining_model();
const Model& expected_utility_model();
const Model& spatial_model();

}  // namespace parley::models
