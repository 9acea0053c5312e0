// write_scenario_check: what `parley validate` prints about a scenario that reads.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/output.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

void write_scenario_check(std::ostream& out, const std::string& file, const Scenario& s) {
  const ScenarioSummary sum = summarize(s);
  out << fmt::format("{}: valid\n", file);
  out << fmt::format("title:   {}\n", s.metadata.title);
  if (!s.metadata.date.empty()) out << fmt::format("date:    {}\n", s.metadata.date);
  out << fmt::format("actors:  {}\nissues:  {}\nsources: {}\n", sum.actors, sum.issues, s.metadata.sources.size());
  out << fmt::format("stances: {} of {} cells complete, {} sitting out, {} missing a salience\n", sum.complete, sum.cells, sum.sitting_out,
                     sum.missing_salience);
  out << fmt::format("uncertain parameters: {}; parameters with a source: {}\n", sum.uncertain, sum.cited);
  if (!s.events.empty()) {
    std::string list;
    for (const Event& e : s.events) list += fmt::format("{}{} (round {})", list.empty() ? "" : ", ", e.id, e.round);
    out << fmt::format("events:  {}: {}\n", s.events.size(), list);
  }
  if (!sum.issues_without_participants.empty())
    out << fmt::format("warning: {} issue(s) without any actor taking part (first: {})\n", sum.issues_without_participants.size(),
                       sum.issues_without_participants.front());
  if (!sum.actors_without_stances.empty())
    out << fmt::format("warning: {} actor(s) with no stance on any issue (first: {})\n", sum.actors_without_stances.size(),
                       sum.actors_without_stances.front());
  const std::size_t missing = sum.sitting_out + sum.missing_salience;
  if (missing > 0) {
    out << "missing cells:\n";
    for (const std::string& line : sum.missing_cells) out << "  " << line << '\n';
    if (missing > sum.missing_cells.size()) out << fmt::format("  ... and {} more\n", missing - sum.missing_cells.size());
  }
}

void write_scenario_check(std::ostream& out, const std::string& file, const Scenario& s, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json});
  if (format == OutputFormat::table) return write_scenario_check(out, file, s);
  const ScenarioSummary sum = summarize(s);
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const Event& e : s.events) events.push_back({{"id", e.id}, {"round", e.round}});
  nlohmann::ordered_json j;
  j["schema"] = kValidateSchema;
  j["file"] = file;
  j["valid"] = true;
  j["title"] = s.metadata.title;
  j["date"] = s.metadata.date;
  j["actors"] = sum.actors;
  j["issues"] = sum.issues;
  j["sources"] = s.metadata.sources.size();
  j["stances"] = {
      {"cells", sum.cells}, {"complete", sum.complete}, {"sitting_out", sum.sitting_out}, {"missing_salience", sum.missing_salience}};
  j["uncertain"] = sum.uncertain;
  j["with_source"] = sum.cited;
  j["events"] = std::move(events);
  j["issues_without_participants"] = sum.issues_without_participants;
  j["actors_without_stances"] = sum.actors_without_stances;
  j["missing_cells"] = sum.missing_cells;
  out << j.dump(2) << '\n';
}

}  // namespace parley
