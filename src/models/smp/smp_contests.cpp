// The direct transcription of KTAB's contests (SMPState::probEduChlg, bestChallenge) and bargain
// values (updateBestBrgnPositions): the reference the fast versions (smp_kernels.cpp) equal bit for
// bit, and the single contests of the receivers' bargains.
#include <cstddef>
#include <vector>

#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_math.hpp"

namespace parley::models::smp {

namespace {

/// h's view of everyone's utilities: U^h_ab = bsUtil(vdiff_ab, r^h_a).
struct Perspective {
  std::vector<double> r;     // r^h_a
  std::vector<double> diag;  // U^h_aa
  Perspective(const Problem& p, const Assessment& a, const Config& c, std::size_t h) : r(p.n), diag(p.n) {
    for (std::size_t x = 0; x < p.n; ++x) {
      r[x] = estimated_risk(a.risk[h], a.risk[x], c.risk_adjust);
      diag[x] = bs_util(a.vdiff[x * p.n + x], r[x]);
    }
  }
};

/// h's view of the contests i:j for j in [begin, end) (SMPState::probEduChlg): the strength of the
/// coalitions for i (chij) and for j (chji), and h's U^h_ij. Each j's sums add the principals, then
/// the third parties x = 0, 1, ... in turn, as KTAB does; the third parties are the outer loop so
/// that the inner loop over j runs on independent accumulators.
struct Contests {
  std::vector<double> chij, chji, uij;
};

template <VotingRule Rule, ThirdParty Commit>
Contests contests(const Problem& p, const Assessment& a, const Perspective& h, std::size_t i, std::size_t begin, std::size_t end) {
  const std::size_t n = p.n, m = end - begin;
  Contests out{std::vector<double>(m), std::vector<double>(m), std::vector<double>(m)};
  std::vector<double> c_i(m), c_j(m);
  const double uii = bs_util(a.vdiff[i * n + i], h.r[i]);
  const double w_i = p.sal_sum[i] * p.cap[i];
  for (std::size_t q = 0; q < m; ++q) {
    const std::size_t j = begin + q;
    out.uij[q] = bs_util(a.vdiff[i * n + j], h.r[i]);
    const double uji = bs_util(a.vdiff[j * n + i], h.r[j]);
    double hij = 0, hji = 0;
    principal_parts<Rule>(w_i, uii, out.uij[q], p.sal_sum[j] * p.cap[j], uji, h.diag[j], hij, hji);
    c_i[q] = out.chij[q] = hij;
    c_j[q] = out.chji[q] = hji;
  }
  auto third_party = [&](std::size_t x, std::size_t from, std::size_t to) {
    const double w = p.sal_sum[x] * p.cap[x], rx = h.r[x], uxx = h.diag[x];
    const double uxi = bs_util(a.vdiff[x * n + i], rx);
    const double* row = &a.vdiff[x * n + begin];
    for (std::size_t q = from; q < to; ++q) {
      const double uxj = bs_util(row[q], rx);
      const double pin = little_contest_probability<Rule>(w, uxi, uxj, c_i[q], c_j[q]);
      const double v = third_party_vote<Rule, Commit>(w, pin, 1.0 - pin, uxi, uxj, uxx);
      out.chij[q] = v > 0 ? out.chij[q] + v : out.chij[q];
      out.chji[q] = v < 0 ? out.chji[q] - v : out.chji[q];
    }
  };
  for (std::size_t x = 0; x < n; ++x) {
    if (x == i) continue;
    if (x < begin || x >= end) {
      third_party(x, 0, m);
    } else {  // j == x is a principal, not a third party
      third_party(x, 0, x - begin);
      third_party(x, x - begin + 1, m);
    }
  }
  return out;
}

/// Every probEduChlg(i, i, i, j) at once, and the best of them.
template <VotingRule Rule, ThirdParty Commit>
Challenge best_challenge_by(const Problem& p, const Assessment& a, const Perspective& h, std::size_t i) {
  const Contests c = contests<Rule, Commit>(p, a, h, i, 0, p.n);
  const double uii = bs_util(a.vdiff[i * p.n + i], h.r[i]);
  return best_of_contests(p, i, uii, c.uij.data(), c.chij.data(), c.chji.data());
}

}  // namespace

Challenge best_challenge_reference(const Problem& p, const Assessment& a, const Config& c, std::size_t i) {
  const Perspective h(p, a, c, i);
  return with_rule_and_commit(c.voting, c.third_party,
                              [&](auto r, auto t) { return best_challenge_by<decltype(r)::value, decltype(t)::value>(p, a, h, i); });
}

/// h's estimate of the probability that i defeats j.
double victory_estimate(const Problem& p, const Assessment& a, const Config& c, std::size_t h, std::size_t i, std::size_t j) {
  const Perspective view(p, a, c, h);
  const Contests k = with_rule_and_commit(
      c.voting, c.third_party, [&](auto r, auto t) { return contests<decltype(r)::value, decltype(t)::value>(p, a, view, i, j, j + 1); });
  return k.chij[0] / (k.chij[0] + k.chji[0]);
}

/// u[a]: a's average utility of the state after bargain b (SMPState::updateBestBrgnPositions).
std::vector<double> bargain_utilities_reference(const Problem& p, const State& s, const Assessment& a, const Bargain& b) {
  const std::size_t n = p.n, d = p.d;
  std::vector<double> u(n);
  for (std::size_t x = 0; x < n; ++x) {
    const double* ideal = &s.ideal[x * d];
    const double* sal = &p.sal[x * d];
    double sum = bs_util(bv_diff(ideal, b.pos_init.data(), sal, d), a.risk[x]);
    sum = sum + bs_util(bv_diff(ideal, b.pos_rcvr.data(), sal, d), a.risk[x]);
    const double* own = &a.own[x * n];
    for (std::size_t y = 0; y < n; ++y)
      if (y != b.init && y != b.rcvr) sum = sum + own[y];
    u[x] = sum / static_cast<double>(n);
  }
  return u;
}

Challenge best_of_contests(const Problem& p, std::size_t i, double uii, const double* uij, const double* chij, const double* chji) {
  const double u_hkij = uii + uii;
  Challenge best;
  constexpr double min_sig_edu = 1e-5;
  for (std::size_t j = 0; j < p.n; ++j) {
    if (j == i) continue;
    const double eu_sq = uii + uij[j], u_hkji = uij[j] + uij[j];
    const double phij = chij[j] / (chij[j] + chji[j]), phji = chji[j] / (chij[j] + chji[j]);
    const double sj = p.sal_sum[j];
    const double eu_cntst = phij * u_hkij + phji * u_hkji;
    const double edu = ((1 - sj) * u_hkij + sj * eu_cntst) - eu_sq;
    if (min_sig_edu < edu && best.eu < edu) best = {static_cast<long>(j), phij, edu};
  }
  return best;
}

}  // namespace parley::models::smp
