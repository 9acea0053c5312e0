#include "models/bdm/bdm_votes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/parallel.hpp"

namespace parley::models::bdm {

Geometry make_geometry(const std::vector<Actor>& actors) {
  Geometry g;
  const std::size_t n = actors.size();
  g.by_position.resize(n);
  std::iota(g.by_position.begin(), g.by_position.end(), std::size_t{0});
  std::stable_sort(g.by_position.begin(), g.by_position.end(), [&](std::size_t a, std::size_t b) { return actors[a].x < actors[b].x; });
  g.at.resize(n);
  for (std::size_t k : g.by_position) {
    if (g.u.empty() || actors[k].x != g.u.back()) {
      g.u.push_back(actors[k].x);
      g.count.push_back(0);
      g.salience_sum.push_back(0);
    }
    g.at[k] = g.u.size() - 1;
    ++g.count.back();
    g.salience_sum.back() += actors[k].s;
  }
  g.who.resize(g.u.size());
  for (std::size_t k = 0; k < n; ++k) g.who[g.at[k]].push_back(k);
  return g;
}

std::vector<double> vote_tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent, double range) {
  const std::size_t n = actors.size(), m = g.m();
  // from_own[t * m + v]: the part of tally(t, v) that uses u_t's sums; from_other[t * m + v]:
  // the part of tally(v, t) that uses them. Each thread fills rows t of its own block only.
  std::vector<double> from_own(m * m, 0.0), from_other(m * m, 0.0);
  std::vector<double> xs(n);
  for (std::size_t k = 0; k < n; ++k) xs[k] = actors[g.by_position[k]].x;
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> prefix(n + 1);
        for (std::size_t t = begin; t < end; ++t) {
          // prefix[k] = sum over the k leftmost voters of c s (|x - u_t| / R)^rho.
          prefix[0] = 0;
          for (std::size_t k = 0; k < n; ++k) {
            const std::size_t voter = g.by_position[k];
            const Actor& a = actors[voter];
            const double d = std::fabs(a.x - g.u[t]) / range;
            const double rho = exponent.empty() ? 1.0 : exponent[voter];
            prefix[k + 1] = prefix[k] + a.c * a.s * (rho == 1.0 ? d : std::pow(d, rho));
          }
          const double total = prefix[n];
          for (std::size_t v = 0; v < m; ++v) {
            if (v == t) continue;
            const double mid = 0.5 * (g.u[t] + g.u[v]);
            const auto below = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), mid) - xs.begin());
            const auto at_or_below = static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.end(), mid) - xs.begin());
            if (t < v) {
              // Voters below mid prefer u_t: tally(t, v) = sum_below (W^v - W^t); tally(v, t) = sum_above (W^t - W^v).
              from_own[t * m + v] = -prefix[below];
              from_other[t * m + v] = total - prefix[at_or_below];
            } else {
              // Voters above mid prefer u_t: tally(t, v) = sum_above (W^v - W^t); tally(v, t) = sum_below (W^t - W^v).
              from_own[t * m + v] = -(total - prefix[at_or_below]);
              from_other[t * m + v] = prefix[below];
            }
          }
        }
      },
      n * m >= 20000 ? 2 : m + 1);
  std::vector<double> tally(m * m, 0.0);
  for (std::size_t p = 0; p < m; ++p)
    for (std::size_t q = 0; q < m; ++q)
      if (p != q) tally[p * m + q] = std::max(0.0, from_own[p * m + q] + from_other[q * m + p]);
  return tally;
}

std::vector<double> win_probabilities(const std::vector<double>& tally, const Geometry& g, Probability rule) {
  const std::size_t m = g.m();
  std::vector<double> p(m * m, 0.0);
  if (rule == Probability::all_pairs) {
    double denominator = 0;
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        denominator += static_cast<double>(g.count[a] * g.count[b]) * (tally[a * m + b] + tally[b * m + a]);
    if (denominator <= 0) return p;
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        if (a != b) p[a * m + b] = tally[a * m + b] / denominator;
    return p;
  }
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b) {
      if (a == b) continue;
      const double both = tally[a * m + b] + tally[b * m + a];
      p[a * m + b] = both > 0 ? tally[a * m + b] / both : 0.5;
    }
  return p;
}

double median_position(const std::vector<Actor>& actors, const Geometry& g, MedianRule rule) {
  const std::size_t m = g.m();
  std::vector<double> weight(m, 0.0);
  double total = 0;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    weight[g.at[k]] += actors[k].c * actors[k].s;
    total += actors[k].c * actors[k].s;
  }
  if (rule == MedianRule::weighted) {
    double below = 0;
    for (std::size_t p = 0; p < m; ++p) {
      below += weight[p];
      if (below >= total / 2 * (1 - 1e-12)) return g.u[p];
    }
    return g.u.back();
  }
  // f(u_p) = sum_k w_k |x_k - u_p|, from running sums left to right.
  double w_left = 0, wx_left = 0, wx_total = 0;
  for (std::size_t p = 0; p < m; ++p) wx_total += weight[p] * g.u[p];
  double best = 0, best_f = 0;
  for (std::size_t p = 0; p < m; ++p) {
    const double w_right = total - w_left - weight[p];
    const double wx_right = wx_total - wx_left - weight[p] * g.u[p];
    const double f = (g.u[p] * w_left - wx_left) + (wx_right - g.u[p] * w_right);
    if (p == 0 || f < best_f - 1e-12 * std::max(1.0, std::fabs(best_f))) best = g.u[p], best_f = f;
    w_left += weight[p];
    wx_left += weight[p] * g.u[p];
  }
  return best;
}

double weighted_mean(const std::vector<Actor>& actors) {
  double num = 0, den = 0, plain = 0;
  for (const Actor& a : actors) {
    num += a.c * a.s * a.x;
    den += a.c * a.s;
    plain += a.x;
  }
  return den > 0 ? num / den : plain / static_cast<double>(actors.size());
}

}  // namespace parley::models::bdm
