// Perspective i's view of its contests with every receiver: what the third-party kernels
// (smp_kernels.cpp, and smp_kernels_fast.cpp for precision=fast) start from and end with.
#pragma once

#include <cstddef>
#include <vector>

#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_math.hpp"

namespace parley::models::smp {

/// Perspective i's view of its contests i:j for every j (probEduChlg(i, i, i, j)).
struct View {
  std::size_t i = 0;
  double uii = 0;
  std::vector<double> r, diag, uxi;             // per third party x: r^i_x, U^i_xx, U^i_xi
  std::vector<double> ci, cj, chij, chji, uij;  // per receiver j: principals' parts, the sums, U^i_ij
};

/// i's view and the principals' parts of its contests, as Perspective and contests() compute them.
template <VotingRule Rule>
void prepare(const Problem& p, const Assessment& a, const Config& c, std::size_t i, std::size_t np, View& h) {
  const std::size_t n = p.n;
  h.i = i;
  h.r.resize(n), h.diag.resize(n), h.uxi.resize(n);
  for (std::size_t x = 0; x < n; ++x) {
    h.r[x] = estimated_risk(a.risk[i], a.risk[x], c.risk_adjust);
    h.diag[x] = bs_util(a.vdiff[x * n + x], h.r[x]);
    h.uxi[x] = bs_util(a.vdiff[x * n + i], h.r[x]);
  }
  h.ci.assign(np, 1.0), h.cj.assign(np, 1.0), h.chij.assign(np, 1.0), h.chji.assign(np, 1.0), h.uij.assign(np, 0.0);
  h.uii = bs_util(a.vdiff[i * n + i], h.r[i]);
  const double w_i = p.sal_sum[i] * p.cap[i];
  for (std::size_t j = 0; j < n; ++j) {
    h.uij[j] = bs_util(a.vdiff[i * n + j], h.r[i]);
    const double uji = bs_util(a.vdiff[j * n + i], h.r[j]);
    double hij = 0, hji = 0;
    principal_parts<Rule>(w_i, h.uii, h.uij[j], p.sal_sum[j] * p.cap[j], uji, h.diag[j], hij, hji);
    h.ci[j] = h.chij[j] = hij;
    h.cj[j] = h.chji[j] = hji;
  }
}

/// The best of i's contests, as best_challenge_by() picks it.
inline Challenge best_of(const Problem& p, const View& h) {
  return best_of_contests(p, h.i, h.uii, h.uij.data(), h.chij.data(), h.chji.data());
}

}  // namespace parley::models::smp
