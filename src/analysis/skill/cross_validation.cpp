#include "parley/cross_validation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>

#include "analysis/skill/error_statistics.hpp"
#include "core/not_a_number.hpp"
#include "parley/error.hpp"

namespace parley {

namespace {

/// The scored issues grouped by Issue::group (an issue without one is a group of its own), in
/// order of first appearance; values are positions in `issues`.
std::vector<std::vector<std::size_t>> group_issues(const Scenario& s, const std::vector<std::size_t>& issues) {
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    const std::string& g = s.issue(issues[k]).group;
    if (g.empty()) {
      groups.push_back({k});
      continue;
    }
    auto [it, added] = index.emplace(g, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(k);
  }
  return groups;
}

/// fold[k] for each scored issue: the groups shuffled (Fisher–Yates on a 64-bit Mersenne Twister,
/// the same on every platform) and dealt to the folds in turn.
std::vector<std::size_t> split(const std::vector<std::vector<std::size_t>>& groups, std::size_t n_issues, std::size_t folds,
                               std::uint64_t seed, std::size_t repeat) {
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + repeat);
  std::vector<std::size_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
  std::vector<std::size_t> fold(n_issues);
  for (std::size_t g = 0; g < order.size(); ++g)
    for (std::size_t k : groups[order[g]]) fold[k] = g % folds;
  return fold;
}

std::optional<double> outcome_of(const Forecast& f, std::size_t issue) { return f.issues[issue].outcome; }

/// One repeat: the out-of-fold forecast of every scored issue.
std::vector<double> out_of_fold(const Scenario& s, const Model& m, const ModelOptions& options, const std::optional<Forecast>& fixed,
                                const std::vector<std::size_t>& issues, const std::vector<std::size_t>& fold, std::size_t folds) {
  std::vector<double> out(issues.size(), kNaN);
  for (std::size_t f = 0; f < folds; ++f) {
    std::vector<std::size_t> training;
    for (std::size_t k = 0; k < issues.size(); ++k)
      if (fold[k] != f) training.push_back(issues[k]);
    // A model without fitted parameters forecasts once (`fixed`); it is not copied per fold.
    std::optional<Forecast> fitted;
    const Forecast& forecast = fixed ? *fixed : fitted.emplace(m.run(s, *m.fit(s, training, options)));
    for (std::size_t k = 0; k < issues.size(); ++k)
      if (fold[k] == f)
        if (auto x = outcome_of(forecast, issues[k])) out[k] = *x;
  }
  return out;
}

}  // namespace

CrossValidation cross_validate(const Scenario& s, const std::vector<const Model*>& models, const ModelOptions& options,
                               const CrossValidationOptions& o) {
  CrossValidation cv;
  cv.options = o;
  for (std::size_t i = 0; i < s.issues().size(); ++i)
    if (s.issue(i).outcome) cv.issues.push_back(i);
  const auto groups = group_issues(s, cv.issues);
  cv.groups = groups.size();
  if (o.folds < 2) throw InputError({}, "--folds", std::to_string(o.folds) + " folds", "at least 2");
  if (o.repeats < 1) throw InputError({}, "--repeats", "0 repeats", "at least 1");
  if (groups.size() < o.folds)
    throw InputError({}, "--folds",
                     std::to_string(o.folds) + " folds but " + std::to_string(groups.size()) + " groups of issues with an outcome",
                     "at least as many groups (proposals) with an observed outcome as folds");

  std::vector<std::vector<std::size_t>> splits;
  for (std::size_t r = 0; r < o.repeats; ++r) splits.push_back(split(groups, cv.issues.size(), o.folds, o.seed, r));

  for (const Model* m : models) {
    ModelCrossValidation mc;
    mc.model = std::string(m->name());
    std::optional<Forecast> fixed;
    if (!m->traits().fitted)
      fixed = m->run(s, options);
    else
      mc.fitted_on_all = *m->fit(s, cv.issues, options);
    mc.forecasts.assign(cv.issues.size(), std::vector<double>(o.repeats, kNaN));
    for (std::size_t r = 0; r < o.repeats; ++r) {
      const std::vector<double> f = out_of_fold(s, *m, options, fixed, cv.issues, splits[r], o.folds);
      for (std::size_t k = 0; k < f.size(); ++k) mc.forecasts[k][r] = f[k];
    }
    cv.models.push_back(std::move(mc));
  }
  summarize_cross_validation(s, cv, groups, splits);
  return cv;
}

void set_skill_weights(SkillTable& table) {
  double sum = 0;
  for (const ModelSkill& m : table.models) sum += m.rmse > 0 ? 1 / (m.rmse * m.rmse) : 0;
  for (ModelSkill& m : table.models) m.weight = sum > 0 && m.rmse > 0 ? 1 / (m.rmse * m.rmse) / sum : 0;
}

}  // namespace parley
