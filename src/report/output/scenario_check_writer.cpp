// write_scenario_check: what `parley validate` prints about a scenario that reads.
#include <fmt/format.h>

#include <ostream>

#include "parley/output.hpp"

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

}  // namespace parley
