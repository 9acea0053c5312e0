// code_offers for precision=fast (docs/models/bdm.md, "precision=fast"): the same moves as the
// sweep over every counterpart with every row of P, found with little of that work.
//
// With E = sigma x1 + x0, x1 = (1 - P)(U_f - U_s) <= 0, x0 = U_s - U_sq and the same x0 on both
// sides (b = E_i(j -> i), e = E_i(i -> j)); every kind of offer needs b > 0 and b > e:
// - b > e needs (1 - P_ji) s_i < (1 - P_ij) s_j, so s_j > (1 - max P) s_i: a counterpart at or
//   below that (with room for rounding, which only ever keeps more) is never looked at.
// - b > 0 needs s_i (1 - P_ji) < x0 / |U_f - U_s|, which never exceeds 0.5^min(r_i, 1): an actor
//   whose salience passes that by more than rounding can hide makes no offer at all.
// - Each computed E is a monotone function of its P, and every P lies in [0, max P]: where every
//   comparison of the offer rules comes out the same at both ends, the kind of offer is settled
//   without P. P itself (Probabilities::pair) is computed for the rest, for the offer chosen and
//   for compromises, whose ranking and size depend on E.
// - A confrontation goes to the nearest counterpart: the sweep walks outwards from the actor and
//   stops once the next position is farther than the nearest confrontation found.
#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "models/bdm/bdm_best.hpp"
#include "models/fast_pow.hpp"

namespace parley::models::bdm {

namespace {

/// Whether every comparison of closest_rule comes out the same for all b in [b0, b1] and e in [e0, e1]
/// (each is monotone in b and e while e keeps its sign, and the sign's tests are among them).
bool settled(double b0, double b1, double e0, double e1) {
  const double least = std::min(std::fabs(e0), std::fabs(e1)), most = std::max(std::fabs(e0), std::fabs(e1));
  return (e0 > 0) == (e1 > 0) && (e0 < 0) == (e1 < 0) && (b0 > 0) == (b1 > 0) && (b0 > e1) == (b1 > e0) && (b0 > most) == (b1 > least) &&
         (b0 < most) == (b1 < least);
}

}  // namespace

/// One actor's walk: the positions looked at, their utilities, and the candidates found.
struct OfferScratch {
  struct Candidate {
    std::size_t j, k;  // counterpart, index into positions
    ClosestRule kind;
  };
  std::vector<std::size_t> positions;
  std::vector<double> us, uf;
  std::vector<Candidate> others;  // compromises and capitulations, while no confrontation is known
  bool have_nearest = false;
  Candidate nearest{};
};

bool Round::never_positive(const Analysis& a, std::size_t p, double s_keep, double r) const {
  const double most = std::pow(0.5, std::min(r, 1.0));  // the largest x0 / |U_f - U_s|
  if (!(s_keep > most)) return false;
  double d = HUGE_VAL;  // the nearest other position: |U_f - U_s| grows with the distance
  if (p > 0) d = (a.g.u[p] - a.g.u[p - 1]) / range_;
  if (p + 1 < a.g.m()) d = std::min(d, (a.g.u[p + 1] - a.g.u[p]) / range_);
  if (d == HUGE_VAL) return true;
  const double gap = 4 * (std::pow(0.5 + 0.5 * d, r) - std::pow(std::max(0.0, 0.5 - 0.5 * d), r));
  // b <= -gap (s_keep - most) exactly; its rounding stays far below 1e-11 per unit of salience.
  return gap * (s_keep - most) > 1e-11 * std::max(1.0, s_keep);
}

bool Round::fast_offer(const Analysis& a, std::size_t i, const std::vector<double>& most_salient, double largest_p, OfferScratch& w,
                       Move& out) const {
  const std::size_t p = a.g.at[i], m = a.g.m();
  const double xp = a.g.u[p], si = actors_[i].s, ri = a.r[i], keep = 1 - largest_p;  // no 1 - P is smaller
  if (never_positive(a, p, si * keep, ri)) return false;
  const double usq = utility(0.5, ri), floor = si * keep * (1 - 1e-12);
  w.positions.clear(), w.others.clear(), w.have_nearest = false;
  auto exact = [&](const OfferScratch::Candidate& c, double& b, double& e) {
    const std::size_t q = w.positions[c.k];
    double p_pq = 0, p_qp = 0;
    a.P->pair(p, q, p_pq, p_qp);
    const Utilities u{w.us[c.k], w.uf[c.k], usq};
    b = eu_terms(u, a.g.u[q], xp, a.median, p_qp, ri).at(si);
    e = eu_terms(u, xp, a.g.u[q], a.median, p_pq, ri).at(actors_[c.j].s);
    return closest_rule(b, e, config_.capitulation);
  };
  auto distance = [&](const OfferScratch::Candidate& c) { return std::fabs(xp - actors_[c.j].x); };
  std::size_t left = p, right = p + 1;  // the walk: left - 1 and right come next
  auto next_distance = [&] { return std::min(left > 0 ? xp - a.g.u[left - 1] : HUGE_VAL, right < m ? a.g.u[right] - xp : HUGE_VAL); };
  while (left > 0 || right < m) {
    const std::size_t first = w.positions.size();
    while (w.positions.size() - first < config_.walk_batch && (left > 0 || right < m)) {
      const bool go_left = left > 0 && (right == m || xp - a.g.u[left - 1] <= a.g.u[right] - xp);
      const std::size_t q = go_left ? --left : right++;
      if (most_salient[q] > floor) w.positions.push_back(q);
    }
    const std::size_t count = w.positions.size();
    w.us.resize(count), w.uf.resize(count);
    for (std::size_t k = first; k < count; ++k) {
      const double d = std::fabs(xp - a.g.u[w.positions[k]]) / range_;
      w.us[k] = std::max(0.0, 0.5 - 0.5 * d), w.uf[k] = std::max(0.0, 0.5 + 0.5 * d);
    }
    power_in_place(w.us.data() + first, nullptr, ri, count - first, true);
    power_in_place(w.uf.data() + first, nullptr, ri, count - first, true);
    for (std::size_t k = first; k < count; ++k) {
      const std::size_t q = w.positions[k];
      const double xj = a.g.u[q];
      const Utilities u{w.us[k] = 2 - 4 * w.us[k], w.uf[k] = 2 - 4 * w.uf[k], usq};
      const double b1 = eu_terms(u, xj, xp, a.median, largest_p, ri).at(si);  // E_i(j -> i) at its largest
      if (!(b1 > 0)) continue;
      const double b0 = eu_terms(u, xj, xp, a.median, 0.0, ri).at(si);
      const EuTerms e_low = eu_terms(u, xp, xj, a.median, 0.0, ri), e_high = eu_terms(u, xp, xj, a.median, largest_p, ri);
      for (std::size_t j : a.g.who[q]) {
        const double sj = actors_[j].s;
        if (!(sj > floor)) continue;
        OfferScratch::Candidate c{j, k, ClosestRule::none};
        const double e0 = e_low.at(sj), e1 = e_high.at(sj);
        double b = 0, e = 0;
        c.kind = settled(b0, b1, e0, e1) ? closest_rule(b0, e0, config_.capitulation) : exact(c, b, e);
        if (c.kind == ClosestRule::confrontation) {
          if (!w.have_nearest || distance(c) < distance(w.nearest) || (distance(c) == distance(w.nearest) && c.j < w.nearest.j))
            w.nearest = c, w.have_nearest = true;
        } else if (c.kind != ClosestRule::none && !w.have_nearest) {
          w.others.push_back(c);
        }
      }
    }
    if (w.have_nearest && next_distance() > distance(w.nearest)) break;  // nothing farther can be nearer
  }
  // The nearest confrontation, or else the others, with P itself, ranked as the full sweep ranks them.
  ClosestOffers offers;
  double b = 0, e = 0;
  auto rank = [&](const OfferScratch::Candidate& c) {
    exact(c, b, e);
    rank_offer(offers, i, c.j, actors_[i].x, actors_[c.j].x, b, e);
  };
  if (w.have_nearest)
    rank(w.nearest);
  else
    for (const OfferScratch::Candidate& c : w.others) rank(c);
  return offers.choose(out);
}

void Round::code_offers_fast(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  std::vector<double> most_salient(m, 0.0);
  for (std::size_t i = 0; i < n; ++i) most_salient[a.g.at[i]] = std::max(most_salient[a.g.at[i]], actors_[i].s);
  const double largest_p = a.P->bound();
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  parallel_blocks(
      n,
      [&](std::size_t begin, std::size_t end) {
        OfferScratch scratch;
        for (std::size_t i = begin; i < end; ++i) moved[i] = fast_offer(a, i, most_salient, largest_p, scratch, chosen[i]);
      },
      n * m >= 20000 ? 2 : n + 1);
  collect(chosen, moved, out.moves);
}

}  // namespace parley::models::bdm
