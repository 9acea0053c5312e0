// The n³ parts of an smp turn under precision=fast, for the proportional voting rule: KTAB's
// formulas rearranged algebraically, so that the bits differ from KTAB's in the last places and a
// near tie can go the other way (docs/models/smp.md, "precision=fast").
// - Challenges (semi-commitment): third party x's proportional vote in the contest i:j is
//     w_x (u_ik_j - u_i_jk) = w_x [(U_xj - U_xx) - p (U_xj + U_xi - 2 U_xx)],  p = P(i with x beats j)
//   (KTAB's thirdPartyVoteSU computes both sides in full); w_x U_xj = P_xj + Q_xj r_i with per-turn
//   tables P and Q (bs_util with r^i_x = alpha r_i + beta r_x expanded); and each contest sums the
//   votes and their magnitudes, from which its two sides follow.
// - Coalitions: with v_ik = w_k u_ik, c_ij - 1e-8 = (sum_k |v_ik - v_jk| + sum_k v_ik - sum_k v_jk) / 2.
// - Bargain values: the sum over the other actors' positions is the status quo's sum less the
//   bargainers' two terms.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/parallel.hpp"
#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_lanes.hpp"
#include "models/smp/smp_math.hpp"
#include "models/smp/smp_view.hpp"

namespace parley::models::smp {

namespace {

using lanes::kLanes;
using lanes::V;

constexpr std::size_t kPerspectives = 8;  // perspectives per pass over the tables
constexpr std::size_t kTile = 64;         // receivers per tile

/// r^i_x = alpha r_i + beta r_x (estimated_risk, expanded).
struct RiskWeights {
  double alpha = 0, beta = 0;
};

RiskWeights risk_weights(RiskAdjust adjust) {
  switch (adjust) {
    case RiskAdjust::full:
      return {0, 1};
    case RiskAdjust::two_thirds:
      return {1.0 / 3.0, 2.0 / 3.0};
    case RiskAdjust::half:
      return {0.5, 0.5};
    case RiskAdjust::one_third:
      return {2.0 / 3.0, 1.0 / 3.0};
    case RiskAdjust::none:
      break;
  }
  return {1, 0};
}

/// Per perspective: the sums over third parties of the votes (s) and of their magnitudes (t).
struct Sums {
  double risk = 0;                 // r_i
  std::vector<double> s, t, both;  // both[j] = ci[j] + cj[j]
};

struct FastPass {
  std::size_t n = 0, np = 0;
  const double* pt = nullptr;      // P[x * np + j], padded with zeros
  const double* qt = nullptr;      // Q[x * np + j]
  const double* weight = nullptr;  // w_x = sigma_x c_x
  View* views = nullptr;
  Sums* sums = nullptr;
  std::size_t count = 0, j0 = 0, j1 = 0;
};

/// Third parties x = 0, 1, ... add their votes to the sums of every contest of the pass.
PARLEY_SMP_CLONES void fast_votes(const FastPass& t) {
  for (std::size_t x = 0; x < t.n; ++x) {
    const double* prow = t.pt + x * t.np;
    const double* qrow = t.qt + x * t.np;
    for (std::size_t v = 0; v < t.count; ++v) {
      View& h = t.views[v];
      if (x == h.i) continue;
      Sums& z = t.sums[v];
      const double w = t.weight[x];
      V ri, wuxi, wuxx, we;
      lanes::broadcast(z.risk, ri);
      lanes::broadcast(w * h.uxi[x], wuxi);
      lanes::broadcast(w * h.diag[x], wuxx);
      lanes::broadcast(w * (h.uxi[x] - 2.0 * h.diag[x]), we);
      const bool principal = x >= t.j0 && x < t.j1;  // in the contest i:x, x is no third party
      const double keep_s = principal ? z.s[x] : 0.0, keep_t = principal ? z.t[x] : 0.0;
      const double* const c_i = h.ci.data();
      const double* const both_ij = z.both.data();
      double* const sum = z.s.data();
      double* const size = z.t.data();
      for (std::size_t j = t.j0; j < t.j1; j += kLanes) {
        V p, q, ci, both, s, m, up, mag;
        lanes::load(prow + j, p);
        lanes::load(qrow + j, q);
        lanes::load(c_i + j, ci);
        lanes::load(both_ij + j, both);
        lanes::load(sum + j, s);
        lanes::load(size + j, m);
        const V wuxj = p + q * ri;
        const V v1 = wuxi - wuxj;  // little_contest_probability's vote
        lanes::positive_part(v1, up);
        lanes::magnitude(v1, mag);
        const V pin = (ci + up) / (both + mag);
        const V vote = (wuxj - wuxx) - pin * (wuxj + we);
        lanes::magnitude(vote, mag);
        lanes::store(sum + j, s + vote);
        lanes::store(size + j, m + mag);
      }
      if (principal) z.s[x] = keep_s, z.t[x] = keep_t;
    }
  }
}

/// P and Q of w_x U_xj = P_xj + Q_xj r_i for every third party x and receiver j.
void utility_tables(const Problem& p, const Assessment& a, const Config& c, std::size_t np, std::vector<double>& pt,
                    std::vector<double>& qt) {
  const std::size_t n = p.n;
  const RiskWeights k = risk_weights(c.risk_adjust);
  pt.assign(n * np, 0.0), qt.assign(n * np, 0.0);
  for (std::size_t x = 0; x < n; ++x) {
    const double w = p.sal_sum[x] * p.cap[x], rest = k.beta * a.risk[x];
    for (std::size_t j = 0; j < n; ++j) {
      const double d = a.vdiff[x * n + j];
      const double near = d <= 1 ? d : 1.0;  // bs_util's second case: (1 - d)(1 + R)
      pt[x * np + j] = w * ((1 - d) * (1 + near * rest));
      qt[x * np + j] = w * ((1 - d) * near * k.alpha);
    }
  }
}

/// acc += |a - b| on every lane.
[[gnu::always_inline]] inline void add_distance(const V& a, const V& b, V& acc) {
  V mag;
  lanes::magnitude(a - b, mag);
  acc = acc + mag;
}

/// Rows i0, i0 + 1 against rows [j0, j0 + 4) of v: out[4 r + q] = sum_k |v_(i0+r)k - v_(j0+q)k|,
/// eight sums in registers.
PARLEY_SMP_CLONES void distances_2x4(const double* v, std::size_t np, std::size_t i0, std::size_t j0, double* out) {
  V s0{}, s1{}, s2{}, s3{}, t0{}, t1{}, t2{}, t3{};
  const double *a0 = v + i0 * np, *a1 = a0 + np, *b0 = v + j0 * np, *b1 = b0 + np, *b2 = b1 + np, *b3 = b2 + np;
  for (std::size_t k = 0; k < np; k += kLanes) {
    V x0, x1, y0, y1, y2, y3;
    lanes::load(a0 + k, x0), lanes::load(a1 + k, x1);
    lanes::load(b0 + k, y0), lanes::load(b1 + k, y1), lanes::load(b2 + k, y2), lanes::load(b3 + k, y3);
    add_distance(x0, y0, s0), add_distance(x0, y1, s1), add_distance(x0, y2, s2), add_distance(x0, y3, s3);
    add_distance(x1, y0, t0), add_distance(x1, y1, t1), add_distance(x1, y2, t2), add_distance(x1, y3, t3);
  }
  const V* sums[8] = {&s0, &s1, &s2, &s3, &t0, &t1, &t2, &t3};
  for (std::size_t e = 0; e < 8; ++e) {
    const V& x = *sums[e];
    out[e] = (x[0] + x[1]) + (x[2] + x[3]);
  }
}

}  // namespace

std::vector<Challenge> best_challenges_fast(const Problem& p, const Assessment& a, const Config& c) {
  const std::size_t n = p.n, np = lanes::padded(n);
  std::vector<double> pt, qt, weight(n);
  utility_tables(p, a, c, np, pt, qt);
  for (std::size_t x = 0; x < n; ++x) weight[x] = p.sal_sum[x] * p.cap[x];
  std::vector<Challenge> best(n);
  const std::size_t passes = (n + kPerspectives - 1) / kPerspectives;
  parallel_blocks(
      passes,
      [&](std::size_t begin, std::size_t end) {
        std::vector<View> views(kPerspectives);
        std::vector<Sums> sums(kPerspectives);
        for (std::size_t q = begin; q < end; ++q) {
          const std::size_t i0 = q * kPerspectives, count = std::min(kPerspectives, n - i0);
          for (std::size_t v = 0; v < count; ++v) {
            prepare<VotingRule::proportional>(p, a, c, i0 + v, np, views[v]);
            Sums& z = sums[v];
            z.risk = a.risk[i0 + v];
            z.s.assign(np, 0.0), z.t.assign(np, 0.0), z.both.resize(np);
            for (std::size_t j = 0; j < np; ++j) z.both[j] = views[v].ci[j] + views[v].cj[j];
          }
          for (std::size_t j0 = 0; j0 < np; j0 += kTile)
            fast_votes({n, np, pt.data(), qt.data(), weight.data(), views.data(), sums.data(), count, j0, std::min(np, j0 + kTile)});
          for (std::size_t v = 0; v < count; ++v) {
            View& h = views[v];
            const Sums& z = sums[v];
            for (std::size_t j = 0; j < n; ++j) {
              h.chij[j] = h.ci[j] + std::max(0.0, 0.5 * (z.t[j] + z.s[j]));
              h.chji[j] = h.cj[j] + std::max(0.0, 0.5 * (z.t[j] - z.s[j]));
            }
            best[i0 + v] = best_of(p, h);
          }
        }
      },
      2);
  return best;
}

std::vector<double> coalitions_fast(const std::vector<double>& w, const std::vector<double>& u, std::size_t n, std::size_t m) {
  constexpr double min_c = 1E-8;
  const std::size_t np = lanes::padded(n), mp = lanes::padded(m), blocks = mp / kLanes;
  std::vector<double> v(mp * np, 0.0), total(m, 0.0), c(m * m, min_c);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < n; ++k) v[i * np + k] = w[k] * u[i * n + k], total[i] += v[i * np + k];
  parallel_blocks(
      blocks,
      [&](std::size_t begin, std::size_t end) {
        double l1[8];
        for (std::size_t b = begin; b < end; ++b) {
          const std::size_t i0 = balanced_order(b, blocks) * kLanes;
          for (std::size_t j0 = 0; j0 <= i0; j0 += kLanes)
            for (std::size_t half = 0; half < kLanes; half += 2) {
              distances_2x4(v.data(), np, i0 + half, j0, l1);
              for (std::size_t r = half; r < half + 2 && i0 + r < m; ++r)
                for (std::size_t q = 0; q < kLanes && j0 + q < i0 + r; ++q) {
                  const std::size_t i = i0 + r, j = j0 + q;
                  const double l = l1[4 * (r - half) + q], net = total[i] - total[j];
                  c[i * m + j] = min_c + std::max(0.0, 0.5 * (l + net));
                  c[j * m + i] = min_c + std::max(0.0, 0.5 * (l - net));
                }
            }
        }
      },
      m * m * n < 200000 ? blocks + 1 : 2);
  return c;
}

std::vector<std::vector<double>> bargain_utilities_fast(const Problem& p, const State& s, const Assessment& a,
                                                        const std::vector<Bargain>& bargains) {
  const std::size_t n = p.n, d = p.d, m = bargains.size();
  std::vector<std::vector<double>> u(m, std::vector<double>(n));
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t b = begin; b < end; ++b) {
          const Bargain& bargain = bargains[b];
          for (std::size_t x = 0; x < n; ++x) {
            const double* ideal = &s.ideal[x * d];
            const double* sal = &p.sal[x * d];
            double others = a.own_sum[x] - a.own[x * n + bargain.init];
            if (bargain.rcvr != bargain.init) others = others - a.own[x * n + bargain.rcvr];
            const double mine = bs_util(bv_diff(ideal, bargain.pos_init.data(), sal, d), a.risk[x]) +
                                bs_util(bv_diff(ideal, bargain.pos_rcvr.data(), sal, d), a.risk[x]);
            u[b][x] = (others + mine) / static_cast<double>(n);
          }
        }
      },
      m * n < 20000 ? m + 1 : 2);
  return u;
}

}  // namespace parley::models::smp
