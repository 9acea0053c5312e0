// The fast versions of smp_challenges.hpp. Every contest, coalition and bargain value is computed
// with the operations and the order of smp_contests.cpp and smp_math.cpp (each sum still runs over
// its terms in KTAB's order); what changes is which sums advance together: four receivers per
// vector, four perspectives per pass over the distances, tiles that stay in cache, all threads.
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

constexpr std::size_t kPerspectives = 4;  // perspectives per pass over the distances
constexpr std::size_t kTile = 128;        // receivers (or options) per tile

/// What one pass of the third-party kernel reads and writes: `count` views, receivers [j0, j1).
struct Pass {
  std::size_t n = 0, np = 0;       // actors, padded row length
  const double* vdiff = nullptr;   // vdiff[x * np + j], padded with zeros
  const double* weight = nullptr;  // σ_x c_x
  View* views = nullptr;
  std::size_t count = 0, j0 = 0, j1 = 0;
  bool far = true;  // some distance is not <= 1
};

/// Third party x's votes in the contests of receivers [j, j + kLanes): the operations of
/// contests(), on one vector.
template <VotingRule Rule, bool Far>
[[gnu::always_inline]] inline void third_party_votes(const double* row, const double* c_i, const double* c_j, double* s_ij, double* s_ji,
                                                     std::size_t j, const V& w, const V& rx, const V& uxi, const V& uxx) {
  V d, ci, cj, chij, chji, uxj, v1, vote;
  lanes::load(row + j, d);
  lanes::load(c_i + j, ci);
  lanes::load(c_j + j, cj);
  lanes::load(s_ij + j, chij);
  lanes::load(s_ji + j, chji);
  if constexpr (Far)
    lanes::utility(d, rx, uxj);
  else
    uxj = (1.0 - d) * (1.0 + d * rx);
  lanes::vote<Rule>(w, uxi, uxj, v1);  // little_contest_probability
  const V cni = v1 > 0 ? ci + v1 : ci;
  const V cnj = v1 < 0 ? cj - v1 : cj;
  const V pin = cni / (cni + cnj);
  const V pjn = 1.0 - pin;
  lanes::semi_committed_vote<Rule>(w, pin, pjn, uxi, uxj, uxx, vote);
  chij = vote > 0 ? chij + vote : chij;
  chji = vote < 0 ? chji - vote : chji;
  lanes::store(s_ij + j, chij);
  lanes::store(s_ji + j, chji);
}

/// Third parties x = 0, 1, ... add their votes to every contest of the pass, as contests() does.
/// `Far`: some distance exceeds 1 (or is NaN), so bs_util's second case can occur; without it
/// every lane takes the first case, as the scalar code does for every d <= 1.
template <VotingRule Rule, bool Far>
[[gnu::always_inline]] inline void third_parties_by(const Pass& t) {
  for (std::size_t x = 0; x < t.n; ++x) {
    const double* row = t.vdiff + x * t.np;
    V w;
    lanes::broadcast(t.weight[x], w);
    for (std::size_t v = 0; v < t.count; ++v) {
      View& h = t.views[v];
      if (x == h.i) continue;
      V rx, uxx, uxi;
      lanes::broadcast(h.r[x], rx);
      lanes::broadcast(h.diag[x], uxx);
      lanes::broadcast(h.uxi[x], uxi);
      const bool principal = x >= t.j0 && x < t.j1;  // in the contest i:x, x is no third party
      const double keep_ij = principal ? h.chij[x] : 0.0, keep_ji = principal ? h.chji[x] : 0.0;
      const double* const c_i = h.ci.data();
      const double* const c_j = h.cj.data();
      double* const s_ij = h.chij.data();
      double* const s_ji = h.chji.data();
      for (std::size_t j = t.j0; j < t.j1; j += kLanes) third_party_votes<Rule, Far>(row, c_i, c_j, s_ij, s_ji, j, w, rx, uxi, uxx);
      if (principal) h.chij[x] = keep_ij, h.chji[x] = keep_ji;
    }
  }
}

/// Only semi-commitment needs the pass: see best_challenges.
template <VotingRule Rule>
[[gnu::always_inline]] inline void third_parties_with(const Pass& t) {
  if (t.far)
    third_parties_by<Rule, true>(t);
  else
    third_parties_by<Rule, false>(t);
}

PARLEY_SMP_CLONES void third_parties(VotingRule rule, const Pass& t) {
  switch (rule) {
    case VotingRule::binary:
      return third_parties_with<VotingRule::binary>(t);
    case VotingRule::prop_bin:
      return third_parties_with<VotingRule::prop_bin>(t);
    case VotingRule::prop_cubic:
      return third_parties_with<VotingRule::prop_cubic>(t);
    case VotingRule::cubic:
      return third_parties_with<VotingRule::cubic>(t);
    case VotingRule::asym_prospect:
      return third_parties_with<VotingRule::asym_prospect>(t);
    case VotingRule::proportional:
      break;
  }
  third_parties_with<VotingRule::proportional>(t);
}

/// acc[b * len + q] += row y's [x0, x0 + len) for every y but bargain b's two bargainers.
PARLEY_SMP_CLONES void add_rows(const double* own_t, std::size_t n, std::size_t x0, std::size_t len, const std::size_t* skip,
                                std::size_t count, double* __restrict acc) {
  for (std::size_t y = 0; y < n; ++y) {
    const double* __restrict row = own_t + y * n + x0;
    for (std::size_t b = 0; b < count; ++b) {
      if (y == skip[2 * b] || y == skip[2 * b + 1]) continue;
      double* __restrict sum = acc + b * len;
      for (std::size_t q = 0; q < len; ++q) sum[q] = sum[q] + row[q];
    }
  }
}

/// Rows [i0, i0 + 4) of the coalition matrix over options [j0, j1): for each vector of four
/// options, the eight sums (rows × for and against) stay in registers while voters k = 0, 1, ...
/// add their votes in turn.
struct CoalitionPass {
  std::size_t n = 0, i0 = 0, j0 = 0, j1 = 0;
  const double* w = nullptr;       // per voter
  const double* rows[4] = {};      // the four rows' utilities, rows[r][k] (a short block repeats its last row)
  const double* panels = nullptr;  // panels[(j / 4) * 4 * n + 4 * k + j % 4] = u[j * n + k], padded with zeros
  double* cij = nullptr;           // cij[r * kTile + (j - j0)]
  double* cji = nullptr;
};

template <VotingRule Rule>
[[gnu::always_inline]] inline void add_vote(const V& w, const V& ui, const V& uj, V& sij, V& sji) {
  V v;
  lanes::vote<Rule>(w, ui, uj, v);
  sij = v > 0 ? sij + v : sij;
  sji = v < 0 ? sji - v : sji;
}

template <VotingRule Rule>
[[gnu::always_inline]] inline void coalition_rows_by(const CoalitionPass& t) {
  constexpr double min_c = 1E-8;
  for (std::size_t j = t.j0; j < t.j1; j += kLanes) {
    const double* panel = t.panels + j * t.n;  // (j / 4) * 4 * n
    V s0, s1, s2, s3, z0, z1, z2, z3;
    lanes::broadcast(min_c, s0);
    s1 = s2 = s3 = z0 = z1 = z2 = z3 = s0;
    for (std::size_t k = 0; k < t.n; ++k) {
      V w, uj, u0, u1, u2, u3;
      lanes::broadcast(t.w[k], w);
      lanes::load(panel + kLanes * k, uj);
      lanes::broadcast(t.rows[0][k], u0);
      lanes::broadcast(t.rows[1][k], u1);
      lanes::broadcast(t.rows[2][k], u2);
      lanes::broadcast(t.rows[3][k], u3);
      add_vote<Rule>(w, u0, uj, s0, z0);
      add_vote<Rule>(w, u1, uj, s1, z1);
      add_vote<Rule>(w, u2, uj, s2, z2);
      add_vote<Rule>(w, u3, uj, s3, z3);
    }
    const std::size_t q = j - t.j0;
    lanes::store(t.cij + q, s0), lanes::store(t.cji + q, z0);
    lanes::store(t.cij + kTile + q, s1), lanes::store(t.cji + kTile + q, z1);
    lanes::store(t.cij + 2 * kTile + q, s2), lanes::store(t.cji + 2 * kTile + q, z2);
    lanes::store(t.cij + 3 * kTile + q, s3), lanes::store(t.cji + 3 * kTile + q, z3);
  }
}

PARLEY_SMP_CLONES void coalition_rows(VotingRule rule, const CoalitionPass& t) {
  switch (rule) {
    case VotingRule::binary:
      return coalition_rows_by<VotingRule::binary>(t);
    case VotingRule::prop_bin:
      return coalition_rows_by<VotingRule::prop_bin>(t);
    case VotingRule::prop_cubic:
      return coalition_rows_by<VotingRule::prop_cubic>(t);
    case VotingRule::cubic:
      return coalition_rows_by<VotingRule::cubic>(t);
    case VotingRule::asym_prospect:
      return coalition_rows_by<VotingRule::asym_prospect>(t);
    case VotingRule::proportional:
      break;
  }
  coalition_rows_by<VotingRule::proportional>(t);
}

}  // namespace

std::vector<Challenge> best_challenges(const Problem& p, const Assessment& a, const Config& c) {
  if (c.fast && c.third_party == ThirdParty::semi_commit && c.voting == VotingRule::proportional) return best_challenges_fast(p, a, c);
  const std::size_t n = p.n, np = lanes::padded(n);
  std::vector<double> vdiff(n * np, 0.0), weight(n);
  const bool far = !std::all_of(a.vdiff.begin(), a.vdiff.end(), [](double x) { return x <= 1; });
  for (std::size_t x = 0; x < n; ++x) {
    std::copy(&a.vdiff[x * n], &a.vdiff[x * n] + n, &vdiff[x * np]);
    weight[x] = p.sal_sum[x] * p.cap[x];
  }
  std::vector<Challenge> best(n);
  const std::size_t passes = (n + kPerspectives - 1) / kPerspectives;
  parallel_blocks(
      passes,
      [&](std::size_t begin, std::size_t end) {
        std::vector<View> views(kPerspectives);
        for (std::size_t q = begin; q < end; ++q) {
          const std::size_t i0 = q * kPerspectives, count = std::min(kPerspectives, n - i0);
          for (std::size_t v = 0; v < count; ++v)
            with_rule(c.voting, [&](auto r) { prepare<decltype(r)::value>(p, a, c, i0 + v, np, views[v]); });
          // Without semi-commitment both sides of a third party's choice are the same terms in the
          // same order (third_party_vote), so every vote is exactly 0 or NaN and none is added: the
          // contests are the principals' parts, bit for bit, and the n³ pass is skipped.
          for (std::size_t j0 = 0; j0 < np && c.third_party == ThirdParty::semi_commit; j0 += kTile)
            third_parties(c.voting, {n, np, vdiff.data(), weight.data(), views.data(), count, j0, std::min(np, j0 + kTile), far});
          for (std::size_t v = 0; v < count; ++v) best[i0 + v] = best_of(p, views[v]);
        }
      },
      2);
  return best;
}

std::vector<std::vector<double>> bargain_utilities(const Problem& p, const State& s, const Assessment& a,
                                                   const std::vector<Bargain>& bargains) {
  const std::size_t n = p.n, d = p.d, m = bargains.size();
  constexpr std::size_t group = 16;
  std::vector<double> own_t(n * n);
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t y = 0; y < n; ++y) own_t[y * n + x] = a.own[x * n + y];
  std::vector<std::vector<double>> u(m, std::vector<double>(n));
  parallel_blocks((m + group - 1) / group,
                  [&](std::size_t begin, std::size_t end) {
                    std::vector<double> acc(group * kTile);
                    std::size_t skip[2 * group];
                    for (std::size_t g = begin; g < end; ++g) {
                      const std::size_t b0 = g * group, count = std::min(group, m - b0);
                      for (std::size_t b = 0; b < count; ++b) skip[2 * b] = bargains[b0 + b].init, skip[2 * b + 1] = bargains[b0 + b].rcvr;
                      for (std::size_t x0 = 0; x0 < n; x0 += kTile) {
                        const std::size_t len = std::min(kTile, n - x0);
                        for (std::size_t b = 0; b < count; ++b)
                          for (std::size_t q = 0; q < len; ++q) {
                            const std::size_t x = x0 + q;
                            const Bargain& bargain = bargains[b0 + b];
                            const double* ideal = &s.ideal[x * d];
                            const double* sal = &p.sal[x * d];
                            double sum = bs_util(bv_diff(ideal, bargain.pos_init.data(), sal, d), a.risk[x]);
                            acc[b * len + q] = sum + bs_util(bv_diff(ideal, bargain.pos_rcvr.data(), sal, d), a.risk[x]);
                          }
                        add_rows(own_t.data(), n, x0, len, skip, count, acc.data());
                        for (std::size_t b = 0; b < count; ++b)
                          for (std::size_t q = 0; q < len; ++q) u[b0 + b][x0 + q] = acc[b * len + q] / static_cast<double>(n);
                      }
                    }
                  },
                  2);
  return u;
}

std::vector<double> coalitions_wide(VotingRule rule, const std::vector<double>& w, const std::vector<double>& u, std::size_t n,
                                    std::size_t m) {
  constexpr double min_c = 1E-8;
  constexpr std::size_t rows_per_block = 4;
  const std::size_t mp = lanes::padded(m), blocks = (m + rows_per_block - 1) / rows_per_block;
  std::vector<double> panels(n * mp, 0.0), c(m * m);
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t k = 0; k < n; ++k) panels[(j / kLanes) * kLanes * n + kLanes * k + j % kLanes] = u[j * n + k];
  parallel_blocks(
      blocks,
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> cij(rows_per_block * kTile), cji(rows_per_block * kTile);
        for (std::size_t t = begin; t < end; ++t) {
          const std::size_t i0 = balanced_order(t, blocks) * rows_per_block, rows = std::min(rows_per_block, m - i0);
          const std::size_t last = i0 + rows - 1;  // options j < i of every row: j < last
          CoalitionPass pass{n, i0, 0, 0, w.data(), {}, panels.data(), cij.data(), cji.data()};
          for (std::size_t r = 0; r < rows_per_block; ++r) pass.rows[r] = &u[(i0 + std::min(r, rows - 1)) * n];
          for (std::size_t j0 = 0; j0 < last; j0 += kTile) {
            pass.j0 = j0, pass.j1 = std::min(j0 + kTile, lanes::padded(last));
            coalition_rows(rule, pass);
            for (std::size_t r = 0; r < rows; ++r)
              for (std::size_t j = j0; j < std::min(pass.j1, i0 + r); ++j) {
                c[(i0 + r) * m + j] = cij[r * kTile + j - j0];
                c[j * m + i0 + r] = cji[r * kTile + j - j0];
              }
          }
          for (std::size_t r = 0; r < rows; ++r) c[(i0 + r) * m + i0 + r] = min_c;
        }
      },
      m * m * n < 200000 ? m + 1 : 2);
  return c;
}

}  // namespace parley::models::smp
