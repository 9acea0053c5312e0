#include "analysis/skill/error_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace parley {

namespace {

double mean(const std::vector<double>& x) {
  return x.empty() ? 0 : std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double sample_sd(const std::vector<double>& x) {
  if (x.size() < 2) return 0;
  const double m = mean(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

/// Errors of one model: e[k][r] = forecast − outcome, on the positions it forecasts in every repeat.
struct Errors {
  std::vector<std::size_t> scored;     // positions in cv.issues
  std::vector<std::vector<double>> e;  // [scored][repeat]
  std::vector<double> width;           // scale width per scored position
};

Errors errors_of(const Scenario& s, const CrossValidation& cv, const ModelCrossValidation& m) {
  Errors out;
  for (std::size_t k = 0; k < cv.issues.size(); ++k) {
    const auto& f = m.forecasts[k];
    if (std::any_of(f.begin(), f.end(), [](double x) { return std::isnan(x); })) continue;
    const Issue& issue = s.issue(cv.issues[k]);
    std::vector<double> row;
    for (double x : f) row.push_back(x - *issue.outcome);
    out.scored.push_back(k);
    out.e.push_back(std::move(row));
    out.width.push_back(issue.scale.max - issue.scale.min);
  }
  return out;
}

/// The 95 % interval of the MAE from resampling whole groups (proposals) with replacement.
std::pair<double, double> cluster_bootstrap(const Errors& err, const std::vector<std::vector<std::size_t>>& groups, std::size_t resamples,
                                            std::uint64_t seed) {
  std::vector<double> issue_error(groups.empty() ? 0 : err.scored.empty() ? 0 : err.scored.back() + 1, std::nan(""));
  for (std::size_t j = 0; j < err.scored.size(); ++j) {
    double sum = 0;
    for (double x : err.e[j]) sum += std::fabs(x);
    issue_error[err.scored[j]] = sum / static_cast<double>(err.e[j].size());
  }
  std::vector<std::pair<double, double>> group_sum;  // (sum of errors, issues) per group
  for (const auto& g : groups) {
    double sum = 0, n = 0;
    for (std::size_t k : g)
      if (k < issue_error.size() && !std::isnan(issue_error[k])) sum += issue_error[k], n += 1;
    if (n > 0) group_sum.emplace_back(sum, n);
  }
  if (group_sum.empty() || resamples == 0) return {0, 0};
  std::mt19937_64 rng(seed ^ 0xB007'57A9'0000'0001ULL);
  std::vector<double> maes;
  for (std::size_t b = 0; b < resamples; ++b) {
    double sum = 0, n = 0;
    for (std::size_t g = 0; g < group_sum.size(); ++g) {
      const auto& [gs, gn] = group_sum[rng() % group_sum.size()];
      sum += gs, n += gn;
    }
    maes.push_back(sum / n);
  }
  return {quantile(maes, 0.025), quantile(maes, 0.975)};
}

/// Out-of-fold coverage of the split-conformal intervals: for each repeat and fold, the half-width
/// comes from the other folds' out-of-fold errors.
std::vector<double> coverage(const Errors& err, const std::vector<std::vector<std::size_t>>& splits, std::size_t folds) {
  std::vector<double> covered(interval_levels().size(), 0);
  double total = 0;
  for (std::size_t r = 0; r < splits.size(); ++r)
    for (std::size_t f = 0; f < folds; ++f) {
      std::vector<double> calibration;
      for (std::size_t j = 0; j < err.scored.size(); ++j)
        if (splits[r][err.scored[j]] != f) calibration.push_back(std::fabs(err.e[j][r]) / err.width[j]);
      for (std::size_t l = 0; l < interval_levels().size(); ++l) {
        const double q = conformal_quantile(calibration, interval_levels()[l]);
        for (std::size_t j = 0; j < err.scored.size(); ++j)
          if (splits[r][err.scored[j]] == f && std::fabs(err.e[j][r]) / err.width[j] <= q) covered[l] += 1;
      }
      for (std::size_t j = 0; j < err.scored.size(); ++j)
        if (splits[r][err.scored[j]] == f) total += 1;
    }
  for (double& c : covered) c = total > 0 ? c / total : 0;
  return covered;
}

/// Per repeat: this model's summed absolute error over the sum of the compromise model's on the
/// same issues.
std::vector<double> relative_by_repeat(const Errors& err, const Errors* base) {
  std::vector<double> out;
  if (!base || err.e.empty()) return out;
  for (std::size_t r = 0; r < err.e[0].size(); ++r) {
    double mine = 0, theirs = 0;
    for (std::size_t j = 0; j < err.scored.size(); ++j) {
      const auto it = std::lower_bound(base->scored.begin(), base->scored.end(), err.scored[j]);
      if (it == base->scored.end() || *it != err.scored[j]) continue;
      mine += std::fabs(err.e[j][r]);
      theirs += std::fabs(base->e[static_cast<std::size_t>(it - base->scored.begin())][r]);
    }
    if (theirs > 0) out.push_back(mine / theirs);
  }
  return out;
}

}  // namespace

double quantile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double at = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double conformal_quantile(std::vector<double> v, double level) {
  if (v.empty()) return INFINITY;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil((static_cast<double>(v.size()) + 1) * level));
  return v[std::min(rank, v.size()) - 1];
}

void summarize_cross_validation(const Scenario& s, CrossValidation& cv, const std::vector<std::vector<std::size_t>>& groups,
                                const std::vector<std::vector<std::size_t>>& splits) {
  std::vector<Errors> errors;
  const Errors* base = nullptr;
  for (const ModelCrossValidation& m : cv.models) errors.push_back(errors_of(s, cv, m));
  for (std::size_t k = 0; k < cv.models.size(); ++k)
    if (cv.models[k].model == "compromise") base = &errors[k];
  for (std::size_t k = 0; k < cv.models.size(); ++k) {
    ModelCrossValidation& m = cv.models[k];
    const Errors& err = errors[k];
    ModelSkill& sk = m.skill;
    sk.model = m.model;
    sk.issues = err.scored.size();
    sk.repeats = cv.options.repeats;
    std::vector<double> absolute, relative, squared, signed_error;
    m.mae_by_repeat.assign(cv.options.repeats, 0);
    for (std::size_t j = 0; j < err.scored.size(); ++j)
      for (std::size_t r = 0; r < cv.options.repeats; ++r) {
        const double e = err.e[j][r];
        absolute.push_back(std::fabs(e));
        squared.push_back(e * e);
        signed_error.push_back(e);
        relative.push_back(e / err.width[j]);
        m.mae_by_repeat[r] += std::fabs(e) / static_cast<double>(err.scored.size());
      }
    if (err.scored.empty()) continue;
    sk.mae = mean(m.mae_by_repeat);
    sk.mae_sd = sample_sd(m.mae_by_repeat);
    std::tie(sk.mae_low, sk.mae_high) = cluster_bootstrap(err, groups, cv.options.bootstrap, cv.options.seed);
    sk.rmse = std::sqrt(mean(squared));
    sk.median_error = quantile(absolute, 0.5);
    sk.bias = mean(signed_error);
    const std::vector<double> rel = relative_by_repeat(err, base);
    sk.relative_mae = mean(rel);
    sk.relative_mae_sd = sample_sd(rel);
    std::vector<double> scaled;
    for (double x : relative) scaled.push_back(std::fabs(x));
    sk.half_width.clear();
    for (double level : interval_levels()) {
      // The pooled errors hold each issue once per repeat: the finite-sample correction counts issues.
      const double rank_level =
          std::min(1.0, std::ceil((static_cast<double>(err.scored.size()) + 1) * level) / static_cast<double>(err.scored.size()));
      sk.half_width.push_back(quantile(scaled, rank_level));
    }
    sk.coverage = coverage(err, splits, cv.options.folds);
    sk.residual_percentiles.clear();
    for (int p = 1; p <= 99; ++p) sk.residual_percentiles.push_back(quantile(relative, p / 100.0));
  }
}

}  // namespace parley
