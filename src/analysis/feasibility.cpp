#include "parley/feasibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/draw_counts.hpp"
#include "parley/error.hpp"

namespace parley {

namespace {

/// What ratifier r accepts on issue i (the whole scale when it says nothing about it).
Interval accepted(const Scenario& s, const Ratifier& r, std::size_t i) {
  const Issue& issue = s.issue(i);
  Interval out{issue.scale.min, issue.scale.max};
  for (const Ratifier::Bound& b : r.bounds)
    if (b.issue == i) {
      out.low = std::max(out.low, b.min);
      out.high = std::min(out.high, b.max);
    }
  const Stance& st = s.stance(i, r.actor);
  if (r.threshold && st.position && issue.status_quo) {
    // u(x) = 1 - |x - p| / W >= u(sq) + t  <=>  |x - p| <= |sq - p| - t W
    const double p = st.position->point(), sq = issue.status_quo->point();
    const double reach = std::abs(sq - p) - *r.threshold * (issue.scale.max - issue.scale.min);
    out.low = std::max(out.low, p - reach);
    out.high = std::min(out.high, p + reach);
  }
  return out;
}

}  // namespace

std::string constraint_name(const Scenario& s, const ConstraintRef& c) {
  return s.sides[c.side].id + "/" + s.actor(s.sides[c.side].ratifiers[c.ratifier].actor).id;
}

std::string to_string(const Interval& i) { return i.empty() ? "none" : fmt::format("[{:.1f}, {:.1f}]", i.low, i.high); }

Feasibility assess_feasibility(const Scenario& s) {
  if (s.sides.empty()) throw InputError({}, "sides", "the scenario defines no sides", "a 'sides' section (docs/feasibility.md)");
  Feasibility f;
  f.every_issue = true;
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    IssueFeasibility r;
    r.issue = i;
    const Scale& scale = s.issue(i).scale;
    r.zone = {scale.min, scale.max};
    for (std::size_t k = 0; k < s.sides.size(); ++k) {
      Interval win{scale.min, scale.max};
      for (std::size_t q = 0; q < s.sides[k].ratifiers.size(); ++q) {
        const Interval a = accepted(s, s.sides[k].ratifiers[q], i);
        win.low = std::max(win.low, a.low);
        win.high = std::min(win.high, a.high);
        // The first constraint strictly tighter than the scale and all earlier ones binds.
        if (a.low > r.zone.low) {
          r.zone.low = a.low;
          r.lower = ConstraintRef{k, q};
        }
        if (a.high < r.zone.high) {
          r.zone.high = a.high;
          r.upper = ConstraintRef{k, q};
        }
      }
      r.win_sets.push_back(win);
    }
    f.every_issue = f.every_issue && !r.zone.empty();
    f.issues.push_back(std::move(r));
  }
  return f;
}

FeasibilityCounts::FeasibilityCounts(const Scenario& scenario) : zone(scenario.issues().size(), 0) {
  std::vector<std::vector<std::uint64_t>> per_issue;
  for (const Side& side : scenario.sides) per_issue.emplace_back(side.ratifiers.size(), 0);
  lower.assign(scenario.issues().size(), per_issue);
  upper = lower;
}

void FeasibilityCounts::add(const Scenario& drawn) {
  const Feasibility f = assess_feasibility(drawn);
  for (std::size_t i = 0; i < zone.size(); ++i) {
    const IssueFeasibility& r = f.issues[i];
    zone[i] += r.zone.empty() ? 0 : 1;
    if (r.lower) ++lower[i][r.lower->side][r.lower->ratifier];
    if (r.upper) ++upper[i][r.upper->side][r.upper->ratifier];
  }
  every += f.every_issue ? 1 : 0;
}

void FeasibilityCounts::merge(const FeasibilityCounts& other) {
  for (std::size_t i = 0; i < zone.size(); ++i) {
    zone[i] += other.zone[i];
    for (std::size_t k = 0; k < lower[i].size(); ++k)
      for (std::size_t q = 0; q < lower[i][k].size(); ++q) {
        lower[i][k][q] += other.lower[i][k][q];
        upper[i][k][q] += other.upper[i][k][q];
      }
  }
  every += other.every;
}

FeasibilityOdds FeasibilityCounts::odds(std::uint64_t draws) const {
  FeasibilityOdds out;
  out.draws = draws;
  for (std::uint64_t n : zone) out.zone.push_back(wilson_interval(n, draws));
  out.every_issue = wilson_interval(every, draws);
  out.lower_binding = lower;
  out.upper_binding = upper;
  return out;
}

FeasibilityOdds feasibility_odds(const Scenario& scenario, std::uint64_t draws, const SamplingOptions& sampling, unsigned threads) {
  (void)assess_feasibility(scenario);  // no sides: fail before sampling
  const InputSampler sampler(uncertain_inputs(scenario), sampling);
  FeasibilityCounts counts(scenario);
  count_draws(scenario, sampler, draws, threads, counts);
  return counts.odds(draws);
}

}  // namespace parley
