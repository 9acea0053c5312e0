// write_sweep_summary: a sweep's outcome distributions and class probabilities as a table, JSON
// (kSweepSchema) or tidy CSV.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/output.hpp"
#include "report/output/numbers.hpp"
#include "report/output/sweep_json.hpp"

namespace parley {

namespace {

using report::fixed;
using report::json_number;
using report::plain;

nlohmann::json proportion_json(const Proportion& p) {
  return {{"count", p.count}, {"draws", p.total}, {"probability", p.estimate}, {"low", p.low}, {"high", p.high}};
}

/// A share of draws with one decimal, "> 99.9 %" where that would read 100.0 (but is not all).
std::string share_text(std::uint64_t count, double n) {
  const std::string text = fmt::format("{:.1f} %", 100 * static_cast<double>(count) / n);
  return text == "100.0 %" ? "> 99.9 %" : text;
}

std::string unclassified_name(const Unclassified& u) { return u.group.empty() ? std::string("unclassified") : "unclassified " + u.group; }

std::string issue_table(const SweepSummary& s) {
  std::size_t width = 5;
  for (const IssueSummary& i : s.issues) width = std::max(width, i.issue_id.size());
  std::string out = fmt::format("\n{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", "issue", width, "draws", "mean", "sd",
                                "5%", "25%", "50%", "75%", "95%");
  for (const IssueSummary& i : s.issues)
    out += fmt::format("{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", i.issue_id, width, i.draws, fixed(i.mean, 2),
                       fixed(i.sd, 2), fixed(i.q05, 2), fixed(i.q25, 2), fixed(i.q50, 2), fixed(i.q75, 2), fixed(i.q95, 2));
  return out;
}

/// Each group's classes, then the draws in none of them.
std::string class_table(const SweepSummary& s) {
  std::size_t width = 0;
  for (const Unclassified& u : s.unclassified) width = std::max(width, unclassified_name(u).size());
  for (const ClassSummary& k : s.classes) width = std::max(width, k.name.size());
  std::string out = fmt::format("\n{:<{}}  {:>11}  {:>17}  {:>7}\n", "outcome", width, "probability", "95% interval", "draws");
  auto row = [&](const std::string& name, const Proportion& p, const std::string& label) {
    out += fmt::format("{:<{}}  {:>11}  [{:.3f}, {:.3f}]    {:>7}{}\n", name, width, report::probability_cell(p), p.low, p.high, p.count,
                       label.empty() ? "" : "  " + label);
  };
  for (std::size_t g = 0; g < s.unclassified.size(); ++g) {
    for (const ClassSummary& k : s.classes)
      if (k.group == s.unclassified[g].group) row(k.name, k.probability, k.label);
    row(unclassified_name(s.unclassified[g]), s.unclassified[g].share, "");
  }
  return out;
}

std::string table(const SweepSummary& s, const SweepContext& c) {
  std::string out = fmt::format("{} — model {}, {} draws, seed {}, {} uncertain inputs\n", c.title, c.model, s.draws, c.seed, c.inputs);
  if (c.run > 0) out += fmt::format("stored as run {} in {}\n", c.run, c.db);
  out += issue_table(s);
  if (s.classes.empty()) return out;
  return out + class_table(s) + sweep_class_warnings(s);
}

std::string csv(const SweepSummary& s) {
  std::string out = "kind,name,statistic,value\n";
  auto add = [&](const char* kind, const std::string& name, const char* stat, double v) {
    out += fmt::format("{},{},{},{}\n", kind, io::csv_quote(name), stat, plain(v));
  };
  for (const IssueSummary& i : s.issues) {
    add("issue", i.issue_id, "draws", static_cast<double>(i.draws));
    add("issue", i.issue_id, "mean", i.mean);
    add("issue", i.issue_id, "sd", i.sd);
    add("issue", i.issue_id, "q05", i.q05);
    add("issue", i.issue_id, "q25", i.q25);
    add("issue", i.issue_id, "q50", i.q50);
    add("issue", i.issue_id, "q75", i.q75);
    add("issue", i.issue_id, "q95", i.q95);
  }
  auto prop = [&](const std::string& name, const Proportion& p) {
    add("class", name, "count", static_cast<double>(p.count));
    add("class", name, "probability", p.estimate);
    add("class", name, "low", p.low);
    add("class", name, "high", p.high);
  };
  for (const ClassSummary& k : s.classes) prop(k.name, k.probability);
  for (const Unclassified& u : s.unclassified) prop(unclassified_name(u), u.share);
  return out;
}

}  // namespace

namespace report {

nlohmann::ordered_json sweep_json(const SweepSummary& s, const SweepContext& c) {
  nlohmann::ordered_json j;
  j["schema"] = kSweepSchema;
  j["title"] = c.title;
  j["model"] = c.model;
  j["seed"] = c.seed;
  j["draws"] = s.draws;
  j["uncertain_inputs"] = c.inputs;
  if (c.run > 0) j["run"] = {{"id", c.run}, {"db", c.db}};
  j["issues"] = nlohmann::json::array();
  for (const IssueSummary& i : s.issues)
    j["issues"].push_back({{"id", i.issue_id},
                           {"draws", i.draws},
                           {"mean", json_number(i.mean)},
                           {"sd", json_number(i.sd)},
                           {"quantiles",
                            {{"5", json_number(i.q05)},
                             {"25", json_number(i.q25)},
                             {"50", json_number(i.q50)},
                             {"75", json_number(i.q75)},
                             {"95", json_number(i.q95)}}}});
  j["classes"] = nlohmann::json::array();
  for (const ClassSummary& k : s.classes) {
    nlohmann::ordered_json e = proportion_json(k.probability);  // the keys of a proportion in alphabetical order
    e["name"] = k.name;
    e["label"] = k.label;
    e["group"] = k.group;
    j["classes"].push_back(e);
  }
  if (!s.classes.empty()) {
    j["unclassified"] = nlohmann::json::array();
    for (const Unclassified& u : s.unclassified) {
      nlohmann::ordered_json e = proportion_json(u.share);
      e["group"] = u.group;
      j["unclassified"].push_back(e);
    }
    j["overlaps"] = nlohmann::json::array();
    for (const ClassOverlap& o : s.overlaps)
      j["overlaps"].push_back({{"first", s.classes[o.first].name}, {"second", s.classes[o.second].name}, {"draws", o.draws}});
  }
  return j;
}

}  // namespace report

std::string sweep_class_warnings(const SweepSummary& s) {
  std::string out;
  const double n = static_cast<double>(std::max<std::uint64_t>(1, s.draws));
  for (const ClassOverlap& o : s.overlaps)
    out += fmt::format(
        "warning: classes '{}' and '{}' overlap: {} fall in both\n", s.classes[o.first].name, s.classes[o.second].name,
        o.draws == s.draws ? fmt::format("all {} draws", o.draws) : fmt::format("{} draws ({})", o.draws, share_text(o.draws, n)));
  for (const Unclassified& u : s.unclassified) {
    if (u.share.count == 0) continue;
    const std::string group = u.group.empty() ? "" : " of group '" + u.group + "'";
    if (u.share.count == s.draws)
      out += fmt::format("warning: all {} draws fall in no outcome class{}\n", u.share.count, group);
    else
      out += fmt::format("warning: {} draws ({}) fall in no outcome class{}\n", u.share.count, share_text(u.share.count, n), group);
  }
  return out;
}

void write_sweep_summary(std::ostream& out, const SweepSummary& summary, const SweepContext& context, OutputFormat format) {
  switch (format) {
    case OutputFormat::json:
      out << report::sweep_json(summary, context).dump(2) << '\n';
      break;
    case OutputFormat::csv:
      out << csv(summary);
      break;
    case OutputFormat::table:
      out << table(summary, context);
      break;
  }
}

}  // namespace parley
