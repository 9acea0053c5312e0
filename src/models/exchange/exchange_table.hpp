// The working state of the exchange model within a round, on normalised 0-100 positions, and the
// calculation of one exchange against it (docs/models/exchange.md, "One exchange").
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/exchange/exchange.hpp"

namespace parley::models::exchange {

/// Every actor-issue's normalised position x (0-100, NaN where the actor does not take part),
/// salience s and weight w = c s, and per issue the sums D = sum w and N = sum w x over the actors
/// taking part, so that the mean is N / D. `dir` is the direction (-1, 0, +1) in which each
/// actor-issue has moved in the current round.
struct Table {
  std::size_t actors = 0, issues = 0;
  std::vector<double> x, s, w;  // [issue * actors + actor]
  std::vector<int> dir;
  std::vector<double> D, N;       // [issue]
  std::vector<double> lo, width;  // each issue's scale: position = lo + width * x / 100

  std::size_t at(std::size_t issue, std::size_t actor) const { return issue * actors + actor; }
  bool takes_part(std::size_t issue, std::size_t actor) const;
  /// The mean of `issue` (NaN when D is 0).
  double mean(std::size_t issue) const;
  /// Moves `actor` on `issue` by `move` (normalised), keeping N and dir.
  void move(std::size_t issue, std::size_t actor, double move);
  /// The state on the issues' own scales.
  State state() const;
};

/// The table of `scenario` at its start.
Table make_table(const Scenario& scenario);

/// A possible exchange between actors `a_p` (supplies p, demands q) and `a_q` (supplies q,
/// demands p) on issues p < q, with its random draws (used by the random-rate variant; fixed for
/// the round) and the result of its last calculation.
struct Candidate {
  std::size_t p = 0, q = 0, a_p = 0, a_q = 0;
  double z = 0, coin = 0;  // uniform draws in [0, 1)
  // Results of calculate():
  bool valid = false;
  double key = 0;                   // the equal-gain gain, the order of realisation
  double shift_p = 0, shift_q = 0;  // the moves' shifts of the means (normalised)
  double full_p = 0, full_q = 0;    // the shifts of moving all the way
  double move_p = 0, move_q = 0;    // signed moves of a_p on p and a_q on q (normalised)
  double gain_p = 0, gain_q = 0;    // net gains of a_p and a_q
};

/// Assigns the supply issues of actors `u` and `v`, opposed on issues p < q: each supplies on the
/// issue it finds relatively less salient; u supplies p when s_up / s_uq < s_vp / s_vq, else q.
Candidate make_candidate(const Table& t, std::size_t p, std::size_t q, std::size_t u, std::size_t v);

/// Calculates `c` against the table: the moves at the exchange rate (equal-gain, or the drawn share
/// of the gain under random-rate), capped so that neither mover passes the other's position and
/// neither mean passes the demander's position; valid when the equal-gain gain exceeds 1e-10, both
/// moves exceed 1e-10, and neither mover reverses the direction it moved in earlier in the round.
void calculate(Candidate& c, const Table& t, const Options& options);

/// A pure uniform draw in [0, 1) from the seed and up to four indices (splitmix64 hashing).
double uniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d);

}  // namespace parley::models::exchange
