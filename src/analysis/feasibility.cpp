#include "parley/feasibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/parallel.hpp"
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

FeasibilityOdds feasibility_odds(const Scenario& scenario, std::uint64_t draws, const SamplingOptions& sampling, unsigned threads) {
  (void)assess_feasibility(scenario);  // no sides: fail before sampling
  const InputSampler sampler(uncertain_inputs(scenario), sampling);
  const std::size_t n_issues = scenario.issues().size();
  FeasibilityOdds odds;
  odds.draws = draws;
  auto shape = [&] {
    std::vector<std::vector<std::vector<std::uint64_t>>> v(n_issues);
    for (auto& per_issue : v)
      for (const Side& side : scenario.sides) per_issue.emplace_back(side.ratifiers.size(), 0);
    return v;
  };
  odds.lower_binding = shape();
  odds.upper_binding = shape();
  std::vector<std::uint64_t> zone(n_issues, 0);
  std::uint64_t every = 0;
  std::mutex merge;
  parallel_blocks(
      draws,
      [&](std::size_t begin, std::size_t end) {
        Scenario s = scenario;
        std::vector<double> values(sampler.inputs().size());
        auto lower = shape(), upper = shape();
        std::vector<std::uint64_t> my_zone(n_issues, 0);
        std::uint64_t my_every = 0;
        for (std::size_t d = begin; d < end; ++d) {
          sampler.sample(d, values.data());
          set_inputs(s, sampler.inputs(), values.data());
          const Feasibility f = assess_feasibility(s);
          for (std::size_t i = 0; i < n_issues; ++i) {
            const IssueFeasibility& r = f.issues[i];
            my_zone[i] += r.zone.empty() ? 0 : 1;
            if (r.lower) ++lower[i][r.lower->side][r.lower->ratifier];
            if (r.upper) ++upper[i][r.upper->side][r.upper->ratifier];
          }
          my_every += f.every_issue ? 1 : 0;
        }
        // Integer counts: the sum is the same in any order.
        std::lock_guard lock(merge);
        for (std::size_t i = 0; i < n_issues; ++i) {
          zone[i] += my_zone[i];
          for (std::size_t k = 0; k < lower[i].size(); ++k)
            for (std::size_t q = 0; q < lower[i][k].size(); ++q) {
              odds.lower_binding[i][k][q] += lower[i][k][q];
              odds.upper_binding[i][k][q] += upper[i][k][q];
            }
        }
        every += my_every;
      },
      64, std::max(1u, threads));
  for (std::size_t i = 0; i < n_issues; ++i) odds.zone.push_back(wilson_interval(zone[i], draws));
  odds.every_issue = wilson_interval(every, draws);
  return odds;
}

}  // namespace parley
