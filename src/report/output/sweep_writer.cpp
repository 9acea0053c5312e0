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

std::string issue_table(const std::vector<IssueSummary>& issues) {
  std::size_t width = 5;
  for (const IssueSummary& i : issues) width = std::max(width, i.issue_id.size());
  std::string out = fmt::format("{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", "issue", width, "draws", "mean", "sd",
                                "5%", "25%", "50%", "75%", "95%");
  for (const IssueSummary& i : issues)
    out += fmt::format("{:<{}}  {:>7}  {:>7}  {:>6}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}\n", i.issue_id, width, i.draws, fixed(i.mean, 2),
                       fixed(i.sd, 2), fixed(i.q05, 2), fixed(i.q25, 2), fixed(i.q50, 2), fixed(i.q75, 2), fixed(i.q95, 2));
  return out;
}

/// Where the model error comes from, in one line.
std::string model_error_source(const ModelErrorSummary& e) {
  return fmt::format(
      "with model error: each draw's outcomes moved by a residual drawn from {}'s out-of-fold errors on {} (docs/uncertainty.md)\n",
      e.model, e.data);
}

/// Each group's classes, then the draws in none of them; with model error, both probabilities.
std::string class_table(const SweepSummary& s) {
  const ModelErrorSummary* e = s.with_model_error ? &*s.with_model_error : nullptr;
  std::size_t width = 0;
  for (const Unclassified& u : s.unclassified) width = std::max(width, unclassified_name(u).size());
  for (const ClassSummary& k : s.classes) width = std::max(width, k.name.size());
  auto cells = [](const Proportion& p, std::size_t w) {
    return fmt::format("{:>{}}  [{:.3f}, {:.3f}]    {:>7}", report::probability_cell(p), w, p.low, p.high, p.count);
  };
  std::string out =
      fmt::format("\n{:<{}}  {:>11}  {:>17}  {:>7}", "outcome", width, e ? "inputs only" : "probability", "95% interval", "draws");
  if (e) out += fmt::format("  {:>16}  {:>17}  {:>7}", "with model error", "95% interval", "draws");
  out += '\n';
  auto row = [&](const std::string& name, const Proportion& p, const Proportion* with_error, const std::string& label) {
    out += fmt::format("{:<{}}  {}", name, width, cells(p, 11));
    if (with_error) out += "  " + cells(*with_error, 16);
    out += label.empty() ? "\n" : "  " + label + "\n";
  };
  for (std::size_t g = 0; g < s.unclassified.size(); ++g) {
    for (std::size_t c = 0; c < s.classes.size(); ++c)
      if (s.classes[c].group == s.unclassified[g].group)
        row(s.classes[c].name, s.classes[c].probability, e ? &e->classes[c].probability : nullptr, s.classes[c].label);
    row(unclassified_name(s.unclassified[g]), s.unclassified[g].share, e ? &e->unclassified[g].share : nullptr, "");
  }
  return out;
}

std::string table(const SweepSummary& s, const SweepContext& c) {
  std::string out = fmt::format("{} — model {}, {} draws, seed {}, {} uncertain inputs\n", c.title, c.model, s.draws, c.seed, c.inputs);
  if (c.run > 0) out += fmt::format("stored as run {} in {}\n", c.run, c.db);
  out += '\n';
  out += issue_table(s.issues);
  if (s.with_model_error) {
    out += '\n';
    out += model_error_source(*s.with_model_error);
    out += issue_table(s.with_model_error->issues);
  }
  if (s.classes.empty()) return out;
  return out + class_table(s) + sweep_class_warnings(s);
}

std::string csv(const SweepSummary& s) {
  std::string out = "kind,name,statistic,value\n";
  auto add = [&](const std::string& kind, const std::string& name, const char* stat, double v) {
    out += fmt::format("{},{},{},{}\n", kind, io::csv_quote(name), stat, plain(v));
  };
  auto issues = [&](const std::string& kind, const std::vector<IssueSummary>& list) {
    for (const IssueSummary& i : list) {
      add(kind, i.issue_id, "draws", static_cast<double>(i.draws));
      add(kind, i.issue_id, "mean", i.mean);
      add(kind, i.issue_id, "sd", i.sd);
      add(kind, i.issue_id, "q05", i.q05);
      add(kind, i.issue_id, "q25", i.q25);
      add(kind, i.issue_id, "q50", i.q50);
      add(kind, i.issue_id, "q75", i.q75);
      add(kind, i.issue_id, "q95", i.q95);
    }
  };
  auto classes = [&](const std::string& kind, const std::vector<ClassSummary>& list, const std::vector<Unclassified>& none) {
    auto prop = [&](const std::string& name, const Proportion& p) {
      add(kind, name, "count", static_cast<double>(p.count));
      add(kind, name, "probability", p.estimate);
      add(kind, name, "low", p.low);
      add(kind, name, "high", p.high);
    };
    for (const ClassSummary& k : list) prop(k.name, k.probability);
    for (const Unclassified& u : none) prop(unclassified_name(u), u.share);
  };
  issues("issue", s.issues);
  classes("class", s.classes, s.unclassified);
  if (s.with_model_error) {
    issues("issue_with_model_error", s.with_model_error->issues);
    classes("class_with_model_error", s.with_model_error->classes, s.with_model_error->unclassified);
  }
  return out;
}

}  // namespace

namespace report {

namespace {

nlohmann::ordered_json issues_json(const std::vector<IssueSummary>& issues) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const IssueSummary& i : issues)
    out.push_back({{"id", i.issue_id},
                   {"draws", i.draws},
                   {"mean", json_number(i.mean)},
                   {"sd", json_number(i.sd)},
                   {"quantiles",
                    {{"5", json_number(i.q05)},
                     {"25", json_number(i.q25)},
                     {"50", json_number(i.q50)},
                     {"75", json_number(i.q75)},
                     {"95", json_number(i.q95)}}}});
  return out;
}

nlohmann::ordered_json classes_json(const std::vector<ClassSummary>& classes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ClassSummary& k : classes) {
    nlohmann::ordered_json e = proportion_json(k.probability);  // the keys of a proportion in alphabetical order
    e["name"] = k.name;
    e["label"] = k.label;
    e["group"] = k.group;
    out.push_back(e);
  }
  return out;
}

nlohmann::ordered_json unclassified_json(const std::vector<Unclassified>& unclassified) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Unclassified& u : unclassified) {
    nlohmann::ordered_json e = proportion_json(u.share);
    e["group"] = u.group;
    out.push_back(e);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json sweep_json(const SweepSummary& s, const SweepContext& c) {
  nlohmann::ordered_json j;
  j["schema"] = kSweepSchema;
  j["title"] = c.title;
  j["model"] = c.model;
  j["seed"] = c.seed;
  j["draws"] = s.draws;
  j["uncertain_inputs"] = c.inputs;
  if (c.run > 0) j["run"] = {{"id", c.run}, {"db", c.db}};
  j["issues"] = issues_json(s.issues);
  j["classes"] = classes_json(s.classes);
  if (!s.classes.empty()) {
    j["unclassified"] = unclassified_json(s.unclassified);
    j["overlaps"] = nlohmann::json::array();
    for (const ClassOverlap& o : s.overlaps)
      j["overlaps"].push_back({{"first", s.classes[o.first].name}, {"second", s.classes[o.second].name}, {"draws", o.draws}});
  }
  if (const auto& e = s.with_model_error) {
    nlohmann::ordered_json m;
    m["model"] = e->model;
    m["data"] = e->data;
    m["issues"] = issues_json(e->issues);
    m["classes"] = classes_json(e->classes);
    if (!e->classes.empty()) m["unclassified"] = unclassified_json(e->unclassified);
    j["with_model_error"] = std::move(m);
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
