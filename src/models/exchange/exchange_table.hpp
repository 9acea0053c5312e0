// The working state of the exchange model within a round, on normalised 0-100 positions, and the
// calculation of one exchange against it (docs/models/exchange.md, "One exchange"). The
// calculation is inline: the round recalculates millions of exchanges (docs/models/exchange.md,
// "Speed").
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "models/exchange/exchange.hpp"

namespace parley::models::exchange {

/// Every actor-issue's normalised position x (0-100, NaN where the actor does not take part),
/// salience s and weight w = c s, and per issue the sums D = sum w and N = sum w x over the actors
/// taking part, and the mean M = N / D (NaN when D is 0), kept with N. `dir` is the direction
/// (-1, 0, +1) in which each actor-issue has moved in the current round.
struct Table {
  std::size_t actors = 0, issues = 0;
  std::vector<double> x, s, w;  // [issue * actors + actor]
  std::vector<int> dir;
  std::vector<double> D, N, M;    // [issue]
  std::vector<double> lo, width;  // each issue's scale: position = lo + width * x / 100

  std::size_t at(std::size_t issue, std::size_t actor) const { return issue * actors + actor; }
  bool takes_part(std::size_t issue, std::size_t actor) const { return !std::isnan(x[at(issue, actor)]); }
  /// The mean of `issue` (NaN when D is 0).
  double mean(std::size_t issue) const { return M[issue]; }
  /// Moves `actor` on `issue` by `move` (normalised), keeping N, M and dir.
  void move(std::size_t issue, std::size_t actor, double move);
  /// Sets N and M of every issue from the positions.
  void sum_up();
  /// The state on the issues' own scales.
  State state() const;
};

/// The table of `scenario` at its start.
Table make_table(const Scenario& scenario);

/// A possible exchange between actors `a_p` (supplies p, demands q) and `a_q` (supplies q,
/// demands p) on issues p < q.
struct Candidate {
  std::uint32_t p = 0, q = 0, a_p = 0, a_q = 0;
};

/// Assigns the supply issues of actors `u` and `v`, opposed on issues p < q: each supplies on the
/// issue it finds relatively less salient; u supplies p when s_up / s_uq < s_vp / s_vq, else q.
Candidate make_candidate(const Table& t, std::size_t p, std::size_t q, std::size_t u, std::size_t v);

/// The result of calculating a candidate against the table.
struct Calculation {
  bool valid = false;
  double key = 0;                   // the equal-gain gain, the order of realisation
  double shift_p = 0, shift_q = 0;  // the moves' shifts of the means (normalised)
  double full_p = 0, full_q = 0;    // the shifts of moving all the way
  double move_p = 0, move_q = 0;    // signed moves of a_p on p and a_q on q (normalised)
  double gain_p = 0, gain_q = 0;    // net gains of a_p and a_q
};

/// The exchange rate r = shift_q / shift_p that gives a_q the share `sigma` of the exchange's
/// total gain (1/2: equal gain), from the saliences of a_p on p and q and of a_q on p and q.
double rate_for_share(double sigma, double s_pp, double s_pq, double s_qp, double s_qq);

/// The exchange rate of candidate `c` under random-rate with draws z, coin in [0, 1) and `spread`.
double random_rate(const Table& t, const Candidate& c, double spread, double z, double coin);

namespace detail {

constexpr double kTiny = 1e-10;  // Decide's threshold for a gain or a move that counts

inline int sign(double v) { return (v > 0) - (v < 0); }

/// The shifts of the two means at exchange rate r = shift_q / shift_p, within the caps.
inline std::pair<double, double> shifts_at(double r, double cap_p, double cap_q) {
  if (!(r > 0) || !std::isfinite(r)) return {0, 0};
  const double shift_p = std::min(cap_p, cap_q / r);
  return {shift_p, r * shift_p};
}

/// The most a supplier's move may shift the mean: all the way (`full`), or the `room` left before
/// the mean reaches the demander's position; a room within rounding of `full` is `full`, so that
/// the supplier lands exactly on the demander's position.
inline double cap(double full, double room) { return room >= full * (1 - 1e-12) ? full : std::max(0.0, room); }

}  // namespace detail

/// Calculates `c` against the table: the moves at the exchange rate (equal-gain, or `rate` under
/// random-rate: `random` true), capped so that neither mover passes the other's position and
/// neither mean passes the demander's position; valid when the equal-gain gain exceeds 1e-10, both
/// moves exceed 1e-10, and neither mover reverses the direction it moved in earlier in the round.
inline Calculation calculate(const Candidate& c, const Table& t, bool random, double rate) {
  using namespace detail;
  const std::size_t pp = t.at(c.p, c.a_p), pq = t.at(c.q, c.a_p), qp = t.at(c.p, c.a_q), qq = t.at(c.q, c.a_q);
  const double s_pp = t.s[pp], s_pq = t.s[pq], s_qp = t.s[qp], s_qq = t.s[qq];
  Calculation out;
  const int dir_p = sign(t.x[qp] - t.x[pp]), dir_q = sign(t.x[pq] - t.x[qq]);
  if (dir_p == 0 || dir_q == 0 || !(t.w[pp] > 0) || !(t.w[qq] > 0)) return out;
  // The shifts of the means had each supplier moved all the way, and the room before a mean
  // reaches the demander's position.
  out.full_p = std::fabs(t.x[qp] - t.x[pp]) * t.w[pp] / t.D[c.p];
  out.full_q = std::fabs(t.x[pq] - t.x[qq]) * t.w[qq] / t.D[c.q];
  const double cap_p = cap(out.full_p, (t.x[qp] - t.M[c.p]) * dir_p);
  const double cap_q = cap(out.full_q, (t.x[pq] - t.M[c.q]) * dir_q);

  const double r_equal = (s_qp + s_pp) / (s_qq + s_pq);
  const auto [eq_p, eq_q] = shifts_at(r_equal, cap_p, cap_q);
  out.key = eq_p * s_qp - eq_q * s_qq;
  std::tie(out.shift_p, out.shift_q) = random ? shifts_at(rate, cap_p, cap_q) : std::pair{eq_p, eq_q};
  // A supplier that moves all the way lands exactly on the demander's position.
  out.move_p = out.shift_p == out.full_p ? t.x[qp] - t.x[pp] : dir_p * out.shift_p * t.D[c.p] / t.w[pp];
  out.move_q = out.shift_q == out.full_q ? t.x[pq] - t.x[qq] : dir_q * out.shift_q * t.D[c.q] / t.w[qq];
  out.gain_q = out.shift_p * s_qp - out.shift_q * s_qq;
  out.gain_p = out.shift_q * s_pq - out.shift_p * s_pp;
  const bool same_way = (t.dir[pp] == 0 || t.dir[pp] == dir_p) && (t.dir[qq] == 0 || t.dir[qq] == dir_q);
  out.valid = out.key > kTiny && std::fabs(out.move_p) > kTiny && std::fabs(out.move_q) > kTiny && same_way;
  return out;
}

/// A pure uniform draw in [0, 1) from the seed and up to four indices (splitmix64 hashing).
double uniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);

}  // namespace parley::models::exchange
