#include "models/bdm/bdm_round.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/bdm/bdm_best.hpp"
#include "models/fast_pow.hpp"

namespace parley::models::bdm {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

Round::Round(const std::vector<Actor>& actors, double range, const Config& config, int round)
    : actors_(actors), range_(range), config_(config), round_(round) {}

/// 2 - 4 * max(0, base)^r, the utility scale of Bueno de Mesquita (1994).
double Round::utility(double base, double r) const {
  double b = std::max(0.0, base);
  power_in_place(&b, nullptr, r, 1, config_.fast);
  return 2 - 4 * b;
}

Utilities Round::utilities(double d, double r, double usq) const { return {utility(0.5 - 0.5 * d, r), utility(0.5 + 0.5 * d, r), usq}; }

void Round::utility_row(const Analysis& a, std::size_t p, double r, std::vector<double>& us, std::vector<double>& uf) const {
  const std::size_t m = a.g.m();
  us.resize(m), uf.resize(m);
  for (std::size_t q = 0; q < m; ++q) {
    const double d = std::fabs(a.g.u[p] - a.g.u[q]) / range_;
    us[q] = std::max(0.0, 0.5 - 0.5 * d), uf[q] = std::max(0.0, 0.5 + 0.5 * d);
  }
  power_in_place(us.data(), nullptr, r, m, config_.fast);
  power_in_place(uf.data(), nullptr, r, m, config_.fast);
  for (std::size_t q = 0; q < m; ++q) us[q] = 2 - 4 * us[q], uf[q] = 2 - 4 * uf[q];
}

EuTerms Round::eu_terms_with_tail(const Utilities& u, double xc, double xt, double median, double p, double r) const {
  const double dm = std::fabs(xc - median), dj = std::fabs(xc - xt);
  const double shift = 0.25 * (dm + dj) / range_;
  const double tail = (1 - config_.q) * (dm < dj ? utility(0.5 - shift, r) : utility(0.5 + shift, r));
  return {slope(u, p), u.us - config_.q * u.usq - tail};
}

EuTerms Round::eu_terms(const Analysis& a, std::size_t challenger, std::size_t target, double p, double r) const {
  const double xc = a.g.u[challenger], xt = a.g.u[target];
  return eu_terms(utilities(std::fabs(xc - xt) / range_, r, utility(0.5, r)), xc, xt, a.median, p, r);
}

std::vector<double> Round::danger(const Analysis& a, const Probabilities& linear) const {
  // Computed with every exponent 1, so E depends on the actors only through position and salience.
  const std::size_t m = a.g.m();
  const bool printed = printed_view();
  std::vector<double> s1(m, 0.0), s0(m, 0.0);
  const bool plain = !(config_.q < 1);  // eu_terms without the tail
  const double usq = utility(0.5, 1.0);
  linear.all_rows([&](std::size_t p, const std::vector<double>&, const std::vector<double>& col) {
    double sum1 = 0, sum0 = 0;
    const double xp = a.g.u[p];
    for (std::size_t q = 0; q < m; ++q) {
      // eu_terms(a, q, p, col[q], 1.0), its utilities inline: x^1 is x, so utility(b, 1) is 2 - 4 max(0, b).
      const double d = std::fabs(a.g.u[q] - xp) / range_;
      const EuTerms t = plain ? eu_terms(Utilities{2 - 4 * std::max(0.0, 0.5 - 0.5 * d), 2 - 4 * std::max(0.0, 0.5 + 0.5 * d), usq},
                                         a.g.u[q], xp, a.median, col[q], 1.0)
                              : eu_terms(a, q, p, col[q], 1.0);
      // printed: sum_j s_j x1 + x0 over the challengers j; otherwise the target's s_i times sum x1.
      sum1 += (printed ? a.g.salience_sum[q] : static_cast<double>(a.g.count[q])) * t.x1;
      sum0 += static_cast<double>(a.g.count[q]) * t.x0;
    }
    s1[p] = sum1, s0[p] = sum0;
  });
  return dangers_of(a, s1, s0);
}

std::vector<double> Round::dangers_of(const Analysis& a, const std::vector<double>& s1, const std::vector<double>& s0) const {
  const bool printed = printed_view();
  std::vector<double> out(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    const std::size_t p = a.g.at[i];
    const EuTerms self = eu_terms(a, p, p, 0.0, 1.0);  // j != i: take out i's own term
    const double s = actors_[i].s;
    out[i] = printed ? (s1[p] - s * self.x1) + (s0[p] - self.x0) : s * (s1[p] - self.x1) + (s0[p] - self.x0);
  }
  return out;
}

Analysis Round::analyse() const {
  Analysis a;
  a.g = make_geometry(actors_);
  a.median = median_position(actors_, a.g, config_.median);
  const std::size_t n = actors_.size();
  // The linear votes' probabilities: for the danger, and as P under votes=linear. precision=fast
  // with Q = 1 needs no table of them for the danger.
  const bool fast_danger = config_.fast && !(config_.q < 1);
  std::optional<Probabilities> linear;
  if (!fast_danger || config_.votes == Votes::linear)
    linear.emplace(Tally(actors_, a.g, {}, range_, config_.fast), a.g, config_.probability);
  a.r.assign(n, 1.0);
  const std::vector<double> dangers = fast_danger ? danger_fast(a) : danger(a, *linear);
  const auto [lo, hi] = std::minmax_element(dangers.begin(), dangers.end());
  a.R.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (*hi - *lo > 0) a.R[i] = (2 * dangers[i] - *hi - *lo) / (*hi - *lo);
    a.r[i] = (1 - a.R[i] / 3) / (1 + a.R[i] / 3);
  }
  if (config_.votes == Votes::power)
    a.P.emplace(Tally(actors_, a.g, a.r, range_, config_.fast), a.g, config_.probability);
  else
    a.P.emplace(*linear);
  return a;
}

double Round::compromise_target(double x_mover, double x_other, double fraction) const {
  if (config_.compromise == CompromiseSize::midpoint) return 0.5 * (x_mover + x_other);
  return x_mover + (x_other - x_mover) * fraction;
}

double Round::uniform(std::size_t mover, std::size_t other, int view) const {
  std::uint64_t h = splitmix64(config_.seed);
  for (std::uint64_t v : {static_cast<std::uint64_t>(round_), static_cast<std::uint64_t>(mover), static_cast<std::uint64_t>(other),
                          static_cast<std::uint64_t>(view)})
    h = splitmix64(h ^ v);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

void Round::code_offers(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  a.P->all_rows([&](std::size_t p, const std::vector<double>& row, const std::vector<double>& col) {
    const double xp = a.g.u[p];
    std::vector<double> us, uf;
    for (std::size_t i : a.g.who[p]) {
      const double xi = actors_[i].x, ri = a.r[i], usq = utility(0.5, ri);
      utility_row(a, p, ri, us, uf);
      ClosestOffers offers;
      for (std::size_t q = 0; q < m; ++q) {
        if (q == p && !config_.trace) continue;
        const double xj = a.g.u[q];
        // E_i(i -> j) and E_i(j -> i) share the distance, so the utilities.
        const Utilities u{us[q], uf[q], usq};
        const EuTerms ij = eu_terms(u, xp, xj, a.median, row[q], ri);
        if (config_.trace)
          for (std::size_t j : a.g.who[q]) out.eu[i * n + j] = j == i ? std::numeric_limits<double>::quiet_NaN() : ij.at(actors_[j].s);
        if (q == p) continue;
        const double b = eu_terms(u, xj, xp, a.median, col[q], ri).at(actors_[i].s);                // E_i(j -> i)
        for (std::size_t j : a.g.who[q]) rank_offer(offers, i, j, xi, xj, b, ij.at(actors_[j].s));  // e = E_i(i -> j)
      }
      moved[i] = offers.choose(chosen[i]);
    }
  });
  collect(chosen, moved, out.moves);
}

void Round::rank_offer(ClosestOffers& offers, std::size_t i, std::size_t j, double xi, double xj, double b, double e) const {
  switch (closest_rule(b, e, config_.capitulation)) {
    case ClosestRule::confrontation:
      return offers.confrontation.offer(std::fabs(xi - xj), {i, j, OfferKind::confrontation, e, b, xj});
    case ClosestRule::compromise:
      return offers.compromise.offer((std::fabs(e) * xi + std::fabs(b) * xj) / (std::fabs(e) + std::fabs(b)),
                                     {i, j, OfferKind::compromise, e, b, compromise_target(xi, xj, std::fabs(e / b))});
    case ClosestRule::capitulation:
      return offers.capitulation.offer(std::fabs(xi - xj), {i, j, OfferKind::capitulation, e, b, xj});
    case ClosestRule::none:
      return;
  }
}

void Round::paper_demands(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  const bool target = config_.salience == Salience::target;
  const bool random = config_.conflict == Conflict::random;
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  a.P->all_rows([&](std::size_t pk, const std::vector<double>& row, const std::vector<double>& col) {
    // theirs[j]: E_j(j -> the actors at u_pk) with j's exponent; mine[q]: E_k(k -> actor at u_q)
    // with k's; both as terms in the target's salience.
    std::vector<EuTerms> theirs(n), mine(m);
    for (std::size_t j = 0; j < n; ++j) theirs[j] = eu_terms(a, a.g.at[j], pk, col[a.g.at[j]], a.r[j]);
    for (std::size_t k : a.g.who[pk]) {
      for (std::size_t q = 0; q < m; ++q) mine[q] = eu_terms(a, pk, q, row[q], a.r[k]);
      if (config_.trace)
        for (std::size_t j = 0; j < n; ++j)
          out.eu[k * n + j] = k == j ? std::numeric_limits<double>::quiet_NaN() : mine[a.g.at[j]].at(actors_[j].s);
      const double xk = actors_[k].x, sk = actors_[k].s;
      Best lost, compromise, capitulation;
      auto offer = [&](Best& best, std::size_t j, OfferKind kind, double to, double proposer_eu, double e_kj, double e_jk) {
        const double key = config_.offers == Offers::highest_eu ? -proposer_eu : std::fabs(to - xk);
        best.offer(key, {k, j, kind, e_kj, e_jk, to});
      };
      for (std::size_t q = 0; q < m; ++q) {
        if (q == pk) continue;
        const double xj = a.g.u[q];
        const double p_jk = col[q];
        for (std::size_t j : a.g.who[q]) {
          const double sj = actors_[j].s;
          // One side's judgement of the pair, as it concerns k: mine = k's expected utility of
          // challenging j, theirs = j's of challenging k, each as that side estimates them.
          auto judge = [&](double e_mine, double e_theirs, int view) {
            if (e_mine > 0 && e_theirs > 0) {
              if (random ? uniform(k, j, view) < p_jk : e_theirs > e_mine)
                offer(lost, j, OfferKind::conflict, xj, e_theirs, e_mine, e_theirs);
            } else if (e_theirs > 0 && e_mine < 0) {
              if (e_theirs > std::fabs(e_mine))
                offer(compromise, j, OfferKind::compromise, compromise_target(xk, xj, std::fabs(e_mine / e_theirs)), e_theirs, e_mine,
                      e_theirs);
              else if (config_.capitulation && std::fabs(e_mine) > e_theirs)
                offer(capitulation, j, OfferKind::capitulation, xj, e_theirs, e_mine, e_theirs);
            }
          };
          // k's own view: E_k(k -> j) and E_j(j -> k); then j's view: E_k(k -> j) and E_j(j -> k)
          // with the saliences each side uses.
          judge(mine[q].at(sj), theirs[j].at(target ? sk : sj), 1);
          judge(mine[q].at(target ? sj : sk), theirs[j].at(sk), 2);
        }
      }
      moved[k] = first_found({&lost, &compromise, &capitulation}, chosen[k]);
    }
  });
  collect(chosen, moved, out.moves);
}

RoundResult Round::run() const {
  RoundResult out;
  out.analysis = analyse();
  const std::size_t n = actors_.size();
  if (config_.trace) out.eu.assign(n * n, std::numeric_limits<double>::quiet_NaN());
  if (config_.offers == Offers::closest && config_.fast && !config_.trace && !(config_.q < 1))
    code_offers_fast(out.analysis, out);
  else if (config_.offers == Offers::closest)
    code_offers(out.analysis, out);
  else
    paper_demands(out.analysis, out);
  return out;
}

}  // namespace parley::models::bdm
