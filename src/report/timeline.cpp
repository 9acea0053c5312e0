#include "report/timeline.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/not_a_number.hpp"
#include "parley/timeline.hpp"
#include "report/names.hpp"
#include "report/output/numbers.hpp"

namespace parley::report {

namespace {

/// The mean over models of the change from stage k - 1 to stage k on `issue` (NaN: no model has both).
double mean_shift(const std::vector<StageForecasts>& models, std::size_t from, std::size_t to, std::size_t issue) {
  double sum = 0;
  std::size_t n = 0;
  for (const StageForecasts& m : models) {
    const double d = m.values[to][issue] - m.values[from][issue];
    if (!std::isnan(d)) sum += d, ++n;
  }
  return n ? sum / static_cast<double>(n) : kNaN;
}

}  // namespace

StageForecasts stage_forecasts(const Scenario& s, const Forecast& f) {
  StageForecasts out{f.model, {}};
  const std::size_t stages = s.events.size() + 1;
  out.values.assign(stages, std::vector<double>(s.issues().size(), kNaN));
  for (std::size_t i = 0; i < s.issues().size() && i < f.issues.size(); ++i) {
    if (!f.stages.empty()) {
      for (std::size_t k = 0; k < stages && k < f.stages.size(); ++k) out.values[k][i] = f.stages[k].outcomes[i].value_or(kNaN);
      continue;
    }
    const std::vector<RoundRecord>& rounds = f.issues[i].rounds;
    for (std::size_t k = 0; k + 1 < stages; ++k) {
      const std::size_t before = static_cast<std::size_t>(s.events[k].round - 1);  // the state the event meets
      if (before < rounds.size()) out.values[k][i] = rounds[before].median;
    }
    out.values[stages - 1][i] = f.issues[i].outcome.value_or(kNaN);
  }
  return out;
}

std::vector<Marker> event_markers(const Scenario& s) {
  std::vector<Marker> out;
  for (std::size_t k = 0; k < s.events.size(); ++k)
    out.push_back({s.events[k].round - 0.5, std::to_string(k + 1),
                   fmt::format("{}: {} (before round {})", k + 1, display_name(s.events[k]), s.events[k].round)});
  return out;
}

std::string timeline_section(const Scenario& s, const std::vector<StageForecasts>& models) {
  if (s.events.empty()) return "";
  std::string h =
      "<h2>Timeline</h2><p>Events change inputs as the bargaining goes on. Models with rounds apply each just before its "
      "round (the numbered dashed lines in the charts of positions); for them a column shows the median the event met, and the "
      "last the final forecast. Models without rounds forecast the scenario before the first event and after each.</p>";
  h += "<table><tr><th>#</th><th>event</th><th>round</th><th>date</th><th>what changes</th><th>source</th></tr>";
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    const Event& e = s.events[k];
    std::string what;
    for (const EventChange& c : e.changes) {
      const std::string id =
          s.actor(c.actor).id + (c.issue == EventChange::none ? "" : "." + s.issue(c.issue).id) + "." + to_string(c.field);
      const std::string name =
          s.actor(c.actor).name + (c.issue == EventChange::none ? "" : " — " + s.issue(c.issue).label) + " — " + to_string(c.field);
      what += (what.empty() ? "" : "; ") + with_id(name, id) + " → " + escape(c.value.value.to_string());
    }
    for (std::size_t a : e.join) what += (what.empty() ? "" : "; ") + with_id(s.actor(a).name, s.actor(a).id) + " joins";
    for (std::size_t a : e.leave) what += (what.empty() ? "" : "; ") + with_id(s.actor(a).name, s.actor(a).id) + " leaves";
    std::string source;
    if (e.citation >= 0) {
      const Citation& c = s.citations[static_cast<std::size_t>(e.citation)];
      source = s.metadata.sources[c.reference].id + ": " + c.note;
    }
    h += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", k + 1,
                     escape(display_name(e)), e.round, escape(e.date), what, escape(source));
  }
  h += "</table>";
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    h += fmt::format("<table><caption><b>{}</b>: forecast at each stage</caption><tr><th>model</th><th>start</th>",
                     escape(s.issue(i).label));
    for (std::size_t k = 0; k < s.events.size(); ++k) h += fmt::format("<th>after {}</th>", k + 1);
    h += "</tr>";
    for (const StageForecasts& m : models) {
      h += "<tr><td>" + escape(m.model) + "</td>";
      for (const std::vector<double>& stage : m.values) h += "<td class=\"n\">" + fixed(stage[i], 1) + "</td>";
      h += "</tr>";
    }
    h += "</table>";
  }
  return h;
}

std::optional<ReportSummary::EventShift> event_shift(const Scenario& s, const std::vector<StageForecasts>& models) {
  if (s.events.empty() || models.empty()) return std::nullopt;
  double best = 0;
  std::size_t best_event = 0, best_issue = 0;
  for (std::size_t k = 0; k < s.events.size(); ++k)
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      const double d = mean_shift(models, k, k + 1, i) / (s.issue(i).scale.max - s.issue(i).scale.min);
      if (std::fabs(d) > std::fabs(best)) best = d, best_event = k, best_issue = i;
    }
  ReportSummary::EventShift shift;
  shift.events = s.events.size();
  shift.models = models.size();
  if (best == 0) return shift;
  shift.moves = true;
  shift.event = display_name(s.events[best_event]);
  shift.issue = s.issue(best_issue).label;
  shift.shift = mean_shift(models, best_event, best_event + 1, best_issue);
  shift.total = mean_shift(models, 0, s.events.size(), best_issue);
  return shift;
}

}  // namespace parley::report
