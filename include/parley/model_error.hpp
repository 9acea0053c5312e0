// A sweep's draws with the model's own error added: the spread of the inputs is not all there is
// to "how sure"; the model has been wrong on real cases by its out-of-fold residuals (skill.hpp).
//
// For draw d and issue i with outcome x on a scale [min, max]:
//   u  = uniform(seed, d, i)  from a Philox stream of its own (a pure function of seed, draw, issue)
//   r  = the model's residual quantile at u: ModelSkill::residual_percentiles interpolated
//        linearly, u clamped to [0.01, 0.99]
//   x' = clamp(x − r × (max − min), min, max)   (a residual is forecast − outcome)
// and x' is classified with the scenario's classes. Computed from stored outcomes at summary time,
// so a sweep, its resumption and `parley show` of it agree, for any number of threads.
//
//   const ModelSkill* skill = shipped_skill().find("compromise");
//   ModelErrorSummary e = summarize_model_error(scenario, *skill, seed, draws, outcomes.data());
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "parley/scenario.hpp"
#include "parley/skill.hpp"
#include "parley/sweep.hpp"

namespace parley {

/// The residual (a fraction of the scale width) at quantile u of `skill`'s residual_percentiles;
/// 0 when it has none.
double residual_quantile(const ModelSkill& skill, double u);

/// The outcomes of draw `draw` with the model's error added (x' above): perturbed[i] for every
/// issue of `scenario` (NaN where outcomes[i] is NaN).
void add_model_error(const Scenario& scenario, const ModelSkill& skill, std::uint64_t seed, std::uint64_t draw, const double* outcomes,
                     double* perturbed);

/// The summary of `draws` draws (outcomes[k * issues + i], in draw order) with the model's error
/// added; draw_numbers[k] is draw k's number (nullptr: the draws are 0 .. draws − 1). `model` and
/// `data` of the result are left empty.
ModelErrorSummary summarize_model_error(const Scenario& scenario, const ModelSkill& skill, std::uint64_t seed, std::uint64_t draws,
                                        const double* outcomes, const std::uint64_t* draw_numbers = nullptr);

/// The same for `model` as `table` knows it, with `model` and `data` set; none where the table has
/// no row with residuals for it.
std::optional<ModelErrorSummary> model_error_summary(const SkillTable& table, const std::string& model, const Scenario& scenario,
                                                     std::uint64_t seed, std::uint64_t draws, const double* outcomes,
                                                     const std::uint64_t* draw_numbers = nullptr);

}  // namespace parley
