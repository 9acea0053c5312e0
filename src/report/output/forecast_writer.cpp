// write_forecast (a table, JSON kForecastSchema or CSV) and write_trace (kTraceSchema per issue,
// kSpatialTraceSchema per turn, kExchangeTraceSchema per round of exchanges): a model's forecast and
// its round-by-round detail.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/output.hpp"
#include "parley/skill.hpp"
#include "parley/timeline.hpp"
#include "parley/version.hpp"
#include "report/output/dynamics_text.hpp"
#include "report/output/exchange_text.hpp"
#include "report/output/forecast_json.hpp"
#include "report/output/numbers.hpp"

namespace parley {

namespace {

using report::fixed;
using report::json_number;
using report::plain;

std::optional<double> status_quo_point(const Issue& issue) {
  return issue.status_quo ? std::optional<double>(issue.status_quo->point()) : std::nullopt;
}

/// The predictive intervals of issue i's forecast (empty without skill or without an outcome).
std::vector<PredictiveInterval> intervals_of(const ModelSkill* skill, const Issue& issue, const IssueForecast& r) {
  if (!skill || !r.outcome || std::isnan(*r.outcome)) return {};
  return predictive_intervals(*skill, *r.outcome, issue.scale.min, issue.scale.max);
}

/// "[41.2, 77.9]": the interval at `level`, or "—".
std::string interval_text(const std::vector<PredictiveInterval>& intervals, double level) {
  for (const PredictiveInterval& p : intervals)
    if (std::abs(p.level - level) < 1e-9) return fmt::format("[{:.1f}, {:.1f}]", p.low, p.high);
  return report::kNoValue;
}

/// Under the table: where the intervals come from, or that the model has none.
std::string interval_source(const SkillTable& table, const ModelSkill* skill, const std::string& model) {
  if (!skill) return fmt::format("\n80 % interval: no measured error for model {} (not in the skill table, docs/skill.md)\n", model);
  std::string levels, coverage;
  for (std::size_t k = 0; k < skill->coverage.size() && k < interval_levels().size(); ++k) {
    levels += fmt::format("{}{:g}", k ? "/" : "", 100 * interval_levels()[k]);
    coverage += fmt::format("{}{:.0f}", k ? "/" : "", 100 * skill->coverage[k]);
  }
  return fmt::format("\nintervals: {}'s out-of-fold error on {} (docs/skill.md); measured coverage {} %: {} %\n", model, table.data, levels,
                     coverage);
}

nlohmann::ordered_json event_ids(const Scenario& s, const std::vector<std::size_t>& events) {
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (std::size_t e : events) ids.push_back(s.events[e].id);
  return ids;
}

/// The fields every JSON document parley writes starts with.
nlohmann::ordered_json document_head(const char* schema, const Forecast& f) {
  nlohmann::ordered_json j;
  j["schema"] = schema;
  j["parley_version"] = kVersion;
  j["model"] = f.model;
  j["options"] = f.options;
  return j;
}

}  // namespace

nlohmann::ordered_json report::forecast_json(const Scenario& s, const Forecast& f, const SkillTable& table) {
  const ModelSkill* skill = table.find(f.model);
  nlohmann::ordered_json j = document_head(kForecastSchema, f);
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
    item["status_quo"] = json_number(status_quo_point(issue));
    item["outcome"] = json_number(r.outcome);
    if (skill) {
      const std::vector<PredictiveInterval> intervals = intervals_of(skill, issue, r);
      nlohmann::ordered_json predictive = intervals.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json::array();
      for (const PredictiveInterval& p : intervals) predictive.push_back({{"level", p.level}, {"low", p.low}, {"high", p.high}});
      item["predictive"] = std::move(predictive);
    }
    if (!r.note.empty()) item["note"] = r.note;
    if (r.dynamics.status != DynamicsStatus::one_shot) item["dynamics"] = report::dynamics_json(r.dynamics);
    if (!r.rounds.empty()) {
      nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
      for (std::size_t t = 0; t < r.rounds.size(); ++t) {
        const RoundRecord& round = r.rounds[t];
        nlohmann::ordered_json positions = nlohmann::ordered_json::array();
        for (double x : round.positions) positions.push_back(json_number(x));
        nlohmann::ordered_json rec = {
            {"round", t}, {"median", json_number(round.median)}, {"mean", json_number(round.mean)}, {"positions", std::move(positions)}};
        if (!round.events.empty()) rec["events"] = event_ids(s, round.events);
        rounds.push_back(std::move(rec));
      }
      item["rounds"] = std::move(rounds);
    }
    if (!f.stages.empty()) {
      nlohmann::ordered_json stages = nlohmann::ordered_json::array();
      for (const EventStage& stage : f.stages)
        stages.push_back({{"after", stage.after == EventStage::none ? nlohmann::ordered_json(nullptr)
                                                                    : nlohmann::ordered_json(s.events[stage.after].id)},
                          {"outcome", json_number(stage.outcomes[i])}});
      item["stages"] = std::move(stages);
    }
    issues.push_back(std::move(item));
  }
  j["issues"] = std::move(issues);
  if (!f.exchanges.empty()) j["exchanges"] = report::exchanges_json(s, f);
  if (skill) {
    nlohmann::ordered_json coverage = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < skill->coverage.size() && k < interval_levels().size(); ++k)
      coverage.push_back({{"level", interval_levels()[k]}, {"coverage", skill->coverage[k]}});
    j["intervals"] = {{"data", table.data}, {"measured_coverage", std::move(coverage)}};
  }
  if (!s.events.empty()) {
    nlohmann::ordered_json events = nlohmann::ordered_json::array();
    for (const Event& e : s.events) events.push_back({{"id", e.id}, {"label", e.label}, {"date", e.date}, {"round", e.round}});
    j["events"] = std::move(events);
  }
  return j;
}

namespace {

void write_json(std::ostream& out, const Scenario& s, const Forecast& f, const SkillTable& table) {
  out << report::forecast_json(s, f, table).dump(2) << '\n';
}

void write_csv(std::ostream& out, const Scenario& s, const Forecast& f, const SkillTable& table) {
  const ModelSkill* skill = table.find(f.model);
  out << "issue,label,outcome,status_quo,scale_min,scale_max,note,dynamics,rounds,period,cycle_start";
  for (double level : interval_levels()) out << fmt::format(",predictive_{0:g}_low,predictive_{0:g}_high", 100 * level);
  out << '\n';
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const Issue& issue = s.issue(i);
    const Dynamics& d = f.issues[i].dynamics;
    auto cell = [](bool has, std::size_t n) { return has ? std::to_string(n) : std::string(); };
    out << io::csv_quote(issue.id) << ',' << io::csv_quote(issue.label) << ',' << plain(f.issues[i].outcome) << ','
        << plain(status_quo_point(issue)) << ',' << fmt::format("{},{}", issue.scale.min, issue.scale.max) << ','
        << io::csv_quote(f.issues[i].note) << ',' << to_string(d.status) << ',' << cell(d.status != DynamicsStatus::one_shot, d.rounds)
        << ',' << cell(d.status == DynamicsStatus::cycle, d.period) << ',' << cell(d.status == DynamicsStatus::cycle, d.start);
    const std::vector<PredictiveInterval> intervals = intervals_of(skill, issue, f.issues[i]);
    for (std::size_t k = 0; k < interval_levels().size(); ++k)
      out << ',' << (k < intervals.size() ? plain(intervals[k].low) : "") << ',' << (k < intervals.size() ? plain(intervals[k].high) : "");
    out << '\n';
  }
}

const char* verb(OfferKind kind) {
  switch (kind) {
    case OfferKind::confrontation:
      return "gives in to";
    case OfferKind::compromise:
      return "compromises with";
    case OfferKind::capitulation:
      return "capitulates to";
    case OfferKind::conflict:
      return "loses a conflict to";
    case OfferKind::bargain:
      return "adopts a bargain with";
  }
  return "moves toward";
}

/// "Belgium compromises with France: 7.00 → 8.42", round by round.
void write_account(std::ostream& out, const Scenario& s, const Issue& issue, const IssueForecast& r) {
  out << fmt::format("\n{} — round by round\n", issue.label);
  for (std::size_t t = 0; t < r.rounds.size(); ++t) {
    const RoundRecord& round = r.rounds[t];
    for (std::size_t e : round.events) out << fmt::format("event: {} (round {})\n", display_name(s.events[e]), t);
    out << fmt::format("round {:>2}: median {:.2f}, mean {:.2f}\n", t, round.median, round.mean);
    for (const AcceptedOffer& o : round.offers)
      out << fmt::format("  {} {} {}: {:.2f} → {:.2f}\n", s.actor(o.actor).name, verb(o.kind), s.actor(o.from).name, o.old_position,
                         o.new_position);
  }
}

/// A model without rounds: the forecast of each issue at the start and after each event.
void write_stages(std::ostream& out, const Scenario& s, const Forecast& f, std::size_t width) {
  out << "\nThe timeline: the forecast at the start and after each event\n";
  std::string head = fmt::format("{:<{}}  {:>9}", "issue", width, "start");
  for (std::size_t k = 1; k < f.stages.size(); ++k) head += fmt::format("  {:>9}", fmt::format("after {}", k));
  out << head << '\n';
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const std::string& label = s.issue(i).label;
    std::string line = fmt::format("{:<{}}", label.size() > width ? label.substr(0, width - 1) + "…" : label, width);
    for (const EventStage& stage : f.stages) line += fmt::format("  {:>9}", fixed(stage.outcomes[i], 2));
    out << line << '\n';
  }
  for (std::size_t k = 1; k < f.stages.size(); ++k) {
    const Event& e = s.events[f.stages[k].after];
    out << fmt::format("  {}: {}{}\n", k, display_name(e), e.date.empty() ? "" : " (" + e.date + ")");
  }
}

void write_table(std::ostream& out, const Scenario& s, const Forecast& f, const SkillTable& table) {
  const ModelSkill* skill = table.find(f.model);
  out << fmt::format("{} — model: {}\n", s.metadata.title, f.model);
  if (!f.options.empty()) {
    std::string opts;
    for (const auto& [k, v] : f.options) opts += (opts.empty() ? "" : ", ") + k + "=" + v;
    out << "options: " << opts << '\n';
  }
  std::size_t width = 5;
  for (const Issue& issue : s.issues()) width = std::max(width, issue.label.size());
  width = std::min<std::size_t>(width, 48);
  // The 80 % predictive interval where the model's error is measured (skill.hpp).
  const auto interval = [&](const std::string& text) { return skill ? fmt::format("  {:>14}", text) : std::string(); };
  out << '\n' << fmt::format("{:<{}}  {:>9}{}  {:>10}  {}\n", "issue", width, "outcome", interval("80 % interval"), "status quo", "scale");
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    const Issue& issue = s.issue(i);
    std::string label = issue.label.size() > width ? issue.label.substr(0, width - 1) + "…" : issue.label;
    const std::string outcome = fixed(f.issues[i].outcome, 2);
    const std::string sq = fixed(status_quo_point(issue), 2);
    std::string scale = fmt::format("{:g}–{:g}", issue.scale.min, issue.scale.max);
    if (!issue.scale.min_label.empty() || !issue.scale.max_label.empty())
      scale += fmt::format(" ({} … {})", issue.scale.min_label, issue.scale.max_label);
    out << fmt::format("{:<{}}  {:>9}{}  {:>10}  {}\n", label, width, outcome,
                       interval(interval_text(intervals_of(skill, issue, f.issues[i]), 0.8)), sq, scale);
    if (!f.issues[i].note.empty()) out << "    note: " << f.issues[i].note << '\n';
    if (f.turns.empty() && f.issues[i].dynamics.status != DynamicsStatus::one_shot)
      out << "    " << report::describe_dynamics(f.issues[i].dynamics) << '\n';
  }
  if (!f.turns.empty() && !f.issues.empty())  // smp: one run for all issues
    out << "\nall issues together: " << report::describe_dynamics(f.issues[0].dynamics) << '\n';
  out << interval_source(table, skill, f.model);
  if (!f.stages.empty()) write_stages(out, s, f, width);
  out << report::exchange_account(s, f);
  for (std::size_t i = 0; i < f.issues.size(); ++i)
    if (!f.issues[i].rounds.empty()) write_account(out, s, s.issue(i), f.issues[i]);
}

nlohmann::ordered_json by_actor(const Scenario& s, const std::vector<double>& values) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t a = 0; a < values.size(); ++a)
    if (std::isfinite(values[a])) j[s.actor(a).id] = values[a];
  return j;
}

}  // namespace

namespace {

/// The spatial trace: a head, then one line per turn; arrays in actor and issue order.
void write_spatial_trace(std::ostream& out, const Scenario& s, const Forecast& f) {
  report::write_trace_head(out, document_head(kSpatialTraceSchema, f), s, "turns");
  const std::size_t d = s.issues().size();
  auto rows = [d](const std::vector<double>& flat) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (std::size_t a = 0; a * d < flat.size(); ++a)
      j.push_back(
          std::vector<double>(flat.begin() + static_cast<std::ptrdiff_t>(a * d), flat.begin() + static_cast<std::ptrdiff_t>((a + 1) * d)));
    return j;
  };
  for (std::size_t t = 0; t < f.turns.size(); ++t) {
    const SpatialTurn& turn = f.turns[t];
    nlohmann::ordered_json j;
    j["turn"] = t;
    j["change"] = json_number(turn.change);
    j["positions"] = rows(turn.positions);
    j["prevail"] = turn.prevail;
    j["risk"] = turn.risk;
    nlohmann::ordered_json challenges = nlohmann::ordered_json::array();
    for (const Challenge& c : turn.challenges)
      challenges.push_back({c.initiator, c.receiver, c.probability, c.expected_gain, c.initiator_position, c.receiver_position});
    j["challenges"] = std::move(challenges);
    j["adopted"] = turn.adopted;
    if (!turn.events.empty()) j["events"] = event_ids(s, turn.events);
    out << j.dump() << (t + 1 < f.turns.size() ? ",\n" : "\n");
  }
  out << "]}\n";
}

}  // namespace

void write_trace(std::ostream& out, const Scenario& s, const Forecast& f) {
  if (!f.turns.empty()) {
    write_spatial_trace(out, s, f);
    return;
  }
  if (f.model == "exchange") {
    report::write_exchange_trace(out, document_head(kExchangeTraceSchema, f), s, f);
    return;
  }
  nlohmann::ordered_json j = document_head(kTraceSchema, f);
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  const std::size_t n = s.actors().size();
  for (std::size_t i = 0; i < f.issues.size(); ++i) {
    nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
    for (std::size_t t = 0; t < f.issues[i].rounds.size(); ++t) {
      const RoundRecord& r = f.issues[i].rounds[t];
      nlohmann::ordered_json round;
      round["round"] = t;
      if (t > 0) {
        round["r"] = by_actor(s, r.risk);
        if (!r.expected_utility.empty()) {
          nlohmann::ordered_json eu = nlohmann::ordered_json::object();
          for (std::size_t a = 0; a < n; ++a) {
            const std::vector<double> row(r.expected_utility.begin() + static_cast<std::ptrdiff_t>(a * n),
                                          r.expected_utility.begin() + static_cast<std::ptrdiff_t>((a + 1) * n));
            nlohmann::ordered_json cells = by_actor(s, row);
            if (!cells.empty()) eu[s.actor(a).id] = std::move(cells);
          }
          round["eu_i_challenges_j_from_i_view"] = std::move(eu);
        }
        nlohmann::ordered_json offers = nlohmann::ordered_json::array();
        for (const AcceptedOffer& o : r.offers)
          offers.push_back({{"actor", s.actor(o.actor).id},
                            {"from", s.actor(o.from).id},
                            {"type", to_string(o.kind)},
                            {"old_pos", o.old_position},
                            {"new_pos", o.new_position},
                            {"eu_ij", o.eu_ij},
                            {"eu_ji", o.eu_ji}});
        round["accepted_offers"] = std::move(offers);
      }
      round["positions"] = by_actor(s, r.positions);
      round["median"] = json_number(r.median);
      round["mean"] = json_number(r.mean);
      rounds.push_back(std::move(round));
    }
    issues.push_back({{"id", s.issue(i).id}, {"rounds", std::move(rounds)}});
  }
  j["issues"] = std::move(issues);
  out << j.dump(1) << '\n';
}

void write_forecast(std::ostream& out, const Scenario& s, const Forecast& f, OutputFormat format) {
  write_forecast(out, s, f, format, shipped_skill());
}

void write_forecast(std::ostream& out, const Scenario& s, const Forecast& f, OutputFormat format, const SkillTable& skill) {
  switch (format) {
    case OutputFormat::json:
      write_json(out, s, f, skill);
      break;
    case OutputFormat::csv:
      write_csv(out, s, f, skill);
      break;
    case OutputFormat::table:
      write_table(out, s, f, skill);
      break;
  }
}

}  // namespace parley
