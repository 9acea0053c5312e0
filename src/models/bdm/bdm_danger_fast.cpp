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
  std::vector<double> xs, w, x;      // positions (padded with +inf), W_j, X_j
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

/// One row of the danger sweep: sums over every position q of the terms at position p.
struct DangerRow {
  double s1 = 0, t1 = 0, s0 = 0, share = 0;
};

/// The sums of row p, with the counts of voters below and at or below each midpoint given: the
/// positions below p first (p the upper of each pair), then those above.
template <bool AllPairs>
DangerRow danger_row(const LinearVotes& votes, const Geometry& g, const double* f, const double* count, std::size_t p,
                     const std::vector<std::size_t>& below, const std::vector<std::size_t>& at_or_below, double range, double usq) {
  const double xp = g.u[p], inverse = 1 / range, twice = 2 / range;
  DangerRow out;
  auto add = [&](std::size_t q, double t_qp, double t_pq, double d) {
    const double us = 2 - 4 * std::max(0.5 - 0.5 * d, 0.0), uf = 2 - 4 * (0.5 + 0.5 * d);
    const double delta = std::min(uf - us, 0.0);  // E's slope at P = 0 (Round::slope)
    if constexpr (AllPairs) {
      out.s1 += f[q] * delta, out.t1 += f[q] * t_qp * delta;
    } else {
      const double both = t_qp + t_pq;
      out.s1 += f[q] * ((1 - (both > 0 ? t_qp / both : 0.5)) * delta);
    }
    out.s0 += count[q] * (us - usq);
    out.share += count[p] * count[q] * (t_pq + t_qp);
  };
  for (std::size_t q = 0; q < p; ++q) {  // q wins below the midpoint
    const double mid = 0.5 * (xp + g.u[q]);
    const double t_qp = std::max((votes.G(mid, below[q]) - votes.lower[q]) * twice, 0.0);
    const double t_pq = std::max((votes.H(mid, at_or_below[q]) - votes.upper[p]) * twice, 0.0);
    add(q, t_qp, t_pq, (xp - g.u[q]) * inverse);
  }
  for (std::size_t q = p + 1; q < g.m(); ++q) {  // q wins above the midpoint
    const double mid = 0.5 * (xp + g.u[q]);
    const double t_qp = std::max((votes.H(mid, at_or_below[q]) - votes.upper[q]) * twice, 0.0);
    const double t_pq = std::max((votes.G(mid, below[q]) - votes.lower[p]) * twice, 0.0);
    add(q, t_qp, t_pq, (g.u[q] - xp) * inverse);
  }
  return out;
}

}  // namespace

std::vector<double> Round::danger_fast(const Analysis& a) const {
  const std::size_t m = a.g.m(), n = actors_.size();
  const bool printed = printed_view();
  const bool all_pairs = config_.probability == Probability::all_pairs;
  const LinearVotes votes(actors_, a.g);
  const double usq = utility(0.5, 1.0);
  std::vector<double> count(a.g.count.begin(), a.g.count.end());
  const double* f = printed ? a.g.salience_sum.data() : count.data();  // the challengers' weights
  std::vector<DangerRow> rows(m);
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        std::vector<std::size_t> below(m), at_or_below(m);
        for (std::size_t p = begin; p < end; ++p) {
          // From row p - 1 within the block (the midpoints only rise), by a merge at its start.
          midpoint_counts(votes.xs.data(), a.g.u, p, p > begin ? below.data() : nullptr, at_or_below.data(), below.data(),
                          at_or_below.data());
          rows[p] = all_pairs ? danger_row<true>(votes, a.g, f, count.data(), p, below, at_or_below, range_, usq)
                              : danger_row<false>(votes, a.g, f, count.data(), p, below, at_or_below, range_, usq);
        }
      },
      n * m >= 20000 ? 2 : m + 1);
  std::vector<double> s1(m), s0(m);
  double denominator = 0;  // in row order, whatever the threads
  for (const DangerRow& row : rows) denominator += row.share;
  for (std::size_t p = 0; p < m; ++p) {
    s1[p] = rows[p].s1 - (all_pairs && denominator > 0 ? rows[p].t1 / denominator : 0.0), s0[p] = rows[p].s0;
  }
  return dangers_of(a, s1, s0);
}

}  // namespace parley::models::bdm
