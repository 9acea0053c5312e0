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

// --- Package deals (docs/feasibility.md, "Package deals") --------------------------------------
// A package is a set of at least two issues agreed together. On each issue's scale normalised to
// [0, 1] (z = (x - min) / width), a ratifier with a threshold accepts a package outcome z when
//   sum_i w_i |z_i - p_i|  <=  sum_i w_i |sq_i - p_i| - t,
// summed over the package issues where it has a position and the issue a status quo, with w its
// saliences there normalised to sum 1 (equal weights when they sum to 0); its `accepts` bounds stay
// bounds on each issue. A side's package win-set is the convex polytope all its ratifiers accept;
// a package deal exists when the sides' win-sets intersect, which a linear program decides.

/// A package outcome: one value per package issue, on the issue's scale, in package order.
struct PackagePoint {
  std::vector<double> outcome;
  double utility = 0;                        // the negotiator's package utility there, in [0, 1]
  std::optional<double> status_quo_utility;  // the same at the status quo (where every package issue has one)
};

struct PackageFeasibility {
  std::vector<std::size_t> issues;  // the package, in the order given
  /// Per side, per package issue: the projection of the side's package win-set on the issue (the
  /// lowest and highest outcome it accepts there along with some outcome on the others); empty
  /// intervals when the win-set is empty.
  std::vector<std::vector<Interval>> win_sets;
  bool deal = false;           // the sides' package win-sets intersect
  std::vector<Interval> zone;  // per package issue, the projection of the intersection (empty: no deal)
  /// Per side: the package in the intersection its negotiator likes best (ties: the least change
  /// from the status quo); none without a deal, or when the negotiator has no position in the package.
  std::vector<std::optional<PackagePoint>> best;
  /// The declared linkage (index into Scenario::linkages) this package assesses, if it is one.
  std::optional<std::size_t> linkage;
};

/// The issues named by `ids`, validated: at least two, each an issue of the scenario, none twice.
/// Throws InputError naming `field` (e.g. "--package") and the offending id.
std::vector<std::size_t> package_issues(const Scenario& scenario, const std::vector<std::string>& ids, const std::string& field);

/// The package's win-sets, deal, zone and best packages at the scenario's point values. Throws
/// InputError when the scenario has no sides, and std::invalid_argument for a package that
/// package_issues would refuse.
PackageFeasibility assess_package(const Scenario& scenario, const std::vector<std::size_t>& issues);

/// Whether ratifier r of side k accepts `outcome` (one value per package issue, on the issues'
/// scales) at point values, up to 1e-9 of the scales.
bool package_accepts(const Scenario& scenario, const ConstraintRef& ratifier, const std::vector<std::size_t>& issues,
                     const std::vector<double>& outcome);

/// An actor's package utility sum_i v_i (1 - |z_i - p_i|) over the package issues where it has a
/// position (v its saliences there normalised to sum 1, equal when they sum to 0); none when it has
/// no position in the package.
std::optional<double> package_utility(const Scenario& scenario, std::size_t actor, const std::vector<std::size_t>& issues,
                                      const std::vector<double>& outcome);

/// The packages of `parley feasibility --package`: each one's assessment, and how often it has a
/// deal over the draws (package_deal_odds), in the same order.
struct PackageDeals {
  std::vector<PackageFeasibility> packages;
  std::vector<Proportion> odds;
};

/// How often each package has a deal over the same draws as feasibility_odds with the same sampling.
std::vector<Proportion> package_deal_odds(const Scenario& scenario, const std::vector<std::vector<std::size_t>>& packages,
                                          std::uint64_t draws, const SamplingOptions& sampling, unsigned threads);

/// Which packages `parley feasibility` assesses (docs/feasibility.md, "Declared linkages"): the
/// scenario's declared linkages (Scenario::linkages) unless packages are given, and none when
/// asked for none (`--package none`, `"packages": []`).
struct PackageChoice {
  enum class Kind { linkages, given, none };
  Kind kind = Kind::linkages;
  std::vector<std::vector<std::size_t>> given;  // for Kind::given, each checked by package_issues
};

/// The chosen packages assessed at point values and over the draws (package_deal_odds): the
/// declared linkages in their order, each with PackageFeasibility::linkage set, or the given
/// packages. Empty when there is nothing to assess. Throws as assess_package does.
PackageDeals assess_packages(const Scenario& scenario, const PackageChoice& choice, std::uint64_t draws, const SamplingOptions& sampling,
                             unsigned threads);

/// Everything `parley feasibility` reports, with one pass over the draws: the win-sets at point
/// values, feasibility_odds, and assess_packages with the same arguments. Each draw is sampled and
/// set once and both counts read it; the numbers are those of the separate calls. Throws as
/// assess_feasibility, then as assess_packages.
struct FeasibilityAnalysis {
  Feasibility point;
  FeasibilityOdds odds;
  PackageDeals deals;
};
FeasibilityAnalysis analyse_feasibility(const Scenario& scenario, const PackageChoice& choice, std::uint64_t draws,
                                        const SamplingOptions& sampling, unsigned threads);

}  // namespace parley
