// parley feasibility FILE: win-sets, zones of agreement and binding constraints (two-level games).
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "io/text_table.hpp"
#include "parley/feasibility.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct FeasibilityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::uint64_t draws = 2000;
};

void add_options(CLI::App& cmd, FeasibilityArgs& a) {
  add_input(cmd, a.input);
  add_draws(cmd, a.sampling.overrides, a.sampling.seed, a.sampling.threads);
  add_correlation(cmd, a.sampling.correlation);
  cmd.add_option("-f,--format", a.sampling.format, "table or json")->capture_default_str();
  cmd.add_option("-o,--output", a.sampling.output, "write to this file instead of standard output");
  cmd.add_option("-n,--draws", a.draws, "draws for the probability that a zone exists")->capture_default_str();
}

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
  return fmt::format("{} ({:.0f} %)", constraint_name(s, at), 100.0 * static_cast<double>(best) / static_cast<double>(draws));
}

std::string render(const FeasibilityArgs& args, const Scenario& s, const Feasibility& f, const FeasibilityOdds& odds, OutputFormat format) {
  const SamplingArgs& a = args.sampling;
  std::string text;
  if (format == OutputFormat::table) {
    text = fmt::format("{} — deal feasibility (two-level games), at point values and over {} draws (seed {})\n", s.metadata.title,
                       args.draws, a.seed);
    std::size_t w = 4;
    for (const Side& side : s.sides) w = std::max(w, side.id.size());
    for (const IssueFeasibility& r : f.issues) {
      const Issue& issue = s.issue(r.issue);
      text += fmt::format("\n{} — {}\n", issue.id, issue.label);
      for (std::size_t k = 0; k < s.sides.size(); ++k) text += fmt::format("  {:<{}}  win-set {}\n", s.sides[k].id, w, to_string(r.win_sets[k]));
      if (!r.zone.empty()) {
        text += fmt::format("  {:<{}}  {}", "zone", w, to_string(r.zone));
        if (r.lower) text += fmt::format("; floor set by {}", constraint_name(s, *r.lower));
        if (r.upper) text += fmt::format("; ceiling set by {}", constraint_name(s, *r.upper));
        text += "\n";
      } else {
        text += fmt::format("  {:<{}}  none: {} needs at least {:.1f}, {} accepts at most {:.1f}\n", "zone", w,
                            r.lower ? constraint_name(s, *r.lower) : "the scale", r.zone.low, r.upper ? constraint_name(s, *r.upper) : "the scale",
                            r.zone.high);
      }
      const Proportion& p = odds.zone[r.issue];
      text += fmt::format("  P(zone) {:.3f} [{:.3f}, {:.3f}]; floor most often set by {}, ceiling by {}\n", p.estimate, p.low, p.high,
                          most_often(s, odds.lower_binding[r.issue], odds.draws), most_often(s, odds.upper_binding[r.issue], odds.draws));
    }
    text += fmt::format("\nzone on every issue: {} at point values; P = {:.3f} [{:.3f}, {:.3f}]\n", f.every_issue ? "yes" : "no",
                        odds.every_issue.estimate, odds.every_issue.low, odds.every_issue.high);
  } else {
    nlohmann::ordered_json j;
    j["schema"] = "parley.feasibility/1";
    j["draws"] = args.draws;
    j["seed"] = a.seed;
    auto iv = [](const Interval& i) { return i.empty() ? nlohmann::json(nullptr) : nlohmann::json{i.low, i.high}; };
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
    text = j.dump(2) + "\n";
  }
  return text;
}

void feasibility(const FeasibilityArgs& args, Context& context) {
  const SamplingArgs& a = args.sampling;
  const OutputFormat format = parse_format(a.format, {OutputFormat::table, OutputFormat::json});
  const Scenario s = read_input(args.input, a.overrides);

  const Feasibility f = assess_feasibility(s);
  const FeasibilityOdds odds = feasibility_odds(s, args.draws, {a.seed, a.correlation}, resolve_threads(a.threads));

  emit(a.output, render(args, s, f, odds, format), context.out);
}

}  // namespace

Command feasibility_command() {
  return make_command<FeasibilityArgs>("feasibility", "two-level games: win-sets, zones of agreement, binding ratifiers", add_options,
                                       feasibility);
}

}  // namespace parley::cli
