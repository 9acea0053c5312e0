// What-if overrides: `--set TARGET.FIELD=VALUE` changes one input of a scenario.
#pragma once

#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

/// Applies one override, "TARGET.FIELD=VALUE":
///   ACTOR.ISSUE.position, ACTOR.ISSUE.salience, ACTOR.capability, ACTOR.risk, ISSUE.status_quo
/// VALUE is any form a scenario file accepts: 40, [30, 50], normal(40, 5), triangular(30, 40, 60).
/// A new stance needs a position first, then a salience (an actor with a position and no salience
/// has missing data and models leave it out). Throws InputError (field "--set") for an unknown target or field, or a value outside
/// the allowed range; the scenario is then unchanged.
void apply_override(Scenario& scenario, const std::string& assignment);

/// Applies each override in order and validates the result.
void apply_overrides(Scenario& scenario, const std::vector<std::string>& assignments);

}  // namespace parley
