#include "models/bdm/bdm_votes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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

void midpoint_counts(const double* xs, const std::vector<double>& u, std::size_t p, const std::size_t* from_below,
                     const std::size_t* from_at_or_below, std::size_t* below, std::size_t* at_or_below) {
  const std::size_t m = u.size();
  if (!from_below) {
    for (std::size_t q = 0, lo = 0, hi = 0; q < m; ++q) {
      const double mid = 0.5 * (u[p] + u[q]);
      while (xs[lo] < mid) ++lo;
      hi = std::max(hi, lo);
      while (xs[hi] <= mid) ++hi;
      below[q] = lo, at_or_below[q] = hi;
    }
    return;
  }
  for (std::size_t q = 0; q < m; ++q) {
    const double mid = 0.5 * (u[p] + u[q]);
    std::size_t lo = from_below[q], hi = from_at_or_below[q];
    lo += xs[lo] < mid;
    lo += xs[lo] < mid;
    while (xs[lo] < mid) ++lo;
    hi = std::max(hi, lo);
    hi += xs[hi] <= mid;
    while (xs[hi] <= mid) ++hi;
    below[q] = lo, at_or_below[q] = hi;
  }
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
