// Vote tallies and win probabilities of the BDM model over pairs of positions, produced row by row
// in O(n + m) memory (n voters, m distinct positions) instead of as m x m tables.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "models/bdm/bdm_config.hpp"
#include "models/bdm/bdm_votes.hpp"

namespace parley::models::bdm {

/// One row and one column of a matrix over positions: row[b] = M(a, b), col[b] = M(b, a).
using RowVisit = std::function<void(std::size_t a, const std::vector<double>& row, const std::vector<double>& col)>;

/// tally(a, b) = sum_k max(0, v_k(u_a, u_b)) with
/// v_k(a, b) = c_k s_k [(|x_k - b| / R)^rho_k - (|x_k - a| / R)^rho_k]; rho_k = exponent[k]
/// (all 1 when `exponent` is empty). Voter k prefers u_a to u_b exactly when it lies on u_a's
/// side of their midpoint, so with W^t_k = c_k s_k (|x_k - u_t| / R)^rho_k summed over the voters
/// sorted by position (prefix_t), and `below`/`at_or_below` the voters below/at or below the
/// midpoint, for u_a < u_b:
///   tally(a, b) = prefix_b[below] - prefix_a[below]
///   tally(b, a) = (total_a - prefix_a[at_or_below]) - (total_b - prefix_b[at_or_below]).
/// Every prefix is the same left-to-right sum whichever pair asks for it, so the values are those
/// of a full table, bit for bit. Construction sums every total_t: O(n m).
/// The powers are std::pow's, or fast_pow's with `fast` (precision=fast: not KTAB's bits). With
/// `fast` a prefix restarts from 0 at every chunk of kChunk voters, on top of the chunk's prefix
/// kept from construction: the sweeps then start at the chunk they need, not at voter 0, and the
/// construction's one pass over the voters gives the totals and the spread too.
class Tally {
 public:
  /// Voters per chunk: of Tally::spread's sum, and of precision=fast's prefixes.
  static constexpr std::size_t kChunk = 64;

  /// `most_prefixes`: how many column prefixes a block of rows may keep before it is cut into
  /// fewer rows (tests make it small).
  Tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent, double range, bool fast = false,
        std::size_t most_prefixes = std::size_t{1} << 22);

  /// Calls visit(a, row, col) for a = begin .. end - 1 in order with row[b] = tally(a, b) and
  /// col[b] = tally(b, a) (0 at b == a). O(n m) terms per call whatever its length (one running
  /// prefix per position, each moving only forward), O(n + m) memory.
  void rows(std::size_t begin, std::size_t end, const RowVisit& visit) const;

  std::size_t m() const { return u_.size(); }
  std::size_t n() const { return xs_.size(); }
  bool fast() const { return fast_; }
  /// The largest total_t: no tally(a, b) exceeds it (tally(a, b) sums part of total_b's terms).
  double largest_total() const;
  /// precision=fast: tally(a, b) and tally(b, a) for a != b alone, the bits rows() gives them, in
  /// O(log n + kChunk) terms (the prefixes from the chunks' prefixes).
  void pair(std::size_t a, std::size_t b, double& ab, double& ba) const;

  /// precision=fast: sum_k sum_(a<b) count_a count_b |W^a_k - W^b_k|, that is half the all-pairs
  /// denominator, as the construction summed it: each voter's terms in order of distance (another
  /// order of summation than the rows'), voters in fixed chunks, then the chunks in order, so that
  /// the thread count changes no bit.
  double spread() const { return spread_; }

 private:
  class Columns;  // the column side of a block of rows (bdm_tally.cpp)

  /// precision=fast: one pass over the voters, in chunks of kChunk, gives the totals, the chunks'
  /// prefixes and the spread (bdm_tally_fast.cpp).
  void build_fast(const std::vector<std::size_t>& count);
  /// The voters k0, k0 + 1, ..., k0 + voters - 1's shares of the spread, side by side: each walks the positions outwards from x_k in rising
  /// order of its terms (a merge). Their rows of terms lie one after another in `rows`: m + 2 values each, w[1 + t] = W^t_k between
  /// infinite sentinels; `counts` holds count_t as doubles.
  template <std::size_t voters>
  void walks(std::size_t k0, const double* rows, const double* counts, double all, double* out) const;
  /// precision=fast: prefix_t[j] alone.
  double fast_prefix(std::size_t t, std::size_t j) const;
  /// precision=fast: out[j - lo] = prefix_t[j] for j in [lo, hi], from the chunk of lo.
  void fast_prefixes(std::size_t t, std::size_t lo, std::size_t hi, double* out, double* buffer) const;
  /// precision=fast: prefix_t[j] = chunk_prefix(j / kChunk, t) + the sum of the chunk's terms
  /// before j, taken from 0; every path to prefix_t[j] gives these bits.
  double chunk_prefix(std::size_t chunk, std::size_t t) const { return chunk_prefix_[chunk * u_.size() + t]; }

  /// tally(lo, up) and tally(up, lo) for positions u_lo < u_up, from their prefixes at the voters
  /// below and at or below the midpoint and their totals (the formulas above, clipped at 0): the
  /// one expression of rows() and pair().
  static std::pair<double, double> tallies(double lo_below, double up_below, double lo_at, double up_at, double lo_total, double up_total) {
    return {std::max(0.0, -lo_below + up_below), std::max(0.0, -(up_total - up_at) + (lo_total - lo_at))};
  }

  /// out[t] = W^t_k for every position t.
  void terms_by_position(std::size_t k, double* out) const;
  /// out[k - begin] = W^t_k for k in [begin, end): a batch at a time.
  void terms(std::size_t t, std::size_t begin, std::size_t end, double* out) const;

  std::vector<double> u_;             // distinct positions
  std::vector<double> xs_;            // voters' positions, ascending
  std::vector<double> w_;             // c s of the voters, in that order
  std::vector<double> rho_;           // their exponents (empty: all 1)
  std::vector<double> total_;         // total_t = prefix_t[n]
  std::vector<double> chunk_prefix_;  // precision=fast: (chunks + 1) x m, prefix_t[c kChunk] at c m + t
  double spread_ = 0;                 // precision=fast: spread() as the construction summed it
  double range_;
  bool fast_;
  std::size_t most_prefixes_;
};

/// P(a, b), the probability that the actor at u_a beats the one at u_b (0 when a == b):
/// all-pairs divides tally(a, b) by sum_k sum_(i,j) |v_k(x_i, x_j)| over every ordered pair of
/// actors (one pass over every row to sum it, in row order); pairwise by
/// tally(a, b) + tally(b, a) (1/2 each when every voter is indifferent).
class Probabilities {
 public:
  Probabilities(Tally tally, const Geometry& g, Probability rule);

  /// As Tally::rows, with P for the tally.
  void rows(std::size_t begin, std::size_t end, const RowVisit& visit) const;
  /// Every row at once, over the threads, in blocks of rows: visit must be safe to call
  /// concurrently for different a.
  void all_rows(const RowVisit& visit) const;
  /// The whole m x m table (for tests and small cases).
  std::vector<double> table() const;

  std::size_t m() const { return tally_.m(); }
  /// No P(a, b) exceeds this (all-pairs: the largest total over the denominator, with room for
  /// rounding; pairwise: 1).
  double bound() const;
  /// precision=fast: P(a, b) and P(b, a) for a != b alone, the bits rows() gives them.
  void pair(std::size_t a, std::size_t b, double& ab, double& ba) const;

 private:
  Tally tally_;
  std::vector<std::size_t> count_;
  Probability rule_;
  double denominator_ = 0;
};

}  // namespace parley::models::bdm
