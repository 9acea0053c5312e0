#include "parley/backtest.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

ErrorSummary summarize_errors(std::vector<double> errors) {
  ErrorSummary out;
  out.issues = errors.size();
  if (errors.empty()) return out;
  double sum = 0;
  for (double e : errors) sum += e;
  out.mean_absolute_error = sum / static_cast<double>(errors.size());
  std::sort(errors.begin(), errors.end());
  const std::size_t n = errors.size();
  out.median_absolute_error = n % 2 ? errors[n / 2] : 0.5 * (errors[n / 2 - 1] + errors[n / 2]);
  return out;
}

BacktestResult backtest(const Scenario& s, const Model& model, const ModelOptions& options, const std::string& reference_actor) {
  const Forecast forecast = model.run(s, options);
  BacktestResult result;
  result.model = forecast.model;
  const auto ref = s.find_actor(reference_actor);
  if (ref) result.reference_actor = reference_actor;
  std::vector<double> model_err, sq_err, ref_err;
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const Issue& issue = s.issue(i);
    if (!issue.outcome) continue;
    BacktestIssue row;
    row.issue_id = issue.id;
    row.group = issue.group;
    row.observed = *issue.outcome;
    row.predicted = forecast.issues[i].outcome;
    if (issue.status_quo) row.status_quo = issue.status_quo->point();
    if (ref && s.stance(i, *ref).position) row.reference_actor_position = s.stance(i, *ref).position->point();
    // The reference lines are scored on the issues the model scores, so the three compare like for like.
    if (row.predicted) {
      model_err.push_back(std::fabs(*row.predicted - row.observed));
      if (row.status_quo) sq_err.push_back(std::fabs(*row.status_quo - row.observed));
      if (row.reference_actor_position) ref_err.push_back(std::fabs(*row.reference_actor_position - row.observed));
    }
    result.issues.push_back(std::move(row));
  }
  result.model_errors = summarize_errors(std::move(model_err));
  result.status_quo_errors = summarize_errors(std::move(sq_err));
  result.reference_actor_errors = summarize_errors(std::move(ref_err));
  return result;
}

}  // namespace parley
