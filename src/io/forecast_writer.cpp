#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "parley/io.hpp"
#include "parley/version.hpp"

namespace parley {

namespace {

nlohmann::ordered_json number_or_null(std::optional<double> x) {
  if (!x || !std::isfinite(*x)) return nullptr;
  return *x;
}

void write_json(std::ostream& out, const Scenario& s, const Forecast& f) {
  nlohmann::ordered_json j;
  j["schema"] = kForecastSchema;
  j["parley_version"] = kVersion;
  j["model"] = f.model;
  j["options"] = f.options;
  j["scenario"] = {{"title", s.metadata.title}, {"date", s.metadata.date}};
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const Actor& a : s.actors()) actors.push_back(a.id);
  j["actors"] = actors;
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const IssueForecast& r = f.issues[i];
    const Issue& issue = s.issue(i);
    nlohmann::ordered_json item;
    item["id"] = issue.id;
    item["label"] = issue.label;
    item["scale"] = {{"min", issue.scale.min}, {"max", issue.scale.max}};
    item["status_quo"] = number_or_null(issue.status_quo ? std::optional<double>(issue.status_quo->point()) : std::nullopt);
    item["outcome"] = number_or_null(r.outcome);
    if (!r.note.empty()) item["note"] = r.note;
    if (!r.rounds.empty()) {
      nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
      for (std::size_t t = 0; t < r.rounds.size(); ++t) {
        const RoundRecord& round = r.rounds[t];
        nlohmann::ordered_json positions = nlohmann::ordered_json::array();
        for (double x : round.positions) positions.push_back(number_or_null(x));
        rounds.push_back({{"round", t}, {"median", number_or_null(round.median)}, {"mean", number_or_null(round.mean)},
                          {"positions", std::move(positions)}});
      }
      item["rounds"] = std::move(rounds);
    }
    issues.push_back(std::move(item));
  }
  j["issues"] = std::move(issues);
  out << j.dump(2) << '\n';
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string number_text(std::optional<double> x) { return x ? fmt::format("{}", *x) : ""; }

void write_csv(std::ostream& out, const Scenario& s, const Forecast& f) {
  out << "issue,label,outcome,status_quo,scale_min,scale_max,note\n";
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const Issue& issue = s.issue(i);
    out << csv_field(issue.id) << ',' << csv_field(issue.label) << ',' << number_text(f.issues[i].outcome) << ','
        << number_text(issue.status_quo ? std::optional<double>(issue.status_quo->point()) : std::nullopt) << ','
        << fmt::format("{},{}", issue.scale.min, issue.scale.max) << ',' << csv_field(f.issues[i].note) << '\n';
  }
}

void write_table(std::ostream& out, const Scenario& s, const Forecast& f) {
  out << fmt::format("{} — model: {}\n", s.metadata.title, f.model);
  if (!f.options.empty()) {
    std::string opts;
    for (const auto& [k, v] : f.options) opts += (opts.empty() ? "" : ", ") + k + "=" + v;
    out << "options: " << opts << '\n';
  }
  std::size_t width = 5;
  for (const Issue& issue : s.issues()) width = std::max(width, issue.label.size());
  width = std::min<std::size_t>(width, 48);
  out << '\n' << fmt::format("{:<{}}  {:>9}  {:>10}  {}\n", "issue", width, "outcome", "status quo", "scale");
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const Issue& issue = s.issue(i);
    std::string label = issue.label.size() > width ? issue.label.substr(0, width - 1) + "…" : issue.label;
    const std::string outcome = f.issues[i].outcome ? fmt::format("{:.2f}", *f.issues[i].outcome) : "—";
    const std::string sq = issue.status_quo ? fmt::format("{:.2f}", issue.status_quo->point()) : "—";
    std::string scale = fmt::format("{:g}–{:g}", issue.scale.min, issue.scale.max);
    if (!issue.scale.min_label.empty() || !issue.scale.max_label.empty())
      scale += fmt::format(" ({} … {})", issue.scale.min_label, issue.scale.max_label);
    out << fmt::format("{:<{}}  {:>9}  {:>10}  {}\n", label, width, outcome, sq, scale);
    if (!f.issues[i].note.empty()) out << "    note: " << f.issues[i].note << '\n';
  }
}

}  // namespace

std::optional<OutputFormat> output_format_from_string(const std::string& text) {
  if (text == "table") return OutputFormat::table;
  if (text == "json") return OutputFormat::json;
  if (text == "csv") return OutputFormat::csv;
  return std::nullopt;
}

void write_forecast(std::ostream& out, const Scenario& s, const Forecast& f, OutputFormat format) {
  switch (format) {
    case OutputFormat::json: write_json(out, s, f); break;
    case OutputFormat::csv: write_csv(out, s, f); break;
    case OutputFormat::table: write_table(out, s, f); break;
  }
}

}  // namespace parley
