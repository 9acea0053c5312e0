// The keys of format v1 that carry what KTAB XML files set beyond issues, actors and stances:
// `ideal_adjustments` and `model_options` (docs/scenario-format.md, "Model settings").
#pragma once

#include "io/node_reader.hpp"

namespace parley::io {

/// `ideal_adjustments: [{actor: a, toward: b, rate: 0.5}, ...]` into scenario.ideal_adjustments;
/// `scenario` must already hold its actors. Each rate in [0, 1]; validate() checks the sums.
void read_ideal_adjustments(const NodeReader& reader, const Node& node, Scenario& scenario);

/// `model_options: {model: {option: value, ...}, ...}` into scenario.model_options (every value
/// as written, any scalar), each option's origin its value's place in the file, field
/// "model_options.MODEL.OPTION". Models check the options when they run, not the reader.
void read_model_options(const NodeReader& reader, const Node& node, Scenario& scenario);

}  // namespace parley::io
