// Votes, win probabilities and the median of the BDM model, computed over distinct positions so
// that actors at the same position share the work.
#pragma once

#include <cstddef>
#include <vector>

#include "models/bdm/bdm_config.hpp"

namespace parley::models::bdm {

struct Actor {
  double x;  // position
  double c;  // capability
  double s;  // salience
};

/// The distinct positions of the actors (ascending) and who stands where.
struct Geometry {
  std::vector<double> u;                      // distinct positions, ascending
  std::vector<std::size_t> at;                // actor -> index into u
  std::vector<std::size_t> count;             // actors at u[p]
  std::vector<double> salience_sum;           // sum of s over actors at u[p]
  std::vector<std::vector<std::size_t>> who;  // actors at u[p], in actor order
  std::vector<std::size_t> by_position;       // actors sorted by position (stable)
  std::size_t m() const { return u.size(); }
};
Geometry make_geometry(const std::vector<Actor>& actors);

/// tally[p * m + q] = sum_k max(0, v_k(u_p, u_q)) with
/// v_k(a, b) = c_k s_k [(|x_k - b| / R)^rho_k - (|x_k - a| / R)^rho_k]; rho_k = exponent[k]
/// (all 1 when `exponent` is empty). O(n m + m^2) through prefix sums over voters sorted by
/// position: voter k prefers u_p to u_q exactly when it lies on u_p's side of their midpoint.
std::vector<double> vote_tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent, double range);

/// P[p * m + q], the probability that the actor at u_p beats the one at u_q (0 when p == q):
/// all-pairs divides by sum_k sum_(a,b) |v_k(x_a, x_b)| over every ordered pair of actors;
/// pairwise by sum_k |v_k(u_p, u_q)| (so P(p,q) + P(q,p) = 1; 1/2 each when every voter is
/// indifferent).
std::vector<double> win_probabilities(const std::vector<double>& tally, const Geometry& g, Probability rule);

/// The median position: the Condorcet winner among the actors' positions under votes with
/// exponent 1 (the minimiser of sum_k c_k s_k |x_k - u|; ties to the lowest), or the weighted
/// median (the lowest position with half the weight at or below it).
double median_position(const std::vector<Actor>& actors, const Geometry& g, MedianRule rule);

/// sum c s x / sum c s (the plain mean when every weight is zero).
double weighted_mean(const std::vector<Actor>& actors);

}  // namespace parley::models::bdm
