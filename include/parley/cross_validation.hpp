// Cross-validated skill: how well each model forecasts outcomes it was not fitted to (the
// `parley backtest --cross-validate` command, docs/skill.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/model.hpp"
#include "parley/skill.hpp"

namespace parley {

struct CrossValidationOptions {
  std::size_t folds = 5;
  std::size_t repeats = 20;      // each with its own random split into folds
  std::uint64_t seed = 1;        // of the splits and of the bootstrap
  std::size_t bootstrap = 2000;  // resamples of the groups for the MAE's interval
};

/// One model's out-of-fold forecasts and their summary.
struct ModelCrossValidation {
  std::string model;
  /// Per scored issue (CrossValidation::issues), per repeat: the out-of-fold forecast, and whether
  /// the outcome fell inside each predictive interval (interval_levels()) built from the other
  /// folds' out-of-fold residuals.
  std::vector<std::vector<double>> forecasts;  // [issue][repeat]
  std::vector<double> mae_by_repeat;
  /// For a model with fitted parameters: the options fitted on every issue with an outcome (what
  /// the model ships with when this data set is its training set). Empty otherwise.
  ModelOptions fitted_on_all;
  ModelSkill skill;  // the summary (weight left 0: weights compare models, see skill_weights)
};

struct CrossValidation {
  CrossValidationOptions options;
  /// The issues scored: every issue with an outcome that every model forecasts (so that models
  /// compare on the same issues), by index into the scenario.
  std::vector<std::size_t> issues;
  std::vector<std::string> skipped;  // "issue: why" for issues with an outcome but not scored
  std::size_t groups = 0;            // distinct groups (proposals) among the scored issues
  std::vector<ModelCrossValidation> models;
};

/// Cross-validates `models` on the issues of `scenario` that have an outcome. Folds are grouped by
/// Issue::group (an issue without a group is its own group): all issues of one proposal fall in
/// the same fold. Each repeat draws a new split from `options.seed`; a model with fitted parameters
/// (Model::fit) is fitted on the other folds for each fold. The result is the same for any thread
/// count. Throws InputError when fewer than two groups have outcomes or folds < 2.
CrossValidation cross_validate(const Scenario& scenario, const std::vector<const Model*>& models, const ModelOptions& options,
                               const CrossValidationOptions& cv_options);

/// Ensemble weights proportional to 1 / rmse², summing to 1 (docs/skill.md), written into `table`.
void set_skill_weights(SkillTable& table);

}  // namespace parley
