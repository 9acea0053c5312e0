// What-if overrides: `--set TARGET.FIELD=VALUE` changes one input of a scenario.
#pragma once

#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

/// The id of the source that every overridden input cites (Metadata::sources).
inline constexpr const char* kWhatIfSource = "what-if";

/// Applies one override, "TARGET.FIELD=VALUE":
///   ACTOR.ISSUE.position, ACTOR.ISSUE.salience, ACTOR.capability, ACTOR.risk, ISSUE.status_quo
/// VALUE is any form a scenario file accepts: 40, [30, 50], normal(40, 5), triangular(30, 40, 60).
/// A new stance needs a position first, then a salience (an actor with a position and no salience
/// has missing data and models leave it out). Throws InputError (field "--set") for an unknown target or field, or a value outside
/// the allowed range; the scenario is then unchanged. The new value cites the source
/// kWhatIfSource (added to the scenario's sources on first use) with the note "what-if: ASSIGNMENT",
/// so that every provenance table shows where it came from.
void apply_override(Scenario& scenario, const std::string& assignment);

/// The overrides applied to `scenario`, in order, as given ("us.sanctions.position=30"): the
/// notes of the citations of the source kWhatIfSource. Empty for a scenario as read.
std::vector<std::string> what_if_overrides(const Scenario& scenario);

/// "TITLE (what-if: A; B)" for the assignments A and B; the title itself for none.
std::string what_if_title(const std::string& title, const std::vector<std::string>& assignments);

/// Applies each override in order, validates the result and marks the title as a what-if
/// (what_if_title), so that every output that names the scenario shows the overrides.
void apply_overrides(Scenario& scenario, const std::vector<std::string>& assignments);

}  // namespace parley
