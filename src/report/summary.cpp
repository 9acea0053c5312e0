// The report's summary, rendered once as text (parley report prints it) and once as HTML.
#include <fmt/format.h>

#include "parley/report.hpp"
#include "report/headline.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"

namespace parley {

namespace {

using report::fixed;
using report::percent;
using report::probability_words;

/// "in 25 % of draws [0.125, 0.375]", "in all 60 draws (≥ 94.0 %, 95 % interval)" or "in none of 60
/// draws (≤ 6.0 %, 95 % interval)".
std::string share_of_draws(const Proportion& p) {
  const std::string words = probability_words(p);
  if (words.rfind("in ", 0) == 0) return words;
  return fmt::format("in {} of draws [{:.3f}, {:.3f}]", words, p.low, p.high);
}

std::string ensemble_point(const EnsembleWeights& w) {
  std::string weights;
  for (std::size_t m = 0; m < w.models.size(); ++m) weights += fmt::format("{}{} {:.2f}", m ? ", " : "", w.models[m], w.weights[m]);
  std::string out =
      w.equal ? fmt::format("Ensemble: the mean of {} models with equal weights ({}), as none of them is in the skill table",
                            w.models.size(), weights)
              : fmt::format("Ensemble: the skill-weighted mean of {} models (weights {}; from the skill table of {}, made by `{}`)",
                            w.models.size(), weights, w.data, w.command);
  if (!w.equal && !w.missing.empty()) {
    std::string missing;
    for (std::size_t m = 0; m < w.missing.size(); ++m) missing += (m ? ", " : "") + w.missing[m];
    out += fmt::format("; {} {} no weight in the skill table and {} left out", missing, w.missing.size() == 1 ? "has" : "have",
                       w.missing.size() == 1 ? "is" : "are");
  }
  return out + ".";
}

std::string forecast_point(const ReportSummary::IssueCall& c, const EnsembleWeights& w) {
  std::string out = fmt::format("Forecast of {}: {} (", c.issue, fixed(c.ensemble, 1));
  for (std::size_t m = 0; m < c.models.size() && m < w.models.size(); ++m)
    out += fmt::format("{}{} {}", m ? ", " : "", w.models[m], fixed(c.models[m], 1));
  return out + ").";
}

std::string likely_point(const ReportSummary::LikelyClass& c, const EnsembleWeights& w) {
  std::string out = fmt::format("Most likely{}: {} — {} in the ensemble (", c.group.empty() ? "" : " (" + c.group + ")", c.name,
                                probability_words(c.ensemble));
  for (std::size_t m = 0; m < c.models.size() && m < w.models.size(); ++m)
    out += fmt::format("{}{} {}", m ? ", " : "", w.models[m], probability_words(c.models[m]));
  return out + fmt::format("); draws in no class{}: {}.", c.group.empty() ? "" : " of " + c.group, probability_words(c.unclassified));
}

std::string contradiction_point(const ReportSummary::Contradiction& c) {
  return fmt::format("Contradiction: {} is judged likely ({} in the ensemble), yet it depends on {}, where a zone of agreement exists {}.",
                     c.name, probability_words(c.probability), c.issue, share_of_draws(c.zone));
}

std::string drivers_point(const std::string& lead, const std::vector<ReportSummary::Driver>& drivers) {
  std::string out = fmt::format("What drives the forecast ({}, one input at a time): ", lead);
  for (std::size_t k = 0; k < drivers.size(); ++k)
    out += fmt::format("{}{} (moves an outcome by up to {} of its scale)", k ? "; " : "", drivers[k].input, percent(drivers[k].swing));
  return out + ".";
}

std::string events_point(const ReportSummary::EventShift& e) {
  if (!e.moves) return fmt::format("The {} events leave every forecast where it was.", e.events);
  return fmt::format(
      "Events: {} moves the forecast most, {} by {:+.1f} on average over {} model{}; over the whole timeline ({} event{}) "
      "that issue moves by {:+.1f}.",
      e.event, e.issue, e.shift, e.models, e.models == 1 ? "" : "s", e.events, e.events == 1 ? "" : "s", e.total);
}

std::string deal_point(const ReportSummary::UnlikelyDeal& d) {
  std::string out = fmt::format("No deal likely on {}: a zone of agreement exists {}", d.issue, share_of_draws(d.zone));
  if (!d.floor_actor.empty())
    out += fmt::format("; {}'s floor ({:.1f}) is above {}'s ceiling ({:.1f})", d.floor_actor, d.floor, d.ceiling_actor, d.ceiling);
  return out + ".";
}

}  // namespace

std::vector<std::string> summary_points(const ReportSummary& s) {
  std::vector<std::string> points;
  if (!s.ensemble.models.empty()) points.push_back(ensemble_point(s.ensemble));
  for (const ReportSummary::IssueCall& c : s.forecasts) points.push_back(forecast_point(c, s.ensemble));
  if (!s.most_likely.empty()) points.push_back(report::probability_basis(s));
  for (const ReportSummary::LikelyClass& c : s.most_likely) points.push_back(likely_point(c, s.ensemble));
  for (const ReportSummary::Contradiction& c : s.contradictions) points.push_back(contradiction_point(c));
  if (!s.drivers.empty()) points.push_back(drivers_point(s.lead, s.drivers));
  if (s.events) points.push_back(events_point(*s.events));
  for (const ReportSummary::UnlikelyDeal& d : s.unlikely_deals) points.push_back(deal_point(d));
  return points;
}

std::string summary_text(const ReportSummary& s) {
  std::string out = s.title + "\n";
  for (const std::string& point : summary_points(s)) out += "- " + point + "\n";
  return out;
}

std::string summary_html(const ReportSummary& s) {
  std::string out = "<div class=\"summary\"><ul>";
  for (const std::string& point : summary_points(s)) out += "<li>" + report::escape(point) + "</li>";
  return out + "</ul></div>";
}

}  // namespace parley
