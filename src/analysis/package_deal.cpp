// Package deals (docs/feasibility.md, "Package deals"): each side's win-set over a set of issues
// with salience-weighted utilities, whether the win-sets intersect, each negotiator's best package
// there, and how often a deal exists over draws. Every question is a small linear program on the
// package's issues normalised to [0, 1] (analysis/linear_program.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include "analysis/draw_counts.hpp"
#include "analysis/linear_program.hpp"
#include "core/parallel.hpp"
#include "parley/error.hpp"
#include "parley/feasibility.hpp"

namespace parley {

namespace {

using analysis::LinearProgram;
constexpr double kInf = std::numeric_limits<double>::infinity();
/// The slack allowed when a best package's utility is held while the tie is broken.
constexpr double kTieSlack = 1e-12;

double width(const Issue& issue) { return issue.scale.max - issue.scale.min; }
double normalised(const Issue& issue, double x) { return (x - issue.scale.min) / width(issue); }

/// An actor's weights over the package issues: its saliences where it has a position (and, for a
/// threshold rule, the issue a status quo), normalised to sum 1; equal where they sum to 0. Zero
/// elsewhere. Empty when no package issue qualifies.
std::vector<double> weights(const Scenario& s, std::size_t actor, const std::vector<std::size_t>& issues, bool need_status_quo) {
  std::vector<double> w(issues.size(), 0.0);
  std::size_t counted = 0;
  double total = 0;
  for (std::size_t j = 0; j < issues.size(); ++j) {
    const Stance& st = s.stance(issues[j], actor);
    if (!st.position || (need_status_quo && !s.issue(issues[j]).status_quo)) continue;
    ++counted;
    w[j] = st.salience ? std::max(0.0, st.salience->point()) : 0.0;
    total += w[j];
  }
  if (counted == 0) return {};
  for (std::size_t j = 0; j < issues.size(); ++j) {
    const Stance& st = s.stance(issues[j], actor);
    const bool in = st.position && (!need_status_quo || s.issue(issues[j]).status_quo);
    w[j] = !in ? 0.0 : total > 0 ? w[j] / total : 1.0 / static_cast<double>(counted);
  }
  return w;
}

double position(const Scenario& s, std::size_t actor, std::size_t issue) {
  return normalised(s.issue(issue), s.stance(issue, actor).position->point());
}
double status_quo(const Scenario& s, std::size_t issue) { return normalised(s.issue(issue), s.issue(issue).status_quo->point()); }

/// Adds d_j >= |z_j - c_j| for the weighted issues; returns the terms sum w_j d_j.
std::vector<std::pair<std::size_t, double>> add_distance(LinearProgram& lp, const std::vector<std::size_t>& z, const std::vector<double>& w,
                                                         const std::vector<double>& c) {
  std::vector<std::pair<std::size_t, double>> sum;
  for (std::size_t j = 0; j < z.size(); ++j) {
    if (w[j] == 0) continue;
    const std::size_t d = lp.add_variable(0, kInf);
    lp.add_row({{d, 1}, {z[j], -1}}, -c[j], kInf);  // d >= z - c
    lp.add_row({{d, 1}, {z[j], 1}}, c[j], kInf);    // d >= c - z
    sum.emplace_back(d, w[j]);
  }
  return sum;
}

/// Constrains the package outcome z to what ratifier r accepts.
void add_ratifier(LinearProgram& lp, const std::vector<std::size_t>& z, const Scenario& s, const Ratifier& r,
                  const std::vector<std::size_t>& issues, std::vector<double>& low, std::vector<double>& high) {
  for (std::size_t j = 0; j < issues.size(); ++j)
    for (const Ratifier::Bound& b : r.bounds)
      if (b.issue == issues[j]) {
        low[j] = std::max(low[j], normalised(s.issue(issues[j]), b.min));
        high[j] = std::min(high[j], normalised(s.issue(issues[j]), b.max));
      }
  if (!r.threshold) return;
  const std::vector<double> w = weights(s, r.actor, issues, true);
  if (w.empty()) return;
  std::vector<double> p(issues.size(), 0.0);
  double reach = -*r.threshold;  // sum_j w_j |sq_j - p_j| - t
  for (std::size_t j = 0; j < issues.size(); ++j)
    if (w[j] > 0) {
      p[j] = position(s, r.actor, issues[j]);
      reach += w[j] * std::abs(status_quo(s, issues[j]) - p[j]);
    }
  lp.add_row(add_distance(lp, z, w, p), -kInf, reach);
}

/// A program over the package outcome z (variables 0..k-1) with the ratifiers of `sides`.
LinearProgram program(const Scenario& s, const std::vector<std::size_t>& issues, const std::vector<std::size_t>& sides) {
  LinearProgram lp;
  std::vector<std::size_t> z;
  for (std::size_t j = 0; j < issues.size(); ++j) z.push_back(lp.add_variable(0, 1));
  std::vector<double> low(issues.size(), 0.0), high(issues.size(), 1.0);
  for (const std::size_t k : sides)
    for (const Ratifier& r : s.sides[k].ratifiers) add_ratifier(lp, z, s, r, issues, low, high);
  // Bounds on one issue are the variable's own bounds; crossed bounds make the program infeasible.
  for (std::size_t j = 0; j < issues.size(); ++j) lp.add_row({{z[j], 1}}, low[j], high[j]);
  return lp;
}

double on_scale(const Scenario& s, std::size_t issue, double z) {
  const Issue& i = s.issue(issue);
  return std::clamp(i.scale.min + z * width(i), i.scale.min, i.scale.max);
}

/// The projection of the program's region on each package issue (empty intervals when infeasible).
std::vector<Interval> projection(const Scenario& s, const LinearProgram& lp, const std::vector<std::size_t>& issues) {
  std::vector<Interval> out(issues.size(), Interval{1, 0});
  for (std::size_t j = 0; j < issues.size(); ++j) {
    std::vector<double> cost(j + 1, 0.0);
    cost[j] = 1;
    const auto low = lp.minimise(cost);
    if (!low) return std::vector<Interval>(issues.size(), Interval{1, 0});
    cost[j] = -1;
    const auto high = lp.minimise(cost);
    out[j] = {on_scale(s, issues[j], low->values[j]), on_scale(s, issues[j], high->values[j])};
    // A region that is one point on this issue: the two solutions may differ in the last digits.
    if (out[j].high < out[j].low) out[j].low = out[j].high = (out[j].low + out[j].high) / 2;
  }
  return out;
}

/// The negotiator's best package in the deal region `deal`: the highest package utility, then the
/// least L1 change from the status quo on the issues that have one.
std::optional<PackagePoint> best_package(const Scenario& s, LinearProgram lp, std::size_t negotiator,
                                         const std::vector<std::size_t>& issues) {
  const std::vector<double> v = weights(s, negotiator, issues, false);
  if (v.empty()) return std::nullopt;
  std::vector<std::size_t> z(issues.size());
  for (std::size_t j = 0; j < issues.size(); ++j) z[j] = j;
  std::vector<double> p(issues.size(), 0.0);
  for (std::size_t j = 0; j < issues.size(); ++j)
    if (v[j] > 0) p[j] = position(s, negotiator, issues[j]);
  const auto loss = add_distance(lp, z, v, p);
  std::vector<double> cost(lp.variables(), 0.0);
  for (const auto& [d, w] : loss) cost[d] = w;
  const auto first = lp.minimise(cost);
  if (!first) return std::nullopt;
  lp.add_row(loss, -kInf, first->cost + kTieSlack);
  std::vector<double> ones(issues.size(), 0.0), sq(issues.size(), 0.0);
  for (std::size_t j = 0; j < issues.size(); ++j)
    if (s.issue(issues[j]).status_quo) {
      ones[j] = 1;
      sq[j] = status_quo(s, issues[j]);
    }
  const auto change = add_distance(lp, z, ones, sq);
  std::vector<double> cost2(lp.variables(), 0.0);
  for (const auto& [d, w] : change) cost2[d] = w;
  const auto second = lp.minimise(cost2);
  const std::vector<double>& at = second ? second->values : first->values;
  PackagePoint point;
  for (std::size_t j = 0; j < issues.size(); ++j) point.outcome.push_back(on_scale(s, issues[j], at[j]));
  point.utility = *package_utility(s, negotiator, issues, point.outcome);
  const bool every_sq = std::all_of(issues.begin(), issues.end(), [&](std::size_t i) { return s.issue(i).status_quo.has_value(); });
  if (every_sq) {
    std::vector<double> x;
    for (const std::size_t i : issues) x.push_back(s.issue(i).status_quo->point());
    point.status_quo_utility = package_utility(s, negotiator, issues, x);
  }
  return point;
}

std::vector<std::size_t> all_sides(const Scenario& s) {
  std::vector<std::size_t> k(s.sides.size());
  for (std::size_t j = 0; j < k.size(); ++j) k[j] = j;
  return k;
}

void check_package(const Scenario& s, const std::vector<std::size_t>& issues) {
  if (s.sides.empty()) throw InputError({}, "sides", "the scenario defines no sides", "a 'sides' section (docs/feasibility.md)");
  const std::set<std::size_t> distinct(issues.begin(), issues.end());
  if (issues.size() < 2 || distinct.size() != issues.size() || *distinct.rbegin() >= s.issues().size())
    throw std::invalid_argument("a package needs at least two distinct issues of the scenario");
}

bool deal_exists(const Scenario& s, const std::vector<std::size_t>& issues) {
  return program(s, issues, all_sides(s)).minimise({}).has_value();
}

}  // namespace

std::vector<std::size_t> package_issues(const Scenario& s, const std::vector<std::string>& ids, const std::string& field) {
  std::vector<std::size_t> out;
  for (const std::string& id : ids) {
    const std::optional<std::size_t> i = s.find_issue(id);
    if (!i) throw InputError({}, field, "no issue '" + id + "'", "issue ids of the scenario, separated by commas");
    if (std::find(out.begin(), out.end(), *i) != out.end()) throw InputError({}, field, "issue '" + id + "' twice", "each issue once");
    out.push_back(*i);
  }
  if (out.size() < 2) throw InputError({}, field, fmt::format("{} issue(s)", out.size()), "at least two issue ids, e.g. ISSUE,ISSUE");
  return out;
}

PackageFeasibility assess_package(const Scenario& s, const std::vector<std::size_t>& issues) {
  check_package(s, issues);
  PackageFeasibility f;
  f.issues = issues;
  for (std::size_t k = 0; k < s.sides.size(); ++k) f.win_sets.push_back(projection(s, program(s, issues, {k}), issues));
  const LinearProgram deal = program(s, issues, all_sides(s));
  f.zone = projection(s, deal, issues);
  f.deal = !f.zone.front().empty();
  for (const Side& side : s.sides) f.best.push_back(f.deal ? best_package(s, deal, side.negotiator, issues) : std::nullopt);
  return f;
}

bool package_accepts(const Scenario& s, const ConstraintRef& c, const std::vector<std::size_t>& issues,
                     const std::vector<double>& outcome) {
  check_package(s, issues);
  const Ratifier& r = s.sides.at(c.side).ratifiers.at(c.ratifier);
  std::vector<double> z;
  for (std::size_t j = 0; j < issues.size(); ++j) z.push_back(normalised(s.issue(issues[j]), outcome.at(j)));
  constexpr double tol = 1e-9;
  for (std::size_t j = 0; j < issues.size(); ++j) {
    if (z[j] < -tol || z[j] > 1 + tol) return false;
    for (const Ratifier::Bound& b : r.bounds)
      if (b.issue == issues[j] &&
          (outcome[j] < b.min - tol * width(s.issue(b.issue)) || outcome[j] > b.max + tol * width(s.issue(b.issue))))
        return false;
  }
  if (!r.threshold) return true;
  const std::vector<double> w = weights(s, r.actor, issues, true);
  double lhs = 0, rhs = -*r.threshold;
  for (std::size_t j = 0; j < issues.size(); ++j)
    if (w[j] > 0) {
      const double p = position(s, r.actor, issues[j]);
      lhs += w[j] * std::abs(z[j] - p);
      rhs += w[j] * std::abs(status_quo(s, issues[j]) - p);
    }
  return lhs <= rhs + tol;
}

std::optional<double> package_utility(const Scenario& s, std::size_t actor, const std::vector<std::size_t>& issues,
                                      const std::vector<double>& outcome) {
  const std::vector<double> v = weights(s, actor, issues, false);
  if (v.empty()) return std::nullopt;
  double u = 0;
  for (std::size_t j = 0; j < issues.size(); ++j)
    if (v[j] > 0) u += v[j] * (1 - std::abs(normalised(s.issue(issues[j]), outcome.at(j)) - position(s, actor, issues[j])));
  return u;
}

void DealCounts::add(const Scenario& drawn) {
  for (std::size_t p = 0; p < deals.size(); ++p) deals[p] += deal_exists(drawn, (*packages)[p]) ? 1 : 0;
}

void DealCounts::merge(const DealCounts& other) {
  for (std::size_t p = 0; p < deals.size(); ++p) deals[p] += other.deals[p];
}

std::vector<Proportion> package_deal_odds(const Scenario& scenario, const std::vector<std::vector<std::size_t>>& packages,
                                          std::uint64_t draws, const SamplingOptions& sampling, unsigned threads) {
  for (const auto& package : packages) check_package(scenario, package);
  if (packages.empty()) return {};
  const InputSampler sampler(uncertain_inputs(scenario), sampling);
  DealCounts counts(packages);
  count_draws(scenario, sampler, draws, threads, counts);
  std::vector<Proportion> out;
  for (const std::uint64_t n : counts.deals) out.push_back(wilson_interval(n, draws));
  return out;
}

namespace {

/// The chosen packages, in the order assess_packages takes them.
std::vector<std::vector<std::size_t>> chosen_packages(const Scenario& scenario, const PackageChoice& choice) {
  std::vector<std::vector<std::size_t>> packages;
  if (choice.kind == PackageChoice::Kind::given) packages = choice.given;
  if (choice.kind == PackageChoice::Kind::linkages)
    for (const Linkage& l : scenario.linkages) packages.push_back(l.issues);
  return packages;
}

/// The packages' assessments at point values.
PackageDeals assess_at_points(const Scenario& scenario, const PackageChoice& choice,
                              const std::vector<std::vector<std::size_t>>& packages) {
  PackageDeals deals;
  for (std::size_t q = 0; q < packages.size(); ++q) {
    deals.packages.push_back(assess_package(scenario, packages[q]));
    if (choice.kind == PackageChoice::Kind::linkages) deals.packages.back().linkage = q;
  }
  return deals;
}

/// Feasibility and package deals counted from the same drawn scenario.
struct BothCounts {
  FeasibilityCounts feasibility;
  DealCounts deals;
  void add(const Scenario& drawn) { feasibility.add(drawn), deals.add(drawn); }
  void merge(const BothCounts& other) { feasibility.merge(other.feasibility), deals.merge(other.deals); }
};

}  // namespace

PackageDeals assess_packages(const Scenario& scenario, const PackageChoice& choice, std::uint64_t draws, const SamplingOptions& sampling,
                             unsigned threads) {
  const std::vector<std::vector<std::size_t>> packages = chosen_packages(scenario, choice);
  PackageDeals deals = assess_at_points(scenario, choice, packages);
  deals.odds = package_deal_odds(scenario, packages, draws, sampling, threads);
  return deals;
}

FeasibilityAnalysis analyse_feasibility(const Scenario& scenario, const PackageChoice& choice, std::uint64_t draws,
                                        const SamplingOptions& sampling, unsigned threads) {
  FeasibilityAnalysis out;
  out.point = assess_feasibility(scenario);  // no sides: fail before anything else
  const std::vector<std::vector<std::size_t>> packages = chosen_packages(scenario, choice);
  out.deals = assess_at_points(scenario, choice, packages);
  const InputSampler sampler(uncertain_inputs(scenario), sampling);
  BothCounts counts{FeasibilityCounts(scenario), DealCounts(packages)};
  count_draws(scenario, sampler, draws, threads, counts);
  out.odds = counts.feasibility.odds(draws);
  for (const std::uint64_t n : counts.deals.deals) out.deals.odds.push_back(wilson_interval(n, draws));
  return out;
}

}  // namespace parley
