#include "parley/model_error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "analysis/philox.hpp"
#include "core/not_a_number.hpp"
#include "parley/outcome_class.hpp"

namespace parley {

namespace {

// Philox streams: 0 and 1 draw inputs (sampling.cpp), 2 to 4 serve sensitivity analysis.
constexpr std::uint32_t kModelErrorStream = 5;

}  // namespace

double residual_quantile(const ModelSkill& skill, double u) {
  const std::vector<double>& p = skill.residual_percentiles;  // at 0.01, 0.02, …, 0.99
  if (p.empty()) return 0;
  if (p.size() == 1) return p[0];
  const double h = (std::clamp(u, 0.01, 0.99) - 0.01) / 0.98 * static_cast<double>(p.size() - 1);
  const std::size_t lo = std::min(p.size() - 2, static_cast<std::size_t>(std::floor(h)));
  return p[lo] + (h - static_cast<double>(lo)) * (p[lo + 1] - p[lo]);
}

namespace {

void perturb(const Scenario& s, const ModelSkill& skill, const analysis::CounterStream& stream, std::uint64_t draw, const double* outcomes,
             double* perturbed) {
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    const double x = outcomes[i];
    if (std::isnan(x)) {
      perturbed[i] = kNaN;
      continue;
    }
    const Scale& scale = s.issue(i).scale;
    const double r = residual_quantile(skill, stream.uniform(draw, i));
    perturbed[i] = std::clamp(x - r * (scale.max - scale.min), scale.min, scale.max);
  }
}

}  // namespace

void add_model_error(const Scenario& scenario, const ModelSkill& skill, std::uint64_t seed, std::uint64_t draw, const double* outcomes,
                     double* perturbed) {
  perturb(scenario, skill, analysis::CounterStream(seed, kModelErrorStream), draw, outcomes, perturbed);
}

ModelErrorSummary summarize_model_error(const Scenario& scenario, const ModelSkill& skill, std::uint64_t seed, std::uint64_t draws,
                                        const double* outcomes, const std::uint64_t* draw_numbers) {
  const std::size_t n = scenario.issues().size();
  const OutcomeClassifier classifier(scenario);
  const analysis::CounterStream stream(seed, kModelErrorStream);
  std::vector<double> perturbed(draws * n);
  std::vector<unsigned char> members(draws * classifier.size());
  for (std::uint64_t k = 0; k < draws; ++k) {
    perturb(scenario, skill, stream, draw_numbers ? draw_numbers[k] : k, outcomes + k * n, perturbed.data() + k * n);
    classifier.classify(perturbed.data() + k * n, members.data() + k * classifier.size());
  }
  SweepSummary s = summarize_sweep(scenario, draws, perturbed.data(), members.data());
  return {"", "", std::move(s.issues), std::move(s.classes), std::move(s.unclassified)};
}

std::optional<ModelErrorSummary> model_error_summary(const SkillTable& table, const std::string& model, const Scenario& scenario,
                                                     std::uint64_t seed, std::uint64_t draws, const double* outcomes,
                                                     const std::uint64_t* draw_numbers) {
  const ModelSkill* skill = table.find(model);
  if (!skill || skill->residual_percentiles.empty()) return std::nullopt;
  ModelErrorSummary e = summarize_model_error(scenario, *skill, seed, draws, outcomes, draw_numbers);
  e.model = model;
  e.data = table.data;
  return e;
}

}  // namespace parley
