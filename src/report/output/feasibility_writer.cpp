// write_feasibility: win-sets, zones of agreement and binding constraints (two-level games), as a
// table or JSON (kFeasibilitySchema).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/output.hpp"
#include "report/output/numbers.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

namespace {

/// The constraint that bound most often, and how often, in `counts[side][ratifier]`.
std::string most_often(const Scenario& s, const std::vector<std::vector<std::uint64_t>>& counts, std::uint64_t draws) {
  std::uint64_t best = 0;
  ConstraintRef at;
  for (std::size_t k = 0; k < counts.size(); ++k)
    for (std::size_t q = 0; q < counts[k].size(); ++q)
      if (counts[k][q] > best) {
        best = counts[k][q];
        at = {k, q};
      }
  if (best == 0) return "the scale";
  // Never "100 %": all draws are said as such (docs/uncertainty.md).
  if (best == draws) return fmt::format("{} (all {} draws)", constraint_name(s, at), draws);
  return fmt::format("{} ({})", constraint_name(s, at), report::probability_words(wilson_interval(best, draws)));
}

std::string issue_table(const Scenario& s, const IssueFeasibility& r, const FeasibilityOdds& odds, std::size_t w) {
  const Issue& issue = s.issue(r.issue);
  std::string text = fmt::format("\n{} — {}\n", issue.id, issue.label);
  for (std::size_t k = 0; k < s.sides.size(); ++k)
    text += fmt::format("  {:<{}}  win-set {}\n", s.sides[k].id, w, to_string(r.win_sets[k]));
  if (!r.zone.empty()) {
    text += fmt::format("  {:<{}}  {}", "zone", w, to_string(r.zone));
    if (r.lower) text += fmt::format("; floor set by {}", constraint_name(s, *r.lower));
    if (r.upper) text += fmt::format("; ceiling set by {}", constraint_name(s, *r.upper));
    text += "\n";
  } else {
    text += fmt::format("  {:<{}}  none: {} needs at least {:.1f}, {} accepts at most {:.1f}\n", "zone", w,
                        r.lower ? constraint_name(s, *r.lower) : "the scale", r.zone.low,
                        r.upper ? constraint_name(s, *r.upper) : "the scale", r.zone.high);
  }
  const Proportion& p = odds.zone[r.issue];
  text +=
      fmt::format("  P(zone) {} [{:.3f}, {:.3f}]; floor most often set by {}, ceiling by {}\n", report::probability_cell(p), p.low, p.high,
                  most_often(s, odds.lower_binding[r.issue], odds.draws), most_often(s, odds.upper_binding[r.issue], odds.draws));
  return text;
}

/// "a [0.0, 50.0], b [60.0, 100.0]": one interval per package issue.
std::string package_ranges(const Scenario& s, const PackageFeasibility& p, const std::vector<Interval>& ranges) {
  std::string text;
  for (std::size_t j = 0; j < p.issues.size(); ++j)
    text += fmt::format("{}{} {}", j ? ", " : "", s.issue(p.issues[j]).id, to_string(ranges[j]));
  return text;
}

std::string package_table(const Scenario& s, const PackageFeasibility& p, const Proportion& odds, std::size_t w) {
  std::string text = "\npackage";
  for (std::size_t j = 0; j < p.issues.size(); ++j) text += (j ? " + " : " ") + s.issue(p.issues[j]).id;
  if (p.linkage) text += " (linkage " + s.linkages.at(*p.linkage).id + ")";
  text += "\n";
  for (std::size_t k = 0; k < s.sides.size(); ++k) {
    const bool empty = p.win_sets[k].front().empty();
    text += fmt::format("  {:<{}}  win-set {}\n", s.sides[k].id, w, empty ? "none" : package_ranges(s, p, p.win_sets[k]));
  }
  text += fmt::format("  {:<{}}  {}\n", "deal", w,
                      p.deal ? package_ranges(s, p, p.zone) : "none: the sides' package win-sets do not intersect");
  for (std::size_t k = 0; k < s.sides.size(); ++k) {
    if (!p.deal) break;
    if (!p.best[k]) {
      text += fmt::format("  best for {} ({}): none, no position in the package\n", s.sides[k].id, s.actor(s.sides[k].negotiator).id);
      continue;
    }
    const PackagePoint& b = *p.best[k];
    text += fmt::format("  best for {} ({}):", s.sides[k].id, s.actor(s.sides[k].negotiator).id);
    for (std::size_t j = 0; j < p.issues.size(); ++j)
      text += fmt::format("{} {} {:.1f}", j ? "," : "", s.issue(p.issues[j]).id, b.outcome[j]);
    text += fmt::format("; utility {:.3f}", b.utility);
    if (b.status_quo_utility) text += fmt::format(" (status quo {:.3f})", *b.status_quo_utility);
    text += "\n";
  }
  text += fmt::format("  P(deal) {} [{:.3f}, {:.3f}]\n", report::probability_cell(odds), odds.low, odds.high);
  return text;
}

std::string table(const Scenario& s, const Feasibility& f, const FeasibilityOdds& odds, const PackageDeals& deals, std::uint64_t seed) {
  std::string text = fmt::format("{} — deal feasibility (two-level games), at point values and over {} draws (seed {})\n", s.metadata.title,
                                 odds.draws, seed);
  std::size_t w = 4;
  for (const Side& side : s.sides) w = std::max(w, side.id.size());
  for (const IssueFeasibility& r : f.issues) text += issue_table(s, r, odds, w);
  const std::string p = report::probability_cell(odds.every_issue);  // "P = 0.657", but "P ≤ 0.013"
  text += fmt::format("\nzone on every issue: {} at point values; P {}{} [{:.3f}, {:.3f}]\n", f.every_issue ? "yes" : "no",
                      std::isdigit(static_cast<unsigned char>(p[0])) ? "= " : "", p, odds.every_issue.low, odds.every_issue.high);
  for (std::size_t q = 0; q < deals.packages.size(); ++q) text += package_table(s, deals.packages[q], deals.odds[q], w);
  return text;
}

nlohmann::ordered_json package_json(const Scenario& s, const PackageFeasibility& p, const Proportion& odds) {
  auto ranges = [&](const std::vector<Interval>& r) {
    if (r.front().empty()) return nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (std::size_t j = 0; j < p.issues.size(); ++j) o[s.issue(p.issues[j]).id] = {r[j].low, r[j].high};
    return o;
  };
  nlohmann::ordered_json e;
  e["issues"] = nlohmann::json::array();
  for (const std::size_t i : p.issues) e["issues"].push_back(s.issue(i).id);
  if (p.linkage) e["linkage"] = s.linkages.at(*p.linkage).id;
  e["win_sets"] = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < s.sides.size(); ++k) e["win_sets"][s.sides[k].id] = ranges(p.win_sets[k]);
  e["deal"] = p.deal;
  e["zone"] = ranges(p.zone);
  e["best"] = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < s.sides.size(); ++k) {
    if (!p.best[k]) {
      e["best"][s.sides[k].id] = nullptr;
      continue;
    }
    nlohmann::ordered_json b{{"negotiator", s.actor(s.sides[k].negotiator).id}};
    b["outcome"] = nlohmann::ordered_json::object();
    for (std::size_t j = 0; j < p.issues.size(); ++j) b["outcome"][s.issue(p.issues[j]).id] = p.best[k]->outcome[j];
    b["utility"] = p.best[k]->utility;
    b["status_quo_utility"] = p.best[k]->status_quo_utility ? nlohmann::json(*p.best[k]->status_quo_utility) : nlohmann::json(nullptr);
    e["best"][s.sides[k].id] = b;
  }
  e["deal_probability"] = {{"probability", odds.estimate}, {"low", odds.low}, {"high", odds.high}};
  return e;
}

std::string json(const Scenario& s, const Feasibility& f, const FeasibilityOdds& odds, const PackageDeals& deals, std::uint64_t seed) {
  nlohmann::ordered_json j;
  j["schema"] = kFeasibilitySchema;
  j["draws"] = odds.draws;
  j["seed"] = seed;
  auto iv = [](const Interval& i) { return i.empty() ? nlohmann::json(nullptr) : nlohmann::json{i.low, i.high}; };
  // nlohmann::json, not ordered: "actor" comes before "side".
  auto ref = [&](const std::optional<ConstraintRef>& c) {
    return c ? nlohmann::json{{"side", s.sides[c->side].id}, {"actor", s.actor(s.sides[c->side].ratifiers[c->ratifier].actor).id}}
             : nlohmann::json(nullptr);
  };
  j["issues"] = nlohmann::json::array();
  for (const IssueFeasibility& r : f.issues) {
    nlohmann::ordered_json e{{"id", s.issue(r.issue).id}};
    e["win_sets"] = nlohmann::json::object();
    for (std::size_t k = 0; k < s.sides.size(); ++k) e["win_sets"][s.sides[k].id] = iv(r.win_sets[k]);
    e["zone"] = iv(r.zone);
    e["lower_binding"] = ref(r.lower);
    e["upper_binding"] = ref(r.upper);
    const Proportion& p = odds.zone[r.issue];
    e["zone_probability"] = {{"probability", p.estimate}, {"low", p.low}, {"high", p.high}};
    j["issues"].push_back(e);
  }
  j["every_issue"] = {{"at_point_values", f.every_issue},
                      {"probability", odds.every_issue.estimate},
                      {"low", odds.every_issue.low},
                      {"high", odds.every_issue.high}};
  if (!deals.packages.empty()) {
    j["packages"] = nlohmann::json::array();
    for (std::size_t q = 0; q < deals.packages.size(); ++q) j["packages"].push_back(package_json(s, deals.packages[q], deals.odds[q]));
  }
  return j.dump(2) + "\n";
}

}  // namespace

void write_feasibility(std::ostream& out, const Scenario& scenario, const Feasibility& feasibility, const FeasibilityOdds& odds,
                       std::uint64_t seed, OutputFormat format) {
  write_feasibility(out, scenario, feasibility, odds, PackageDeals{}, seed, format);
}

void write_feasibility(std::ostream& out, const Scenario& scenario, const Feasibility& feasibility, const FeasibilityOdds& odds,
                       const PackageDeals& deals, std::uint64_t seed, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json});
  if (format == OutputFormat::json)
    out << json(scenario, feasibility, odds, deals, seed);
  else
    out << table(scenario, feasibility, odds, deals, seed);
}

}  // namespace parley
