// The positions of the BDM model (distinct positions, so that actors at one position share the
// work), the median and the mean; the votes over them are in bdm_tally.hpp.
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

/// Row p's counts of the voters below (x_k < mid) and at or below (x_k <= mid) each midpoint
/// 0.5 (u_p + u_q), q < u.size(), over the voters' positions `xs` (ascending, with xs[n] = +inf so
/// that no count runs past n). Given the counts of a row p' < p (`from_below`, `from_at_or_below`;
/// they may be `below`, `at_or_below` themselves), each count steps on from there: between
/// neighbouring rows a midpoint passes a voter or two, so two steps without a branch and a loop for
/// the rare rest, and no count waits on another. Without them, by a merge (the counts rise with q).
void midpoint_counts(const double* xs, const std::vector<double>& u, std::size_t p, const std::size_t* from_below,
                     const std::size_t* from_at_or_below, std::size_t* below, std::size_t* at_or_below);

/// The median position: the Condorcet winner among the actors' positions under votes with
/// exponent 1 (the minimiser of sum_k c_k s_k |x_k - u|; ties to the lowest), or the weighted
/// median (the lowest position with half the weight at or below it).
double median_position(const std::vector<Actor>& actors, const Geometry& g, MedianRule rule);

/// sum c s x / sum c s (the plain mean when every weight is zero).
double weighted_mean(const std::vector<Actor>& actors);

}  // namespace parley::models::bdm
