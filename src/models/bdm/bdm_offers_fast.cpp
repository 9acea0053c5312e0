// code_offers for precision=fast (docs/models/bdm.md, "precision=fast"): the same moves as the
// sweep over every counterpart, with most counterparts ruled out before any power is taken.
//
// With E = sigma x1 + x0, x1 = (1 - P)(U_f - U_s) <= 0 and the same x0 on both sides,
// E_i(j -> i) > E_i(i -> j) needs (1 - P_ji) s_i < (1 - P_ij) s_j, so s_j > (1 - max P) s_i; and
// every kind of offer (confrontation, compromise, capitulation) needs E_i(j -> i) > E_i(i -> j).
// A counterpart with s_j at or below that bound (with room for rounding, which only ever keeps
// more) can make no offer, so its utilities are never computed.
#include <algorithm>
#include <cmath>

#include "models/bdm/bdm_best.hpp"
#include "models/fast_pow.hpp"

namespace parley::models::bdm {

void Round::code_offers_fast(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  std::vector<double> most_salient(m, 0.0);
  for (std::size_t i = 0; i < n; ++i) most_salient[a.g.at[i]] = std::max(most_salient[a.g.at[i]], actors_[i].s);
  const double keep = 1 - a.P->bound();  // no 1 - P is smaller
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  a.P->all_rows([&](std::size_t p, const std::vector<double>& row, const std::vector<double>& col) {
    const double xp = a.g.u[p];
    std::vector<std::size_t> candidates(m);
    std::vector<double> us(m), uf(m);
    for (std::size_t i : a.g.who[p]) {
      const double xi = actors_[i].x, si = actors_[i].s, ri = a.r[i], usq = utility(0.5, ri);
      const double floor = si * keep * (1 - 1e-12);  // s_j at or below: no offer
      std::size_t count = 0;
      for (std::size_t q = 0; q < m; ++q) {
        candidates[count] = q;
        count += (q != p) & (most_salient[q] > floor);
      }
      for (std::size_t k = 0; k < count; ++k) {
        const double d = std::fabs(xp - a.g.u[candidates[k]]) / range_;
        us[k] = std::max(0.0, 0.5 - 0.5 * d), uf[k] = std::max(0.0, 0.5 + 0.5 * d);
      }
      power_in_place(us.data(), nullptr, ri, count, true);
      power_in_place(uf.data(), nullptr, ri, count, true);
      Best confrontation, compromise, capitulation;
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t q = candidates[k];
        const double xj = a.g.u[q];
        const Utilities u{2 - 4 * us[k], 2 - 4 * uf[k], usq};
        const double b = eu_terms(u, xj, xp, a.median, col[q], ri).at(si);  // E_i(j -> i)
        if (!(b > 0)) continue;                                             // every offer needs it
        const EuTerms ij = eu_terms(u, xp, xj, a.median, row[q], ri);
        for (std::size_t j : a.g.who[q]) {
          if (!(actors_[j].s > floor)) continue;
          const double e = ij.at(actors_[j].s);  // E_i(i -> j)
          if (b > e && e > 0) {
            confrontation.offer(std::fabs(xi - xj), {i, j, OfferKind::confrontation, e, b, xj});
          } else if (e < 0 && b > std::fabs(e)) {
            const double to = compromise_target(xi, xj, std::fabs(e / b));
            compromise.offer((std::fabs(e) * xi + std::fabs(b) * xj) / (std::fabs(e) + std::fabs(b)),
                             {i, j, OfferKind::compromise, e, b, to});
          } else if (config_.capitulation && e < 0 && b < std::fabs(e)) {
            capitulation.offer(std::fabs(xi - xj), {i, j, OfferKind::capitulation, e, b, xj});
          }
        }
      }
      moved[i] = first_found({&confrontation, &compromise, &capitulation}, chosen[i]);
    }
  });
  collect(chosen, moved, out.moves);
}

}  // namespace parley::models::bdm
