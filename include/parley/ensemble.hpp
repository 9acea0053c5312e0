// The skill-weighted ensemble: the forecast the report and its summary lead with. Each model's
// weight is its ensemble weight in a skill table (shipped_skill(): proportional to 1 / RMSE² out of
// sample), renormalised over the models at hand; a model the table does not know gets weight 0.
//
//   const EnsembleWeights w = ensemble_weights(shipped_skill(), {"compromise", "bdm"});
//   double x = ensemble_mean(w, {60.0, 72.5});                  // the weighted mean
//   Proportion p = ensemble_probability(w, {p_compromise, p_bdm});  // the weighted mixture
#pragma once

#include <string>
#include <vector>

#include "parley/skill.hpp"
#include "parley/sweep.hpp"

namespace parley {

struct EnsembleWeights {
  std::vector<std::string> models;   // in the order given
  std::vector<double> weights;       // per model; they sum to 1
  std::vector<std::string> missing;  // models the table has no row (or no weight) for: weight 0
  /// True when no model given has a weight in the table: then every model weighs the same.
  bool equal = false;
  std::string data, command;  // where the weights come from: the table's `data` and `command`
};

/// The weights of `models` from `table`, renormalised to sum to 1 over them. Throws
/// std::invalid_argument when `models` is empty.
EnsembleWeights ensemble_weights(const SkillTable& table, const std::vector<std::string>& models);

/// The weighted mean of values[m] (one per model, NaN where a model gives no forecast), the
/// weights renormalised over the models that give one; NaN when none with weight does.
double ensemble_mean(const EnsembleWeights& weights, const std::vector<double>& values);

/// The weighted mixture of the models' probabilities of one event (each estimated from the same
/// number of draws): estimate, low and high are the weighted means of the models' (a mixture of
/// comonotone interval bounds). `total` is the largest of the models' totals; `count` is `total`
/// when every model with weight saw the event in all its draws, 0 when none did, otherwise the
/// estimate's count rounded into [1, total − 1], so that "all" and "none" keep their meaning.
Proportion ensemble_probability(const EnsembleWeights& weights, const std::vector<Proportion>& probabilities);

}  // namespace parley
