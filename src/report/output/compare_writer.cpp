// write_comparison: two scenarios side by side, issue by issue and class by class, as a table,
// JSON (kCompareSchema) or CSV.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/output.hpp"
#include "parley/what_if.hpp"
#include "report/output/numbers.hpp"

namespace parley {

namespace {

using report::fixed;
using report::json_number;
using report::plain;

double nan() { return std::nan(""); }

std::optional<double> point_of(const ComparedScenario& s, const std::string& issue) {
  for (const IssueForecast& f : s.point.issues)
    if (f.issue_id == issue) return f.outcome;
  return std::nullopt;
}
const IssueSummary* summary_of(const ComparedScenario& s, const std::string& issue) {
  for (const IssueSummary& i : s.sweep.issues)
    if (i.issue_id == issue) return &i;
  return nullptr;
}
const ClassSummary* class_of(const ComparedScenario& s, const std::string& name) {
  for (const ClassSummary& c : s.sweep.classes)
    if (c.name == name) return &c;
  return nullptr;
}

/// Issue ids (or class names) of A, then those only in B.
template <typename Get>
std::vector<std::string> union_of(const ComparedScenario& a, const ComparedScenario& b, Get get) {
  std::vector<std::string> out = get(a);
  for (const std::string& x : get(b))
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

struct IssueRow {
  std::string id;
  double point_a, point_b, mean_a, mean_b;
};

std::vector<IssueRow> issue_rows(const Comparison& c) {
  const auto issues = union_of(c.a, c.b, [](const ComparedScenario& s) {
    std::vector<std::string> ids;
    for (const Issue& i : s.scenario.issues()) ids.push_back(i.id);
    return ids;
  });
  std::vector<IssueRow> rows;
  for (const std::string& id : issues) {
    const IssueSummary *sa = summary_of(c.a, id), *sb = summary_of(c.b, id);
    rows.push_back(
        {id, point_of(c.a, id).value_or(nan()), point_of(c.b, id).value_or(nan()), sa ? sa->mean : nan(), sb ? sb->mean : nan()});
  }
  return rows;
}

std::vector<std::string> class_names(const Comparison& c) {
  return union_of(c.a, c.b, [](const ComparedScenario& s) {
    std::vector<std::string> names;
    for (const OutcomeClass& k : s.scenario.outcome_classes) names.push_back(k.name);
    return names;
  });
}

std::string class_table(const Comparison& c, const std::vector<std::string>& classes) {
  std::size_t w = 7;
  for (const std::string& name : classes) w = std::max(w, name.size());
  std::string text = fmt::format("\n{:<{}}  {:>22}  {:>22}  {:>7}  {}\n", "outcome", w, "P in A [95%]", "P in B [95%]", "B − A", "");
  for (const std::string& name : classes) {
    const ClassSummary *ca = class_of(c.a, name), *cb = class_of(c.b, name);
    auto cell = [](const ClassSummary* k) {
      return k ? fmt::format("{} [{:.3f}, {:.3f}]", report::probability_cell(k->probability), k->probability.low, k->probability.high)
               : std::string(report::kNoValue);
    };
    const bool apart = ca && cb && (ca->probability.high < cb->probability.low || cb->probability.high < ca->probability.low);
    text += fmt::format("{:<{}}  {:>22}  {:>22}  {:>7}  {}\n", name, w, cell(ca), cell(cb),
                        ca && cb ? report::signed_fixed(cb->probability.estimate - ca->probability.estimate, 3) : report::kNoValue,
                        apart ? "intervals do not overlap" : "");
  }
  return text;
}

std::string table(const Comparison& c) {
  const std::vector<IssueRow> rows = issue_rows(c);
  const std::vector<std::string> classes = class_names(c);
  std::string text = fmt::format("A: {} ({})\nB: {} ({})\nmodel {}, {} draws each, seed {}\n\n", c.a.file, c.a.scenario.metadata.title,
                                 c.b.file, c.b.scenario.metadata.title, c.model, c.draws, c.seed);
  std::size_t w = 5;
  for (const IssueRow& r : rows) w = std::max(w, r.id.size());
  text +=
      fmt::format("{:<{}}  {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}\n", "issue", w, "point A", "point B", "B − A", "mean A", "mean B", "B − A");
  for (const IssueRow& r : rows)
    text += fmt::format("{:<{}}  {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}\n", r.id, w, fixed(r.point_a, 2), fixed(r.point_b, 2),
                        fixed(r.point_b - r.point_a, 2), fixed(r.mean_a, 2), fixed(r.mean_b, 2), fixed(r.mean_b - r.mean_a, 2));
  if (!classes.empty()) text += class_table(c, classes);
  return text;
}

std::string csv(const Comparison& c) {
  std::string text = "kind,name,a,b,difference,statistic\n";
  for (const IssueRow& r : issue_rows(c)) {
    text += fmt::format("issue,{},{},{},{},point\n", io::csv_quote(r.id), plain(r.point_a), plain(r.point_b), plain(r.point_b - r.point_a));
    text += fmt::format("issue,{},{},{},{},mean\n", io::csv_quote(r.id), plain(r.mean_a), plain(r.mean_b), plain(r.mean_b - r.mean_a));
  }
  for (const std::string& name : class_names(c)) {
    const ClassSummary *ca = class_of(c.a, name), *cb = class_of(c.b, name);
    const double pa = ca ? ca->probability.estimate : nan(), pb = cb ? cb->probability.estimate : nan();
    text += fmt::format("class,{},{},{},{},probability\n", io::csv_quote(name), plain(pa), plain(pb), plain(pb - pa));
    text += fmt::format("class,{},{},{},,low\n", io::csv_quote(name), plain(ca ? ca->probability.low : nan()),
                        plain(cb ? cb->probability.low : nan()));
    text += fmt::format("class,{},{},{},,high\n", io::csv_quote(name), plain(ca ? ca->probability.high : nan()),
                        plain(cb ? cb->probability.high : nan()));
  }
  return text;
}

std::string json(const Comparison& c) {
  nlohmann::ordered_json j;
  j["schema"] = kCompareSchema;
  j["a"] = c.a.file;
  j["b"] = c.b.file;
  j["model"] = c.model;
  j["draws"] = c.draws;
  // Only with --set (the same overrides apply to both files), so that other output is unchanged.
  if (const std::vector<std::string> set = what_if_overrides(c.a.scenario); !set.empty()) j["what_if"] = set;
  j["issues"] = nlohmann::json::array();
  for (const IssueRow& r : issue_rows(c))
    j["issues"].push_back({{"id", r.id},
                           {"point_a", json_number(r.point_a)},
                           {"point_b", json_number(r.point_b)},
                           {"mean_a", json_number(r.mean_a)},
                           {"mean_b", json_number(r.mean_b)}});
  j["classes"] = nlohmann::json::array();
  for (const std::string& name : class_names(c)) {
    // nlohmann::json, not ordered: the keys of a probability come in alphabetical order.
    auto p = [](const ClassSummary* k) {
      return k ? nlohmann::json{{"probability", k->probability.estimate}, {"low", k->probability.low}, {"high", k->probability.high}}
               : nlohmann::json(nullptr);
    };
    j["classes"].push_back({{"name", name}, {"a", p(class_of(c.a, name))}, {"b", p(class_of(c.b, name))}});
  }
  return j.dump(2) + "\n";
}

}  // namespace

void write_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format) {
  switch (format) {
    case OutputFormat::json:
      out << json(comparison);
      break;
    case OutputFormat::csv:
      out << csv(comparison);
      break;
    case OutputFormat::table:
      out << table(comparison);
      break;
  }
}

}  // namespace parley
