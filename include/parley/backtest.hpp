// Scoring a model's forecasts against observed outcomes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/model.hpp"

namespace parley {

/// Absolute errors of one predictor over the issues it could score.
struct ErrorSummary {
  std::size_t issues = 0;
  double mean_absolute_error = 0;
  double median_absolute_error = 0;
};

struct BacktestIssue {
  std::string issue_id;
  std::string group;
  double observed = 0;
  std::optional<double> predicted;                 // the model's forecast
  std::optional<double> status_quo;                // reference line
  std::optional<double> reference_actor_position;  // e.g. the Commission's
};

struct BacktestResult {
  std::string model;
  ErrorSummary model_errors;
  ErrorSummary status_quo_errors;
  ErrorSummary reference_actor_errors;
  std::string reference_actor;        // id, empty if none
  std::vector<BacktestIssue> issues;  // every issue with an observed outcome
};

/// Runs `model` on `scenario` and scores every issue that has an observed outcome and a
/// prediction. The reference lines score the status quo and the position of `reference_actor`
/// (if that actor exists) on the issues where those are known.
BacktestResult backtest(const Scenario& scenario, const Model& model, const ModelOptions& options,
                        const std::string& reference_actor = "com");

/// Summary of a list of absolute errors (empty list: zero issues, zeros).
ErrorSummary summarize_errors(std::vector<double> absolute_errors);

}  // namespace parley
