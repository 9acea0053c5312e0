// A direct, unoptimised transcription of the scholz-code round in tests/data/bdm/README.md:
// actor by actor, O(n^4) per round for the normaliser. The test oracle of the fast engine and the
// baseline of its benchmark.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace parley::testing::bdm_reference {

struct Result {
  std::vector<double> r;          // risk exponents
  std::vector<double> eu;         // n x n, E_i(i -> j) seen by i
  std::vector<double> positions;  // after the round
};

inline Result round(const std::vector<double>& x, const std::vector<double>& c, const std::vector<double>& s, double R, double Q = 1) {
  const std::size_t n = x.size();
  auto vote = [&](std::size_t k, double a, double b, double rho) {
    return c[k] * s[k] * (std::pow(std::fabs(x[k] - b) / R, rho) - std::pow(std::fabs(x[k] - a) / R, rho));
  };
  auto probabilities = [&](const std::vector<double>& rho) {
    double D = 0;
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) D += std::fabs(vote(k, x[a], x[b], rho[k]));
    std::vector<double> P(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        if (x[i] == x[j] || D == 0) continue;
        double num = 0;
        for (std::size_t k = 0; k < n; ++k) num += std::max(0.0, vote(k, x[i], x[j], rho[k]));
        P[i * n + j] = num / D;
      }
    return P;
  };
  auto E = [&](double r, std::size_t i, std::size_t j, double P, double s_target) {
    const double d = std::fabs(x[i] - x[j]) / R;
    const double us = 2 - 4 * std::pow(0.5 - 0.5 * d, r), uf = 2 - 4 * std::pow(0.5 + 0.5 * d, r), usq = 2 - 4 * std::pow(0.5, r);
    return s_target * (P * us + (1 - P) * uf) + (1 - s_target) * us - Q * usq;
  };
  Result out;
  std::vector<double> ones(n, 1.0);
  std::vector<double> P = probabilities(ones);
  std::vector<double> danger(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) danger[i] += E(1.0, j, i, P[j * n + i], s[i]);
  const double hi = *std::max_element(danger.begin(), danger.end()), lo = *std::min_element(danger.begin(), danger.end());
  out.r.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double Ri = hi > lo ? (2 * danger[i] - hi - lo) / (hi - lo) : 0;
    out.r[i] = (1 - Ri / 3) / (1 + Ri / 3);
  }
  P = probabilities(out.r);
  out.eu.assign(n * n, 0.0);
  out.positions = x;
  for (std::size_t i = 0; i < n; ++i) {
    int kind = 0;  // 1 confrontation, 2 compromise
    double best_key = 0, best_to = x[i];
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const double a = E(out.r[i], i, j, P[i * n + j], s[j]);
      out.eu[i * n + j] = a;
      if (x[j] == x[i]) continue;
      const double b = E(out.r[i], j, i, P[j * n + i], s[i]);
      if (b > a && a > 0) {
        const double key = std::fabs(x[i] - x[j]);
        if (kind != 1 || key < best_key) kind = 1, best_key = key, best_to = x[j];
      } else if (b > 0 && a < 0 && b > std::fabs(a) && kind != 1) {
        const double key = (std::fabs(a) * x[i] + std::fabs(b) * x[j]) / (std::fabs(a) + std::fabs(b));
        if (kind != 2 || key < best_key) kind = 2, best_key = key, best_to = x[i] + (x[j] - x[i]) * std::fabs(a / b);
      }
    }
    out.positions[i] = best_to;
  }
  return out;
}

}  // namespace parley::testing::bdm_reference
