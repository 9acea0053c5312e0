#include "report/headline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/not_a_number.hpp"
#include "parley/ensemble.hpp"
#include "parley/outcome_class.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"

namespace parley::report {

namespace {

std::string class_name(const OutcomeClass& c) { return c.label.empty() ? c.name : c.label; }

/// Each model's probability of class c: with its measured error where the sweep has it.
std::vector<Proportion> class_probabilities(const std::vector<ModelOutcome>& models, std::size_t c) {
  std::vector<Proportion> out;
  for (const ModelOutcome& m : models)
    out.push_back(m.sweep->with_model_error ? m.sweep->with_model_error->classes[c].probability : m.sweep->classes[c].probability);
  return out;
}

/// Each model's share of draws in no class of `group`, likewise.
std::vector<Proportion> unclassified_shares(const std::vector<ModelOutcome>& models, const std::string& group) {
  std::vector<Proportion> out;
  for (const ModelOutcome& m : models) {
    const std::vector<Unclassified>& list = m.sweep->with_model_error ? m.sweep->with_model_error->unclassified : m.sweep->unclassified;
    auto u = std::find_if(list.begin(), list.end(), [&](const Unclassified& x) { return x.group == group; });
    out.push_back(u == list.end() ? Proportion{} : u->share);
  }
  return out;
}

std::vector<ReportSummary::IssueCall> issue_calls(const Scenario& s, const std::vector<ModelOutcome>& models, const EnsembleWeights& w) {
  std::vector<ReportSummary::IssueCall> out;
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    ReportSummary::IssueCall call{s.issue(i).label, kNaN, {}};
    for (const ModelOutcome& m : models) call.models.push_back(m.point->issues[i].outcome.value_or(kNaN));
    call.ensemble = ensemble_mean(w, call.models);
    out.push_back(std::move(call));
  }
  return out;
}

/// Per group, the class with the highest ensemble probability (the first of equals).
std::vector<ReportSummary::LikelyClass> likely_classes(const Scenario& s, const std::vector<ModelOutcome>& models,
                                                       const EnsembleWeights& w) {
  std::vector<ReportSummary::LikelyClass> out;
  for (std::size_t c = 0; c < s.outcome_classes.size(); ++c) {
    const OutcomeClass& k = s.outcome_classes[c];
    std::vector<Proportion> per_model = class_probabilities(models, c);
    const Proportion p = ensemble_probability(w, per_model);
    auto it = std::find_if(out.begin(), out.end(), [&](const ReportSummary::LikelyClass& x) { return x.group == k.group; });
    if (it == out.end())
      out.push_back({k.group, class_name(k), p, std::move(per_model), ensemble_probability(w, unclassified_shares(models, k.group))});
    else if (p.estimate > it->ensemble.estimate)
      it->name = class_name(k), it->ensemble = p, it->models = std::move(per_model);
  }
  return out;
}

std::vector<ReportSummary::Contradiction> contradictions(const Scenario& s, const std::vector<ModelOutcome>& models,
                                                         const EnsembleWeights& w, const FeasibilityOdds& odds) {
  std::vector<ReportSummary::Contradiction> out;
  const OutcomeClassifier classifier(s);
  // A class is judged likely when the ensemble gives it more than one half, or more than any other
  // class of its group (the headline's "most likely").
  std::vector<Proportion> ps;
  for (std::size_t c = 0; c < s.outcome_classes.size(); ++c) ps.push_back(ensemble_probability(w, class_probabilities(models, c)));
  auto most_likely_of_group = [&](std::size_t c) {
    for (std::size_t d = 0; d < ps.size(); ++d)
      if (d != c && s.outcome_classes[d].group == s.outcome_classes[c].group && ps[d].estimate >= ps[c].estimate) return false;
    return true;
  };
  for (std::size_t c = 0; c < s.outcome_classes.size(); ++c) {
    const Proportion p = ps[c];
    if (p.estimate <= 0.5 && !most_likely_of_group(c)) continue;
    std::vector<std::size_t> issues = classifier.issues(c);
    for (std::size_t i : s.outcome_classes[c].needs_deal_on)
      if (std::find(issues.begin(), issues.end(), i) == issues.end()) issues.push_back(i);
    for (std::size_t i : issues)
      if (odds.zone[i].estimate < 0.5) out.push_back({class_name(s.outcome_classes[c]), p, s.issue(i).label, odds.zone[i]});
  }
  return out;
}

std::string cell(const std::string& text) { return "<td class=\"n\">" + escape(text) + "</td>"; }

}  // namespace

std::string probability_basis(const ReportSummary& sum) {
  if (!sum.with_model_error) return "Probabilities come from the spread of the inputs only (no model has a measured error).";
  std::string out =
      "Probabilities include each model's measured error: its out-of-fold residuals on real outcomes are added to every draw "
      "(docs/uncertainty.md)";
  if (sum.inputs_only.empty()) return out + ".";
  std::string names;
  for (std::size_t m = 0; m < sum.inputs_only.size(); ++m) names += (m ? ", " : "") + sum.inputs_only[m];
  return out + fmt::format("; {}'s come from the inputs only (no measured error).", names);
}

void fill_headline(ReportSummary& sum, const Scenario& s, const std::vector<ModelOutcome>& models, const SkillTable& skill,
                   const FeasibilityOdds* zone_odds) {
  if (models.empty()) return;
  std::vector<std::string> names;
  for (const ModelOutcome& m : models) names.push_back(m.model);
  sum.ensemble = ensemble_weights(skill, names);
  sum.with_model_error = false;
  sum.inputs_only.clear();
  for (const ModelOutcome& m : models) {
    if (m.sweep->with_model_error)
      sum.with_model_error = true;
    else
      sum.inputs_only.push_back(m.model);
  }
  sum.forecasts = issue_calls(s, models, sum.ensemble);
  sum.most_likely = likely_classes(s, models, sum.ensemble);
  if (zone_odds) sum.contradictions = contradictions(s, models, sum.ensemble, *zone_odds);
}

std::string headline_html(const ReportSummary& sum, const Scenario& s, const std::vector<ModelOutcome>& models) {
  const EnsembleWeights& w = sum.ensemble;
  if (models.empty() || w.models.empty()) return "";
  std::string h = fmt::format(
      "<p>The ensemble beside each model: forecasts at the point values, then the share of draws in each outcome class and in no "
      "class of each group. {} {} A share marked ≥ or ≤ was seen in all or none of the draws: the bound is the end of its 95 % Wilson "
      "interval.</p>",
      w.equal ? "Every model weighs the same (none is in the skill table)."
              : escape(fmt::format("Weights from the skill table of {} ({}).", w.data, w.command)),
      s.outcome_classes.empty() ? "" : escape(probability_basis(sum)));
  h += "<table><tr><th>issue</th><th>ensemble</th>";
  for (std::size_t m = 0; m < w.models.size(); ++m)
    h += fmt::format("<th>{} <small>(weight {:.2f})</small></th>", escape(w.models[m]), w.weights[m]);
  h += "</tr>";
  for (const ReportSummary::IssueCall& call : sum.forecasts) {
    h += "<tr><td>" + escape(call.issue) + "</td><td class=\"n\"><b>" + escape(fixed(call.ensemble, 1)) + "</b></td>";
    for (double x : call.models) h += cell(fixed(x, 1));
    h += "</tr>";
  }
  h += "</table>";
  if (!s.outcome_classes.empty()) {
    h += "<table><tr><th>outcome</th><th>ensemble</th>";
    for (const std::string& m : w.models) h += "<th>" + escape(m) + "</th>";
    h += "</tr>";
    std::vector<std::string> groups;
    for (const OutcomeClass& k : s.outcome_classes)
      if (std::find(groups.begin(), groups.end(), k.group) == groups.end()) groups.push_back(k.group);
    for (const std::string& g : groups) {
      auto row = [&](const std::string& name, const std::vector<Proportion>& per_model) {
        h += "<tr><td>" + escape(name) + "</td><td class=\"n\"><b>" + escape(probability_percent(ensemble_probability(w, per_model))) +
             "</b></td>";
        for (const Proportion& p : per_model) h += cell(probability_percent(p));
        h += "</tr>";
      };
      for (std::size_t c = 0; c < s.outcome_classes.size(); ++c)
        if (s.outcome_classes[c].group == g) row(s.outcome_classes[c].name, class_probabilities(models, c));
      row(g.empty() ? "in no class" : "in no class of " + g, unclassified_shares(models, g));
    }
    h += "</table>";
  }
  return h;
}

}  // namespace parley::report
