#include "parley/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>

#include "core/not_a_number.hpp"
#include "parley/error.hpp"
#include "parley/feasibility.hpp"
#include "parley/sampling.hpp"
#include "parley/sensitivity.hpp"
#include "parley/skill.hpp"
#include "parley/sweep.hpp"
#include "parley/version.hpp"
#include "report/headline.hpp"
#include "report/linkage.hpp"
#include "report/names.hpp"
#include "report/output/dynamics_text.hpp"
#include "report/output/numbers.hpp"
#include "report/package_section.hpp"
#include "report/page.hpp"
#include "report/svg.hpp"
#include "report/timeline.hpp"

namespace parley {

namespace {

using report::escape;
using report::fixed;
using report::with_id;

struct ModelResult {
  const Model* model;
  const SweepSetup* setup;  // its point_forecast() is the model's forecast at the point values
  SweepSummary sweep;
  const Forecast& point() const { return setup->point_forecast(); }
};

/// Below the model table: what its "(2-cycle)" and "(not converged)" marks mean, when any is there.
std::string unsettled_note(const std::vector<ModelResult>& results) {
  bool any = false;
  for (const ModelResult& r : results)
    for (const IssueForecast& f : r.point().issues) any = any || report::unsettled(f.dynamics);
  if (!any) return "";
  return "<p><small>(p-cycle): the model's positions repeat every p rounds; its forecast is the mean over one cycle unless the "
         "option cycle=last asks for the last round's. (not converged): the positions still moved at the last round, so the "
         "forecast depends on the number of rounds. Hover over a mark for details.</small></p>";
}

/// The issues where a zone of agreement exists in fewer than half of the draws.
std::vector<ReportSummary::UnlikelyDeal> unlikely_deals(const Scenario& s, const Feasibility& feas, const FeasibilityOdds& odds) {
  std::vector<ReportSummary::UnlikelyDeal> out;
  for (const IssueFeasibility& r : feas.issues) {
    const Proportion& p = odds.zone[r.issue];
    if (p.estimate >= 0.5) continue;
    ReportSummary::UnlikelyDeal d{s.issue(r.issue).label, p, "", "", 0, 0};
    if (r.zone.empty() && r.lower && r.upper) {
      d.floor_actor = s.actor(s.sides[r.lower->side].ratifiers[r.lower->ratifier].actor).name;
      d.ceiling_actor = s.actor(s.sides[r.upper->side].ratifiers[r.upper->ratifier].actor).name;
      d.floor = r.zone.low;
      d.ceiling = r.zone.high;
    }
    out.push_back(std::move(d));
  }
  return out;
}

/// Inputs by their largest swing over the issues, each relative to the scale: the top three that move something.
std::vector<ReportSummary::Driver> drivers_of(const Scenario& s, const std::vector<TornadoBar>& bars,
                                              const std::vector<UncertainInput>& inputs) {
  std::vector<std::pair<double, std::size_t>> swing;
  for (std::size_t k = 0; k < bars.size(); ++k) {
    double w = 0;
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      const double d = std::abs(bars[k].high[i] - bars[k].low[i]) / (s.issue(i).scale.max - s.issue(i).scale.min);
      if (!std::isnan(d)) w = std::max(w, d);
    }
    swing.emplace_back(w, k);
  }
  std::stable_sort(swing.begin(), swing.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<ReportSummary::Driver> drivers;
  for (std::size_t k = 0; k < std::min<std::size_t>(3, swing.size()) && swing[k].first > 0; ++k)
    drivers.push_back({report::input_label(s, inputs[swing[k].second]), swing[k].first});
  return drivers;
}

}  // namespace

Report build_report(const Scenario& s, const ReportOptions& o) {
  std::vector<const Model*> models = o.models.empty() ? all_models() : o.models;
  const Model* lead = o.lead;
  if (lead && std::find(models.begin(), models.end(), lead) == models.end())
    throw InputError({}, "--lead", "model '" + std::string(lead->name()) + "' is not among the report's models",
                     "one of the models in --models");
  if (!lead)
    for (const Model* m : models)
      if (m->traits().rounds) {
        lead = m;
        break;
      }
  if (!lead) lead = models.front();
  auto stage = [&](const std::string& what) {
    if (o.stage) o.stage(what);
  };

  std::deque<SweepSetup> setups;  // stable addresses: results point into it
  std::vector<ModelResult> results;
  for (const Model* m : models) {
    stage("sweep " + std::string(m->name()));
    const SweepSetup& setup = setups.emplace_back(s, *m, ModelOptions{}, SamplingOptions{o.seed, 0});
    SweepControl control;
    control.threads = o.threads;
    results.push_back({m, &setup, run_sweep(setup, o.draws, control)});
  }
  const ModelResult& lead_result = *std::find_if(results.begin(), results.end(), [&](const ModelResult& r) { return r.model == lead; });
  stage("tornado " + std::string(lead->name()));
  const SweepSetup& lead_setup = *lead_result.setup;
  std::vector<double> base;
  const std::vector<TornadoBar> bars = lead_setup.inputs() > 0 ? tornado(lead_setup, base, o.threads) : std::vector<TornadoBar>{};
  const auto& inputs = lead_setup.sampler().inputs();

  std::optional<Feasibility> feas;
  std::optional<FeasibilityOdds> odds;
  PackageDeals packages;  // the declared linkages
  if (!s.sides.empty()) {
    stage("feasibility");
    FeasibilityAnalysis analysis = analyse_feasibility(s, {}, o.draws, {o.seed, 0}, o.threads);
    feas = std::move(analysis.point);
    odds = std::move(analysis.odds);
    packages = std::move(analysis.deals);
  }

  std::vector<report::StageForecasts> stages;
  for (const ModelResult& r : results) stages.push_back(report::stage_forecasts(s, r.point()));

  Report rep;
  ReportSummary& sum = rep.summary_data;
  sum.title = s.metadata.title;
  std::vector<report::ModelOutcome> outcomes;
  for (const ModelResult& r : results) outcomes.push_back({std::string(r.model->name()), &r.point(), &r.sweep});
  report::fill_headline(sum, s, outcomes, shipped_skill(), odds ? &*odds : nullptr);
  sum.lead = std::string(lead->name());
  sum.drivers = drivers_of(s, bars, inputs);
  sum.events = report::event_shift(s, stages);
  if (feas) sum.unlikely_deals = unlikely_deals(s, *feas, *odds);
  rep.summary = summary_text(sum);

  std::string h;
  h += "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(s.metadata.title) + " — parley report</title>";
  h += report::page_style() + "</head><body>";
  h += fmt::format(
      "<h1>{}</h1><p>{} — parley {}, {} draws per model, seed {}{}.</p>", escape(s.metadata.title), escape(s.metadata.description),
      kVersion, o.draws, o.seed,
      o.scenario_file.empty() ? "" : ", scenario " + escape(report::shown_path(o.scenario_file, std::filesystem::current_path().string())));
  h += "<h2>Summary</h2>" + summary_html(sum) + report::headline_html(sum, s, outcomes);

  h += "<h2>Forecasts by issue</h2><p>Each row is a model: the circle is its forecast at the point values, the bar the middle half of "
       "its forecasts over the draws, the line the middle 90 %, the black tick their mean.</p>";
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Issue& issue = s.issue(i);
    std::vector<report::IntervalRow> rows;
    for (const ModelResult& r : results) {
      const IssueSummary& q = r.sweep.issues[i];
      rows.push_back({std::string(r.model->name()), r.point().issues[i].outcome.value_or(kNaN), q.q05, q.q25, q.q75, q.q95, q.mean});
    }
    h += fmt::format("<figure><figcaption><b title=\"{}\">{}</b>{}</figcaption>", escape(issue.id), escape(issue.label),
                     issue.status_quo ? fmt::format(" — status quo {}", escape(issue.status_quo->value.to_string())) : "");
    h += report::interval_chart(rows, issue.scale.min, issue.scale.max, issue.scale.min_label, issue.scale.max_label) + "</figure>";
  }
  h += "<table><tr><th>issue</th>";
  for (const ModelResult& r : results) h += "<th>" + escape(std::string(r.model->name())) + "</th>";
  h += "</tr>";
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    h += "<tr><td>" + with_id(s.issue(i).label, s.issue(i).id) + "</td>";
    for (const ModelResult& r : results) {
      const Dynamics& d = r.point().issues[i].dynamics;  // a cycle or no convergence is marked, with its account as a tooltip
      const std::string mark = !report::unsettled(d)
                                   ? ""
                                   : fmt::format(" <small title=\"{}\">({})</small>", escape(report::describe_dynamics(d)),
                                                 d.status == DynamicsStatus::cycle ? fmt::format("{}-cycle", d.period) : "not converged");
      h += fmt::format("<td class=\"n\">{} <small>[{}, {}]</small>{}</td>", fixed(r.point().issues[i].outcome, 1),
                       fixed(r.sweep.issues[i].q05, 1), fixed(r.sweep.issues[i].q95, 1), mark);
    }
    h += "</tr>";
  }
  h += "</table>";
  h += unsettled_note(results);

  if (!lead_result.point().issues.empty() && !lead_result.point().issues[0].rounds.empty()) {
    h += fmt::format("<h2>Positions over rounds ({})</h2><p>Each line is an actor's position, round by round, at the point values.</p>",
                     escape(std::string(lead->name())));
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      std::vector<report::LineSeries> lines;
      for (std::size_t a = 0; a < s.actors().size(); ++a) {
        report::LineSeries line{{s.actor(a).name, s.actor(a).id}, {}};
        bool any = false;
        for (const RoundRecord& rr : lead_result.point().issues[i].rounds) {
          const double x = a < rr.positions.size() ? rr.positions[a] : kNaN;
          line.values.push_back(x);
          any = any || !std::isnan(x);
        }
        if (any && s.stance(i, a).takes_part()) lines.push_back(std::move(line));
      }
      h += fmt::format("<figure><figcaption><b>{}</b></figcaption>{}</figure>", escape(s.issue(i).label),
                       report::line_chart(lines, s.issue(i).scale.min, s.issue(i).scale.max, "round", report::event_markers(s)));
    }
  }
  h += report::timeline_section(s, stages);
  for (const ModelResult& r : results) h += report::linkage_section(s, r.point());  // "" but for the exchange model

  if (!s.outcome_classes.empty()) {
    h += "<h2>Outcome probabilities</h2><p>Share of draws in each named outcome, per model, with 95 % Wilson intervals.</p>";
    std::vector<std::string> groups;
    for (const OutcomeClass& c : s.outcome_classes)
      if (std::find(groups.begin(), groups.end(), c.group) == groups.end()) groups.push_back(c.group);
    std::vector<std::string> names;
    for (const ModelResult& r : results) names.emplace_back(r.model->name());
    for (const std::string& g : groups) {
      std::vector<report::Label> labels;
      std::vector<std::vector<report::ProbabilityBar>> bars_by_class;
      for (std::size_t c = 0; c < s.outcome_classes.size(); ++c) {
        if (s.outcome_classes[c].group != g) continue;
        labels.push_back(
            {s.outcome_classes[c].label.empty() ? s.outcome_classes[c].name : s.outcome_classes[c].label, s.outcome_classes[c].name});
        std::vector<report::ProbabilityBar> row;
        for (const ModelResult& r : results) {
          const Proportion& p = r.sweep.classes[c].probability;
          row.push_back({p.estimate, p.low, p.high});
        }
        bars_by_class.push_back(std::move(row));
      }
      h += fmt::format("<figure><figcaption><b>{}</b></figcaption>{}</figure>", escape(g.empty() ? "outcomes" : g),
                       report::probability_chart(labels, names, bars_by_class));
    }
  }

  if (!bars.empty()) {
    h += fmt::format(
        "<h2>What drives it: tornado ({})</h2><p>Each bar spans the forecast with one input at its 5 % and at its 95 % "
        "quantile, all others at their point values (dot: at 5 %; dashed line: all at point values). Largest swings first.</p>",
        escape(std::string(lead->name())));
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      std::vector<std::pair<double, std::size_t>> order;
      for (std::size_t k = 0; k < bars.size(); ++k) order.emplace_back(std::abs(bars[k].high[i] - bars[k].low[i]), k);
      std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      std::vector<report::TornadoRow> rows;
      for (std::size_t k = 0; k < std::min<std::size_t>(8, order.size()) && order[k].first > 0; ++k)
        rows.push_back({{report::input_label(s, inputs[order[k].second], i), inputs[order[k].second].name},
                        bars[order[k].second].low[i],
                        bars[order[k].second].high[i]});
      if (rows.empty()) continue;
      h += fmt::format("<figure><figcaption><b>{}</b></figcaption>{}</figure>", escape(s.issue(i).label),
                       report::tornado_chart(rows, base[i], s.issue(i).scale.min, s.issue(i).scale.max));
    }
  }

  if (feas) {
    h += "<h2>Deal feasibility (two-level games)</h2><table><tr><th>issue</th>";
    for (const Side& side : s.sides) h += "<th>win-set: " + escape(side.id) + "</th>";
    h += "<th>zone of agreement</th><th>binding</th><th>P(zone)</th></tr>";
    auto who = [&](const std::optional<ConstraintRef>& c) {
      return c ? with_id(s.actor(s.sides[c->side].ratifiers[c->ratifier].actor).name, constraint_name(s, *c)) : std::string("scale");
    };
    for (const IssueFeasibility& r : feas->issues) {
      h += "<tr><td>" + with_id(s.issue(r.issue).label, s.issue(r.issue).id) + "</td>";
      for (const Interval& w : r.win_sets) h += "<td class=\"n\">" + to_string(w) + "</td>";
      const Proportion& p = odds->zone[r.issue];
      h += fmt::format("<td class=\"n\">{}</td><td>floor {}, ceiling {}</td><td class=\"n\">{} [{:.3f}, {:.3f}]</td></tr>",
                       to_string(r.zone), who(r.lower), who(r.upper), escape(report::probability_cell(p)), p.low, p.high);
    }
    h += "</table>";
  }
  h += report::package_section(s, packages);

  h += "<h2>Provenance</h2><table><tr><th>input</th><th>value</th><th>source</th><th>note</th></tr>";
  for (const UncertainInput& in : scenario_parameters(s)) {
    const Parameter& p = parameter_of(s, in);
    std::string source, note;
    if (p.citation >= 0) {
      const Citation& c = s.citations[static_cast<std::size_t>(p.citation)];
      source = s.metadata.sources[c.reference].id;
      note = c.note;
    }
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", with_id(report::input_label(s, in), in.name),
                     escape(p.value.to_string()), escape(source), escape(note));
  }
  h += "</table><h3>Sources</h3><ul>";
  for (const Reference& r : s.metadata.sources)
    h += fmt::format("<li><b>{}</b>: {}{}</li>", escape(r.id), escape(r.title), r.note.empty() ? "" : " (" + escape(r.note) + ")");
  h += "</ul>" + report::glossary_section() + "</body></html>\n";
  rep.html = report::with_contents(h);
  return rep;
}

}  // namespace parley
