#include "cli/sweep_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/text_table.hpp"

namespace parley::cli {

namespace {

/// Numbers for people: 4 significant decimals, "—" for none.
std::string num(double x) { return std::isnan(x) ? "—" : fmt::format("{:.2f}", x); }

nlohmann::json json_number(double x) { return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x); }

nlohmann::json proportion_json(const Proportion& p) {
  return {{"count", p.count}, {"draws", p.total}, {"probability", p.estimate}, {"low", p.low}, {"high", p.high}};
}

std::string table(const SweepSummary& s, const SweepContext& c) {
  std::string out = fmt::format("{} — model {}, {} draws, seed {}, {} uncertain inputs\n", c.title, c.model, s.draws, c.seed, c.inputs);
  if (c.run > 0) out += fmt::format("stored as run {} in {}\n", c.run, c.db);
  std::size_t width = 5;
  for (const IssueSummary& i : s.issues) width = std::max(width, i.issue_id.size());
  out += fmt::format("\n{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", "issue", width, "draws", "mean", "sd", "5%", "25%",
                     "50%", "75%", "95%");
  for (const IssueSummary& i : s.issues)
    out += fmt::format("{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", i.issue_id, width, i.draws, num(i.mean), num(i.sd),
                       num(i.q05), num(i.q25), num(i.q50), num(i.q75), num(i.q95));
  if (s.classes.empty()) return out;
  auto unclassified_name = [](const Unclassified& u) { return u.group.empty() ? std::string("unclassified") : "unclassified " + u.group; };
  width = 0;
  for (const Unclassified& u : s.unclassified) width = std::max(width, unclassified_name(u).size());
  for (const ClassSummary& k : s.classes) width = std::max(width, k.name.size());
  out += fmt::format("\n{:<{}}  {:>11}  {:>17}  {:>7}\n", "outcome", width, "probability", "95% interval", "draws");
  auto row = [&](const std::string& name, const Proportion& p, const std::string& label) {
    out += fmt::format("{:<{}}  {:>11.3f}  [{:.3f}, {:.3f}]    {:>7}{}\n", name, width, p.estimate, p.low, p.high, p.count,
                       label.empty() ? "" : "  " + label);
  };
  for (std::size_t g = 0; g < s.unclassified.size(); ++g) {
    for (const ClassSummary& k : s.classes)
      if (k.group == s.unclassified[g].group) row(k.name, k.probability, k.label);
    row(unclassified_name(s.unclassified[g]), s.unclassified[g].share, "");
  }
  return out + class_warnings(s);
}

std::string json(const SweepSummary& s, const SweepContext& c) {
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
                            {{"5", json_number(i.q05)}, {"25", json_number(i.q25)}, {"50", json_number(i.q50)}, {"75", json_number(i.q75)},
                             {"95", json_number(i.q95)}}}});
  j["classes"] = nlohmann::json::array();
  for (const ClassSummary& k : s.classes) {
    nlohmann::ordered_json e = proportion_json(k.probability);
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
  return j.dump(2) + "\n";
}

std::string csv(const SweepSummary& s) {
  std::string out = "kind,name,statistic,value\n";
  auto add = [&](const char* kind, const std::string& name, const char* stat, double v) {
    out += fmt::format("{},{},{},{}\n", kind, io::csv_quote(name), stat, std::isnan(v) ? "" : fmt::format("{}", v));
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
  for (const Unclassified& u : s.unclassified) prop(u.group.empty() ? "unclassified" : "unclassified " + u.group, u.share);
  return out;
}

}  // namespace

std::string class_warnings(const SweepSummary& s) {
  std::string out;
  const double n = static_cast<double>(std::max<std::uint64_t>(1, s.draws));
  for (const ClassOverlap& o : s.overlaps)
    out += fmt::format("warning: classes '{}' and '{}' overlap: {} draws ({:.1f} %) fall in both\n", s.classes[o.first].name,
                       s.classes[o.second].name, o.draws, 100 * static_cast<double>(o.draws) / n);
  for (const Unclassified& u : s.unclassified)
    if (u.share.count > 0)
      out += fmt::format("warning: {} draws ({:.1f} %) fall in no outcome class{}\n", u.share.count, 100 * static_cast<double>(u.share.count) / n,
                         u.group.empty() ? "" : " of group '" + u.group + "'");
  return out;
}

std::string format_summary(const SweepSummary& summary, const SweepContext& context, OutputFormat format) {
  switch (format) {
    case OutputFormat::json: return json(summary, context);
    case OutputFormat::csv: return csv(summary);
    case OutputFormat::table: break;
  }
  return table(summary, context);
}

}  // namespace parley::cli
