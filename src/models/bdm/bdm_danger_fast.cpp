// The danger sweep of precision=fast (docs/models/bdm.md, "precision=fast"): the linear votes'
// tallies in closed form and the all-pairs denominator summed in the same sweep.
//
// With exponent 1, a voter below the midpoint of u_a < u_b gives a the margin u_b - u_a when it
// stands at or below u_a, and 2 (mid - x_k) between them; so with W_j = sum_(k<j) w_k and
// X_j = sum_(k<j) w_k x_k over the voters by position, G(y, j) = y W_j - X_j and
// H(y, j) = (X_n - X_j) - y (W_n - W_j):
//   R tally(a, b) / 2 = G(mid, below) - G(u_a, voters below u_a)
//   R tally(b, a) / 2 = H(mid, at or below) - H(u_b, voters at or below u_b).
// E's slope (1 - P) (U_f - U_s) is affine in P, so sum_q f_q (1 - T_qp / D) delta_q is
// sum_q f_q delta_q - (sum_q f_q T_qp delta_q) / D, and D can follow the sweep.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "models/bdm/bdm_round.hpp"

namespace parley::models::bdm {

namespace {

/// The voters' prefix sums by position and G, H of the header.
struct LinearVotes {
  std::vector<double> xs, w, x;  // positions (padded with +inf), W_j, X_j
  std::vector<double> lower, upper;  // per position t: G(u_t, voters below), H(u_t, voters at or below)

  LinearVotes(const std::vector<Actor>& actors, const Geometry& g) : w(1, 0.0), x(1, 0.0) {
    for (std::size_t k : g.by_position) {
      xs.push_back(actors[k].x);
      w.push_back(w.back() + actors[k].c * actors[k].s);
      x.push_back(x.back() + actors[k].c * actors[k].s * actors[k].x);
    }
    xs.push_back(HUGE_VAL);
    std::size_t below = 0;
    for (std::size_t t = 0; t < g.m(); ++t) {
      lower.push_back(G(g.u[t], below));
      below += g.count[t];
      upper.push_back(H(g.u[t], below));
    }
  }
  double G(double y, std::size_t j) const { return y * w[j] - x[j]; }
  double H(double y, std::size_t j) const { return (x.back() - x[j]) - y * (w.back() - w[j]); }
};

}  // namespace

std::vector<double> Round::danger_fast(const Analysis& a) const {
  const std::size_t m = a.g.m(), n = actors_.size();
  const bool printed = config_.security == Security::challenger_view && config_.salience == Salience::printed;
  const bool all_pairs = config_.probability == Probability::all_pairs;
  const LinearVotes votes(actors_, a.g);
  const double usq = utility(0.5, 1.0);
  // Per position: sum f_q delta_q (all-pairs) or sum f_q x1 (pairwise), sum f_q T_qp delta_q,
  // sum count_q x0, and the row's share of the denominator.
  std::vector<double> s1(m, 0.0), t1(m, 0.0), s0(m, 0.0), share(m, 0.0);
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        std::vector<std::size_t> below(m), at_or_below(m);  // for row p - 1, then p
        for (std::size_t p = begin; p < end; ++p) {
          const double xp = a.g.u[p];
          double sum1 = 0, sumt = 0, sum0 = 0, row_share = 0;
          for (std::size_t q = 0, lo = 0, hi = 0; q < m; ++q) {
            const double mid = 0.5 * (xp + a.g.u[q]);
            if (p == begin) {  // the counts rise with q
              while (votes.xs[lo] < mid) ++lo;
              hi = std::max(hi, lo);
              while (votes.xs[hi] <= mid) ++hi;
            } else {  // from row p - 1: the midpoint passes a voter or two
              lo = below[q], hi = at_or_below[q];
              lo += votes.xs[lo] < mid;
              while (votes.xs[lo] < mid) ++lo;
              hi = std::max(hi, lo);
              hi += votes.xs[hi] <= mid;
              while (votes.xs[hi] <= mid) ++hi;
            }
            below[q] = lo, at_or_below[q] = hi;
            if (q == p) continue;
            // T_qp (q beats p) and T_pq.
            const double lower_wins = std::max(0.0, 2 * (votes.G(mid, lo) - votes.lower[std::min(p, q)]) / range_);
            const double upper_wins = std::max(0.0, 2 * (votes.H(mid, hi) - votes.upper[std::max(p, q)]) / range_);
            const double t_qp = q < p ? lower_wins : upper_wins, t_pq = q < p ? upper_wins : lower_wins;
            const double d = std::fabs(a.g.u[q] - xp) / range_;
            const Utilities u{2 - 4 * std::max(0.0, 0.5 - 0.5 * d), 2 - 4 * std::max(0.0, 0.5 + 0.5 * d), usq};
            const double f = printed ? a.g.salience_sum[q] : static_cast<double>(a.g.count[q]);
            const EuTerms t = eu_terms(u, a.g.u[q], xp, a.median, 0.0, 1.0);  // x1 at P = 0: delta_q
            if (all_pairs) {
              sum1 += f * t.x1, sumt += f * t_qp * t.x1;
            } else {
              const double both = t_qp + t_pq;
              sum1 += f * eu_terms(u, a.g.u[q], xp, a.median, both > 0 ? t_qp / both : 0.5, 1.0).x1;
            }
            sum0 += static_cast<double>(a.g.count[q]) * t.x0;
            row_share += static_cast<double>(a.g.count[p] * a.g.count[q]) * (t_pq + t_qp);
          }
          s1[p] = sum1, t1[p] = sumt, s0[p] = sum0, share[p] = row_share;
        }
      },
      n * m >= 20000 ? 2 : m + 1);
  double denominator = 0;  // in row order, whatever the threads
  for (double x : share) denominator += x;
  if (all_pairs && denominator > 0)
    for (std::size_t p = 0; p < m; ++p) s1[p] -= t1[p] / denominator;
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = a.g.at[i];
    const EuTerms self = eu_terms(a, p, p, 0.0, 1.0);  // j != i: take out i's own term
    const double s = actors_[i].s;
    out[i] = printed ? (s1[p] - s * self.x1) + (s0[p] - self.x0) : s * (s1[p] - self.x1) + (s0[p] - self.x0);
  }
  return out;
}

}  // namespace parley::models::bdm
