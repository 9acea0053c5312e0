#include <fmt/format.h>

#include "parley/scenario.hpp"

namespace parley {

namespace {

void count_parameter(ScenarioSummary& out, const std::optional<Parameter>& p) {
  if (!p) return;
  if (p->value.kind() != Uncertain::Kind::point) ++out.uncertain;
  if (p->citation >= 0) ++out.cited;
}

}  // namespace

ScenarioSummary summarize(const Scenario& s, std::size_t max_listed) {
  ScenarioSummary out;
  out.actors = s.actors().size();
  out.issues = s.issues().size();
  out.cells = out.actors * out.issues;
  std::vector<std::size_t> stances_per_actor(out.actors, 0);
  auto list = [&](std::string line) {
    if (out.missing_cells.size() < max_listed) out.missing_cells.push_back(std::move(line));
  };
  for (const Actor& a : s.actors()) {
    count_parameter(out, a.capability);
    count_parameter(out, a.risk);
  }
  for (std::size_t i = 0; i < out.issues; ++i) {
    count_parameter(out, s.issue(i).status_quo);
    std::size_t participants = 0;
    for (std::size_t a = 0; a < out.actors; ++a) {
      const Stance& st = s.stance(i, a);
      count_parameter(out, st.position);
      count_parameter(out, st.salience);
      if (st.takes_part()) {
        ++out.complete;
        ++participants;
        ++stances_per_actor[a];
      } else if (st.position) {
        ++out.missing_salience;
        ++stances_per_actor[a];
        list(fmt::format("{} on {}: position without salience (missing data; models leave the actor out)", s.actor(a).id, s.issue(i).id));
      } else {
        ++out.sitting_out;
        list(fmt::format("{} on {}: no position (sits the issue out)", s.actor(a).id, s.issue(i).id));
      }
    }
    if (participants == 0) out.issues_without_participants.push_back(s.issue(i).id);
  }
  for (std::size_t a = 0; a < out.actors; ++a)
    if (stances_per_actor[a] == 0) out.actors_without_stances.push_back(s.actor(a).id);
  return out;
}

}  // namespace parley
