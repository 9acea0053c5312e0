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

std::string table(const Scenario& s, const Feasibility& f, const FeasibilityOdds& odds, std::uint64_t seed) {
  std::string text = fmt::format("{} — deal feasibility (two-level games), at point values and over {} draws (seed {})\n", s.metadata.title,
                                 odds.draws, seed);
  std::size_t w = 4;
  for (const Side& side : s.sides) w = std::max(w, side.id.size());
  for (const IssueFeasibility& r : f.issues) text += issue_table(s, r, odds, w);
  const std::string p = report::probability_cell(odds.every_issue);  // "P = 0.657", but "P ≤ 0.013"
  text += fmt::format("\nzone on every issue: {} at point values; P {}{} [{:.3f}, {:.3f}]\n", f.every_issue ? "yes" : "no",
                      std::isdigit(static_cast<unsigned char>(p[0])) ? "= " : "", p, odds.every_issue.low, odds.every_issue.high);
  return text;
}

std::string json(const Scenario& s, const Feasibility& f, const FeasibilityOdds& odds, std::uint64_t seed) {
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
  return j.dump(2) + "\n";
}

}  // namespace

void write_feasibility(std::ostream& out, const Scenario& scenario, const Feasibility& feasibility, const FeasibilityOdds& odds,
                       std::uint64_t seed, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json});
  if (format == OutputFormat::json)
    out << json(scenario, feasibility, odds, seed);
  else
    out << table(scenario, feasibility, odds, seed);
}

}  // namespace parley
