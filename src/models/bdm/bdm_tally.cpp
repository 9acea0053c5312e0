#include "models/bdm/bdm_tally.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "core/parallel.hpp"
#include "models/fast_pow.hpp"

namespace parley::models::bdm {

namespace {

/// Fewer terms than this run on one thread.
constexpr std::size_t kParallelTerms = 20000;
/// Rows per block.
constexpr std::size_t kBlockRows = 32;
/// Terms per batch when a running prefix moves forward.
constexpr std::size_t kBatch = 256;

}  // namespace

/// The column side of a block of rows [a0, a1): for every pair (a, b), the voters below and at or
/// below the midpoint of u_a and u_b; for every column b, prefix_b[k] for each k the block asks
/// for (k in [lo_b, hi_b]), summed on from a running prefix that only moves forward (the midpoint,
/// and so both counts, rise with a). Every prefix is the same left-to-right sum as a row's own.
class Tally::Columns {
 public:
  explicit Columns(const Tally& tally)
      : t_(tally), n_(tally.n()), m_(tally.m()), lo_(m_), offset_(m_ + 1), buffer_(n_ + 1), run_index_(m_, 0), run_value_(m_, 0.0) {
    xs_padded_.assign(tally.xs_.begin(), tally.xs_.end());
    xs_padded_.push_back(HUGE_VAL);
  }

  /// Prepares the rows [a0, a1) for an a1 <= end, and returns a1: kBlockRows rows, or fewer when
  /// their prefixes would exceed the tally's most_prefixes values (never fewer than one).
  std::size_t prepare(std::size_t a0, std::size_t end) {
    a0_ = a0;
    std::size_t rows = std::min(kBlockRows, end - a0);
    while (!count(rows) && rows > 1) rows = (rows + 1) / 2;
    sum_prefixes(rows);
    return a0 + rows;
  }
  const std::size_t* below(std::size_t a) const { return &below_[(a - a0_) * m_]; }
  const std::size_t* at_or_below(std::size_t a) const { return &at_or_below_[(a - a0_) * m_]; }
  /// prefix_b[k] for a k that the block asks for.
  double prefix(std::size_t b, std::size_t k) const { return segment_[offset_[b] + (k - lo_[b])]; }

 private:
  /// Counts the voters below / at or below every midpoint of the block's rows; false when the
  /// prefixes would take more than most_prefixes values.
  bool count(std::size_t rows) {
    below_.resize(rows * m_), at_or_below_.resize(rows * m_);
    const double* xs = xs_padded_.data();  // xs[n] is infinite: no bound checks
    midpoint_counts(xs, t_.u_, a0_, nullptr, nullptr, below_.data(), at_or_below_.data());
    for (std::size_t r = 1; r < rows; ++r)
      midpoint_counts(xs, t_.u_, a0_ + r, &below_[(r - 1) * m_], &at_or_below_[(r - 1) * m_], &below_[r * m_], &at_or_below_[r * m_]);
    std::size_t size = 0;
    for (std::size_t b = 0; b < m_; ++b) {
      const std::size_t hi = at_or_below_[(rows - 1) * m_ + b];
      lo_[b] = below_[b];
      offset_[b] = size;
      size += hi - lo_[b] + 1;
    }
    offset_[m_] = size;
    return size <= t_.most_prefixes_;
  }

  /// Moves every column's running prefix to lo_b and sums on to hi_b; leaves it at the last row's
  /// count below (the next block asks for nothing lower).
  void sum_prefixes(std::size_t rows) {
    segment_.resize(offset_[m_]);
    if (t_.fast_) return sum_fast_prefixes(rows);
    for (std::size_t b = 0; b < m_; ++b) {
      const std::size_t lo = lo_[b], hi = lo + (offset_[b + 1] - offset_[b]) - 1;
      if (lo < run_index_[b]) run_index_[b] = 0, run_value_[b] = 0;  // afresh (never, barring rounding)
      double value = run_value_[b];
      for (std::size_t k = run_index_[b]; k < lo;) {
        const std::size_t stop = std::min(lo, k + kBatch);
        t_.terms(b, k, stop, buffer_.data());
        for (std::size_t i = 0; i < stop - k; ++i) value += buffer_[i];
        k = stop;
      }
      double* out = &segment_[offset_[b]];
      out[0] = value;
      t_.terms(b, lo, hi, buffer_.data());
      for (std::size_t k = lo; k < hi; ++k) out[k - lo + 1] = value = value + buffer_[k - lo];
      run_index_[b] = below_[(rows - 1) * m_ + b];
      run_value_[b] = out[run_index_[b] - lo];
    }
  }

  /// As sum_prefixes, with precision=fast's prefixes: a column's running partial sum jumps to the
  /// chunk of lo_b when it is behind it, and restarts at every chunk.
  void sum_fast_prefixes(std::size_t rows) {
    for (std::size_t b = 0; b < m_; ++b) {
      const std::size_t lo = lo_[b], hi = lo + (offset_[b + 1] - offset_[b]) - 1, keep = below_[(rows - 1) * m_ + b];
      std::size_t k = run_index_[b];
      double partial = run_value_[b];
      if (lo < k || lo / kChunk != k / kChunk) k = lo / kChunk * kChunk, partial = 0;
      t_.terms(b, k, lo, buffer_.data());
      for (std::size_t i = 0; i < lo - k; ++i) partial += buffer_[i];
      double* out = &segment_[offset_[b]];
      out[0] = t_.chunk_prefix(lo / kChunk, b) + partial;
      if (keep == lo) run_value_[b] = partial;
      t_.terms(b, lo, hi, buffer_.data());
      for (std::size_t j = lo; j < hi; ++j) {
        partial = (j + 1) % kChunk == 0 ? 0.0 : partial + buffer_[j - lo];
        out[j + 1 - lo] = t_.chunk_prefix((j + 1) / kChunk, b) + partial;
        if (keep == j + 1) run_value_[b] = partial;
      }
      run_index_[b] = keep;
    }
  }

  const Tally& t_;
  std::size_t n_, m_, a0_ = 0;
  std::vector<std::size_t> below_, at_or_below_, lo_, offset_;
  std::vector<double> segment_, buffer_, xs_padded_;
  std::vector<std::size_t> run_index_;
  std::vector<double> run_value_;
};

Tally::Tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent, double range, bool fast,
             std::size_t most_prefixes)
    : u_(g.u), range_(range), fast_(fast), most_prefixes_(most_prefixes) {
  for (std::size_t voter : g.by_position) {
    xs_.push_back(actors[voter].x);
    w_.push_back(actors[voter].c * actors[voter].s);
    if (!exponent.empty()) rho_.push_back(exponent[voter]);
  }
  const std::size_t n = xs_.size(), m = u_.size();
  if (fast_) {
    build_fast(g.count);
    return;
  }
  total_.assign(m, 0.0);
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> w(n);
        for (std::size_t t = begin; t < end; ++t) {
          terms(t, 0, n, w.data());
          double sum = 0;
          for (std::size_t k = 0; k < n; ++k) sum += w[k];
          total_[t] = sum;
        }
      },
      n * m >= kParallelTerms ? 2 : m + 1);
}

void Tally::terms(std::size_t t, std::size_t begin, std::size_t end, double* out) const {
  const double ut = u_[t];
  for (std::size_t k = begin; k < end; ++k) out[k - begin] = std::fabs(xs_[k] - ut) / range_;
  if (!rho_.empty()) power_in_place(out, rho_.data() + begin, 1.0, end - begin, fast_);
  for (std::size_t k = begin; k < end; ++k) out[k - begin] = w_[k] * out[k - begin];
}

void Tally::rows(std::size_t begin, std::size_t end, const RowVisit& visit) const {
  const std::size_t n = xs_.size(), m = u_.size();
  Columns columns(*this);
  std::vector<double> prefix(n + 1), row(m), col(m), w(n);
  for (std::size_t a0 = begin; a0 < end;) {
    const std::size_t a1 = columns.prepare(a0, end);
    for (std::size_t a = a0; a < a1; ++a) {
      const std::size_t* below_of = columns.below(a);
      const std::size_t* at_or_below_of = columns.at_or_below(a);
      if (fast_) {
        fast_prefixes(a, below_of[0], at_or_below_of[m - 1], prefix.data() + below_of[0], w.data());
      } else {
        prefix[0] = 0;
        terms(a, 0, n, w.data());
        for (std::size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + w[k];
      }
      const double total_a = total_[a];
      for (std::size_t b = 0; b < a; ++b) {  // u_b < u_a
        const std::size_t below = below_of[b], at_or_below = at_or_below_of[b];
        const double other_below = columns.prefix(b, below), other_at_or_below = columns.prefix(b, at_or_below);
        std::tie(col[b], row[b]) = tallies(other_below, prefix[below], other_at_or_below, prefix[at_or_below], total_[b], total_a);
      }
      row[a] = col[a] = 0;
      for (std::size_t b = a + 1; b < m; ++b) {  // u_a < u_b
        const std::size_t below = below_of[b], at_or_below = at_or_below_of[b];
        const double other_below = columns.prefix(b, below), other_at_or_below = columns.prefix(b, at_or_below);
        std::tie(row[b], col[b]) = tallies(prefix[below], other_below, prefix[at_or_below], other_at_or_below, total_a, total_[b]);
      }
      visit(a, row, col);
    }
    a0 = a1;
  }
}

void Tally::terms_by_position(std::size_t k, double* out) const {
  const std::size_t m = u_.size();
  for (std::size_t t = 0; t < m; ++t) out[t] = std::fabs(xs_[k] - u_[t]) / range_;
  power_in_place(out, nullptr, rho_.empty() ? 1.0 : rho_[k], m, fast_);
  for (std::size_t t = 0; t < m; ++t) out[t] = w_[k] * out[t];
}

Probabilities::Probabilities(Tally tally, const Geometry& g, Probability rule) : tally_(std::move(tally)), count_(g.count), rule_(rule) {
  if (rule_ != Probability::all_pairs) return;
  if (tally_.fast()) {
    denominator_ = 2 * tally_.spread();
    return;
  }
  // One pass in row order, summing as a table would be summed.
  double denominator = 0;
  tally_.rows(0, m(), [&](std::size_t a, const std::vector<double>& row, const std::vector<double>& col) {
    for (std::size_t b = 0; b < row.size(); ++b) denominator += static_cast<double>(count_[a] * count_[b]) * (row[b] + col[b]);
  });
  denominator_ = denominator;
}

double Tally::largest_total() const { return total_.empty() ? 0.0 : *std::max_element(total_.begin(), total_.end()); }

double Probabilities::bound() const {
  if (rule_ != Probability::all_pairs) return 1;
  return denominator_ <= 0 ? 0.0 : tally_.largest_total() / denominator_ * (1 + 1e-9);
}

void Probabilities::rows(std::size_t begin, std::size_t end, const RowVisit& visit) const {
  std::vector<double> p_row(m()), p_col(m());
  tally_.rows(begin, end, [&](std::size_t a, const std::vector<double>& row, const std::vector<double>& col) {
    for (std::size_t b = 0; b < row.size(); ++b) {
      if (b == a) {
        p_row[b] = p_col[b] = 0;
      } else if (rule_ == Probability::all_pairs) {
        p_row[b] = denominator_ <= 0 ? 0.0 : row[b] / denominator_;
        p_col[b] = denominator_ <= 0 ? 0.0 : col[b] / denominator_;
      } else {
        const double both = row[b] + col[b], both_back = col[b] + row[b];
        p_row[b] = both > 0 ? row[b] / both : 0.5;
        p_col[b] = both_back > 0 ? col[b] / both_back : 0.5;
      }
    }
    visit(a, p_row, p_col);
  });
}

void Probabilities::all_rows(const RowVisit& visit) const {
  parallel_blocks(
      m(), [&](std::size_t begin, std::size_t end) { rows(begin, end, visit); }, tally_.n() * m() >= kParallelTerms ? 2 : m() + 1);
}

std::vector<double> Probabilities::table() const {
  const std::size_t size = m();
  std::vector<double> out(size * size);
  rows(0, size, [&](std::size_t a, const std::vector<double>& row, const std::vector<double>&) {
    std::copy(row.begin(), row.end(), out.begin() + static_cast<std::ptrdiff_t>(a * size));
  });
  return out;
}

}  // namespace parley::models::bdm
