// The bdm round as parley computed it up to 0.x: vote tallies and win probabilities as m x m
// tables (O(m^2) memory, m distinct positions), danger and offers over every pair of positions.
// Kept verbatim as the test oracle of the table-free engine (src/models/bdm/): both must agree
// bit for bit (tests/models/bdm_scale_test.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <vector>

#include "core/parallel.hpp"
#include "models/bdm/bdm_config.hpp"
#include "models/bdm/bdm_round.hpp"
#include "models/bdm/bdm_votes.hpp"

namespace parley::testing::bdm_quadratic {

using models::bdm::Actor;
using models::bdm::CompromiseSize;
using models::bdm::Config;
using models::bdm::Conflict;
using models::bdm::EuTerms;
using models::bdm::Geometry;
using models::bdm::make_geometry;
using models::bdm::median_position;
using models::bdm::Move;
using models::bdm::Offers;
using models::bdm::Probability;
using models::bdm::Salience;
using models::bdm::Security;
using models::bdm::Votes;

inline std::vector<double> vote_tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent,
                                      double range) {
  const std::size_t n = actors.size(), m = g.m();
  // from_own[t * m + v]: the part of tally(t, v) that uses u_t's sums; from_other[t * m + v]:
  // the part of tally(v, t) that uses them. Each thread fills rows t of its own block only.
  std::vector<double> from_own(m * m, 0.0), from_other(m * m, 0.0);
  std::vector<double> xs(n);
  for (std::size_t k = 0; k < n; ++k) xs[k] = actors[g.by_position[k]].x;
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> prefix(n + 1);
        for (std::size_t t = begin; t < end; ++t) {
          // prefix[k] = sum over the k leftmost voters of c s (|x - u_t| / R)^rho.
          prefix[0] = 0;
          for (std::size_t k = 0; k < n; ++k) {
            const std::size_t voter = g.by_position[k];
            const Actor& a = actors[voter];
            const double d = std::fabs(a.x - g.u[t]) / range;
            const double rho = exponent.empty() ? 1.0 : exponent[voter];
            prefix[k + 1] = prefix[k] + a.c * a.s * (rho == 1.0 ? d : std::pow(d, rho));
          }
          const double total = prefix[n];
          for (std::size_t v = 0; v < m; ++v) {
            if (v == t) continue;
            const double mid = 0.5 * (g.u[t] + g.u[v]);
            const auto below = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), mid) - xs.begin());
            const auto at_or_below = static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.end(), mid) - xs.begin());
            if (t < v) {
              // Voters below mid prefer u_t: tally(t, v) = sum_below (W^v - W^t); tally(v, t) = sum_above (W^t - W^v).
              from_own[t * m + v] = -prefix[below];
              from_other[t * m + v] = total - prefix[at_or_below];
            } else {
              // Voters above mid prefer u_t: tally(t, v) = sum_above (W^v - W^t); tally(v, t) = sum_below (W^t - W^v).
              from_own[t * m + v] = -(total - prefix[at_or_below]);
              from_other[t * m + v] = prefix[below];
            }
          }
        }
      },
      n * m >= 20000 ? 2 : m + 1);
  std::vector<double> tally(m * m, 0.0);
  for (std::size_t p = 0; p < m; ++p)
    for (std::size_t q = 0; q < m; ++q)
      if (p != q) tally[p * m + q] = std::max(0.0, from_own[p * m + q] + from_other[q * m + p]);
  return tally;
}

inline std::vector<double> win_probabilities(const std::vector<double>& tally, const Geometry& g, Probability rule) {
  const std::size_t m = g.m();
  std::vector<double> p(m * m, 0.0);
  if (rule == Probability::all_pairs) {
    double denominator = 0;
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        denominator += static_cast<double>(g.count[a] * g.count[b]) * (tally[a * m + b] + tally[b * m + a]);
    if (denominator <= 0) return p;
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        if (a != b) p[a * m + b] = tally[a * m + b] / denominator;
    return p;
  }
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b) {
      if (a == b) continue;
      const double both = tally[a * m + b] + tally[b * m + a];
      p[a * m + b] = both > 0 ? tally[a * m + b] / both : 0.5;
    }
  return p;
}

/// What a round computes before anyone moves, with the win probabilities as an m x m table.
struct Analysis {
  Geometry g;
  double median = 0;
  std::vector<double> P;  // m x m
  std::vector<double> R, r;
};

struct RoundResult {
  Analysis analysis;
  std::vector<Move> moves;
  std::vector<double> eu;
};

class QuadraticRound {
 public:
  QuadraticRound(const std::vector<Actor>& actors, double range, const Config& config, int round);
  Analysis analyse() const;
  EuTerms eu_terms(const Analysis& a, std::size_t challenger, std::size_t target, double r) const;
  RoundResult run() const;

 private:
  std::vector<double> danger(const Analysis& a) const;
  void code_offers(const Analysis& a, RoundResult& out) const;
  void paper_demands(const Analysis& a, RoundResult& out) const;
  double compromise_target(double x_mover, double x_other, double fraction) const;
  double uniform(std::size_t mover, std::size_t other, int view) const;

  const std::vector<Actor>& actors_;
  double range_;
  const Config& config_;
  int round_;
};

namespace detail {

/// 2 - 4 * base^r, the utility scale of Bueno de Mesquita (1994).
inline double utility(double base, double r) { return 2 - 4 * std::pow(std::max(0.0, base), r); }

inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The best candidate of one category: smallest key, ties to the lowest counterpart index.
struct Best {
  bool found = false;
  double key = 0;
  Move move{};
  void offer(double k, const Move& m) {
    if (!found || k < key || (k == key && m.from < move.from)) found = true, key = k, move = m;
  }
};

/// The candidate of the first category that has one, in order of preference.
inline bool first_found(std::initializer_list<const Best*> categories, Move& out) {
  for (const Best* best : categories)
    if (best->found) {
      out = best->move;
      return true;
    }
  return false;
}

/// Appends, in actor order, the move of every actor that moved.
inline void collect(const std::vector<Move>& chosen, const std::vector<char>& moved, std::vector<Move>& out) {
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (moved[i]) out.push_back(chosen[i]);
}

}  // namespace detail
using namespace detail;

inline QuadraticRound::QuadraticRound(const std::vector<Actor>& actors, double range, const Config& config, int round)
    : actors_(actors), range_(range), config_(config), round_(round) {}

inline EuTerms QuadraticRound::eu_terms(const Analysis& a, std::size_t challenger, std::size_t target, double r) const {
  const double xc = a.g.u[challenger], xt = a.g.u[target];
  const double d = std::fabs(xc - xt) / range_;
  const double us = utility(0.5 - 0.5 * d, r), uf = utility(0.5 + 0.5 * d, r), usq = utility(0.5, r);
  const double p = a.P[challenger * a.g.m() + target];
  double tail = 0;
  if (config_.q < 1) {
    const double dm = std::fabs(xc - a.median), dj = std::fabs(xc - xt);
    const double shift = 0.25 * (dm + dj) / range_;
    tail = (1 - config_.q) * (dm < dj ? utility(0.5 - shift, r) : utility(0.5 + shift, r));
  }
  return {p * us + (1 - p) * uf - us, us - config_.q * usq - tail};
}

inline std::vector<double> QuadraticRound::danger(const Analysis& a) const {
  // Computed with every exponent 1, so E depends on the actors only through position and salience.
  const std::size_t m = a.g.m();
  const bool printed = config_.security == Security::challenger_view && config_.salience == Salience::printed;
  std::vector<double> s1(m, 0.0), s0(m, 0.0);
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
          for (std::size_t q = 0; q < m; ++q) {
            const EuTerms t = eu_terms(a, q, p, 1.0);
            // printed: sum_j s_j x1 + x0 over the challengers j; otherwise the target's s_i times sum x1.
            s1[p] += (printed ? a.g.salience_sum[q] : static_cast<double>(a.g.count[q])) * t.x1;
            s0[p] += static_cast<double>(a.g.count[q]) * t.x0;
          }
        }
      },
      m * m >= 20000 ? 2 : m + 1);
  std::vector<double> out(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    const std::size_t p = a.g.at[i];
    const EuTerms self = eu_terms(a, p, p, 1.0);  // j != i: take out i's own term
    const double s = actors_[i].s;
    out[i] = printed ? (s1[p] - s * self.x1) + (s0[p] - self.x0) : s * (s1[p] - self.x1) + (s0[p] - self.x0);
  }
  return out;
}

inline Analysis QuadraticRound::analyse() const {
  Analysis a;
  a.g = make_geometry(actors_);
  a.median = median_position(actors_, a.g, config_.median);
  const std::size_t n = actors_.size();
  a.P = win_probabilities(vote_tally(actors_, a.g, {}, range_), a.g, config_.probability);
  a.r.assign(n, 1.0);
  const std::vector<double> dangers = danger(a);
  const auto [lo, hi] = std::minmax_element(dangers.begin(), dangers.end());
  a.R.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (*hi - *lo > 0) a.R[i] = (2 * dangers[i] - *hi - *lo) / (*hi - *lo);
    a.r[i] = (1 - a.R[i] / 3) / (1 + a.R[i] / 3);
  }
  if (config_.votes == Votes::power) a.P = win_probabilities(vote_tally(actors_, a.g, a.r, range_), a.g, config_.probability);
  return a;
}

inline double QuadraticRound::compromise_target(double x_mover, double x_other, double fraction) const {
  if (config_.compromise == CompromiseSize::midpoint) return 0.5 * (x_mover + x_other);
  return x_mover + (x_other - x_mover) * fraction;
}

inline double QuadraticRound::uniform(std::size_t mover, std::size_t other, int view) const {
  std::uint64_t h = splitmix64(config_.seed);
  for (std::uint64_t v : {static_cast<std::uint64_t>(round_), static_cast<std::uint64_t>(mover), static_cast<std::uint64_t>(other),
                          static_cast<std::uint64_t>(view)})
    h = splitmix64(h ^ v);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

inline void QuadraticRound::code_offers(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  parallel_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t p = a.g.at[i];
      const double xi = actors_[i].x, ri = a.r[i];
      Best confrontation, compromise, capitulation;
      for (std::size_t q = 0; q < m; ++q) {
        const EuTerms ij = eu_terms(a, p, q, ri);
        if (config_.trace)
          for (std::size_t j : a.g.who[q]) out.eu[i * n + j] = j == i ? std::numeric_limits<double>::quiet_NaN() : ij.at(actors_[j].s);
        if (q == p) continue;
        const double b = eu_terms(a, q, p, ri).at(actors_[i].s);  // E_i(j -> i)
        const double xj = a.g.u[q];
        for (std::size_t j : a.g.who[q]) {
          const double e = ij.at(actors_[j].s);  // E_i(i -> j)
          if (b > e && e > 0) {
            confrontation.offer(std::fabs(xi - xj), {i, j, OfferKind::confrontation, e, b, xj});
          } else if (b > 0 && e < 0 && b > std::fabs(e)) {
            const double to = compromise_target(xi, xj, std::fabs(e / b));
            compromise.offer((std::fabs(e) * xi + std::fabs(b) * xj) / (std::fabs(e) + std::fabs(b)),
                             {i, j, OfferKind::compromise, e, b, to});
          } else if (config_.capitulation && b > 0 && e < 0 && b < std::fabs(e)) {
            capitulation.offer(std::fabs(xi - xj), {i, j, OfferKind::capitulation, e, b, xj});
          }
        }
      }
      moved[i] = first_found({&confrontation, &compromise, &capitulation}, chosen[i]);
    }
  });
  collect(chosen, moved, out.moves);
}

inline void QuadraticRound::paper_demands(const Analysis& a, RoundResult& out) const {
  const std::size_t n = actors_.size(), m = a.g.m();
  // rows[i * m + q]: E_i(i -> actor at u_q) with i's exponent, as terms in the target's salience.
  std::vector<EuTerms> rows(n * m);
  parallel_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      for (std::size_t q = 0; q < m; ++q) rows[i * m + q] = eu_terms(a, a.g.at[i], q, a.r[i]);
  });
  if (config_.trace)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        out.eu[i * n + j] = i == j ? std::numeric_limits<double>::quiet_NaN() : rows[i * m + a.g.at[j]].at(actors_[j].s);
  const bool target = config_.salience == Salience::target;
  const bool random = config_.conflict == Conflict::random;
  std::vector<Move> chosen(n);
  std::vector<char> moved(n, 0);
  parallel_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t pk = a.g.at[k];
      const double xk = actors_[k].x, sk = actors_[k].s;
      Best lost, compromise, capitulation;
      auto offer = [&](Best& best, std::size_t j, OfferKind kind, double to, double proposer_eu, double e_kj, double e_jk) {
        const double key = config_.offers == Offers::highest_eu ? -proposer_eu : std::fabs(to - xk);
        best.offer(key, {k, j, kind, e_kj, e_jk, to});
      };
      for (std::size_t q = 0; q < m; ++q) {
        if (q == pk) continue;
        const double xj = a.g.u[q];
        const double p_jk = a.P[q * m + pk];
        for (std::size_t j : a.g.who[q]) {
          const double sj = actors_[j].s;
          // One side's judgement of the pair, as it concerns k: mine = k's expected utility of
          // challenging j, theirs = j's of challenging k, each as that side estimates them.
          auto judge = [&](double mine, double theirs, int view) {
            if (mine > 0 && theirs > 0) {
              if (random ? uniform(k, j, view) < p_jk : theirs > mine) offer(lost, j, OfferKind::conflict, xj, theirs, mine, theirs);
            } else if (theirs > 0 && mine < 0) {
              if (theirs > std::fabs(mine))
                offer(compromise, j, OfferKind::compromise, compromise_target(xk, xj, std::fabs(mine / theirs)), theirs, mine, theirs);
              else if (config_.capitulation && std::fabs(mine) > theirs)
                offer(capitulation, j, OfferKind::capitulation, xj, theirs, mine, theirs);
            }
          };
          // k's own view: E_k(k -> j) and E_j(j -> k); then j's view: E_k(k -> j) and E_j(j -> k)
          // with the saliences each side uses.
          judge(rows[k * m + q].at(sj), rows[j * m + pk].at(target ? sk : sj), 1);
          judge(rows[k * m + q].at(target ? sj : sk), rows[j * m + pk].at(sk), 2);
        }
      }
      moved[k] = first_found({&lost, &compromise, &capitulation}, chosen[k]);
    }
  });
  collect(chosen, moved, out.moves);
}

inline RoundResult QuadraticRound::run() const {
  RoundResult out;
  out.analysis = analyse();
  const std::size_t n = actors_.size();
  if (config_.trace) out.eu.assign(n * n, std::numeric_limits<double>::quiet_NaN());
  if (config_.offers == Offers::closest)
    code_offers(out.analysis, out);
  else
    paper_demands(out.analysis, out);
  return out;
}

}  // namespace parley::testing::bdm_quadratic
