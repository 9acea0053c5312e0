// Deal feasibility in two-level games (Putnam 1988): each side's win-set on each issue, the zone
// of possible agreement where they overlap, and which ratifier's constraint binds
// (docs/feasibility.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/sampling.hpp"
#include "parley/scenario.hpp"
#include "parley/sweep.hpp"

namespace parley {

/// A closed interval on an issue's scale; empty when low > high.
struct Interval {
  double low = 0, high = 0;
  bool empty() const { return !(low <= high); }
};

/// A ratifier's constraint: side index and index into that side's ratifiers.
struct ConstraintRef {
  std::size_t side = 0, ratifier = 0;
  friend bool operator==(const ConstraintRef&, const ConstraintRef&) = default;
};

/// "side/actor", e.g. "united-states/us-congress".
std::string constraint_name(const Scenario& scenario, const ConstraintRef& constraint);
/// "[a, b]" with one decimal, or "none" when empty.
std::string to_string(const Interval& interval);

struct IssueFeasibility {
  std::size_t issue = 0;
  std::vector<Interval> win_sets;  // per side, intersected with the scale
  Interval zone;                   // the intersection of all win-sets (empty: no agreement)
  /// The constraint that sets the zone's lower and upper bound (none where the scale does). When
  /// the zone is empty these two are the ones in conflict: the highest floor and the lowest ceiling.
  std::optional<ConstraintRef> lower, upper;
};

struct Feasibility {
  std::vector<IssueFeasibility> issues;  // in scenario order
  bool every_issue = false;              // a zone on every issue
};

/// Win-sets at the scenario's point values. Ratifiers with a threshold constrain only issues where
/// they have a position and the issue a status quo. Throws InputError when the scenario has no sides.
Feasibility assess_feasibility(const Scenario& scenario);

/// How often each issue has a zone of agreement over draws of the uncertain inputs, and which
/// constraints bind most often.
struct FeasibilityOdds {
  std::uint64_t draws = 0;
  std::vector<Proportion> zone;  // per issue
  Proportion every_issue;
  /// Per issue, how often each constraint set the lower / upper bound (or blocked), by side and
  /// ratifier, in draws; indexed [issue][side][ratifier].
  std::vector<std::vector<std::vector<std::uint64_t>>> lower_binding, upper_binding;
};
FeasibilityOdds feasibility_odds(const Scenario& scenario, std::uint64_t draws, const SamplingOptions& sampling, unsigned threads);

}  // namespace parley
