#include "parley/ensemble.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace parley {

EnsembleWeights ensemble_weights(const SkillTable& table, const std::vector<std::string>& models) {
  if (models.empty()) throw std::invalid_argument("ensemble_weights: no models");
  EnsembleWeights w;
  w.models = models;
  w.data = table.data;
  w.command = table.command;
  double sum = 0;
  for (const std::string& m : models) {
    const ModelSkill* row = table.find(m);
    const double x = row && row->weight > 0 && std::isfinite(row->weight) ? row->weight : 0.0;
    if (x == 0) w.missing.push_back(m);
    w.weights.push_back(x);
    sum += x;
  }
  if (sum > 0) {
    for (double& x : w.weights) x /= sum;
  } else {
    w.equal = true;
    std::fill(w.weights.begin(), w.weights.end(), 1.0 / static_cast<double>(models.size()));
  }
  return w;
}

double ensemble_mean(const EnsembleWeights& w, const std::vector<double>& values) {
  double sum = 0, weight = 0;
  for (std::size_t m = 0; m < w.weights.size() && m < values.size(); ++m) {
    if (w.weights[m] <= 0 || std::isnan(values[m])) continue;
    sum += w.weights[m] * values[m];
    weight += w.weights[m];
  }
  return weight > 0 ? sum / weight : std::numeric_limits<double>::quiet_NaN();
}

Proportion ensemble_probability(const EnsembleWeights& w, const std::vector<Proportion>& p) {
  Proportion out{0, 0, 0, 0, 0};
  double weight = 0;
  bool all = true, none = true;
  for (std::size_t m = 0; m < w.weights.size() && m < p.size(); ++m) {
    if (w.weights[m] <= 0 || p[m].total == 0) continue;
    weight += w.weights[m];
    out.estimate += w.weights[m] * p[m].estimate;
    out.low += w.weights[m] * p[m].low;
    out.high += w.weights[m] * p[m].high;
    out.total = std::max(out.total, p[m].total);
    all = all && p[m].count == p[m].total;
    none = none && p[m].count == 0;
  }
  if (weight == 0) return {0, 0, 0, 0, 1};
  out.estimate /= weight, out.low /= weight, out.high /= weight;
  if (all) {
    out.count = out.total, out.estimate = 1, out.high = 1;
  } else if (none) {
    out.count = 0, out.estimate = 0, out.low = 0;
  } else {
    const double n = static_cast<double>(out.total);
    out.count = static_cast<std::uint64_t>(std::clamp(std::round(out.estimate * n), 1.0, n - 1));
  }
  return out;
}

}  // namespace parley
