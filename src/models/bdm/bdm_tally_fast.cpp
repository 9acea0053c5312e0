// precision=fast's side of the tally (bdm_tally.hpp): one pass over the voters in chunks gives the
// totals, each chunk's prefix at every position and the spread; a prefix is then a chunk's prefix
// plus a partial sum from the chunk's first voter, so a sweep starts at the chunk it needs.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/parallel.hpp"
#include "models/bdm/bdm_tally.hpp"

namespace parley::models::bdm {

void Tally::build_fast(const std::vector<std::size_t>& count) {
  const std::size_t n = xs_.size(), m = u_.size(), chunks = (n + kChunk - 1) / kChunk;
  double all = 0;
  for (std::size_t t = 0; t < m; ++t) all += static_cast<double>(count[t]);
  // Row c + 1 first holds chunk c's sums, each from 0 in voter order (a chunk's partial sums end
  // there, bit for bit); the prefixes follow in chunk order.
  chunk_prefix_.assign((chunks + 1) * m, 0.0);
  std::vector<double> part(chunks, 0.0);
  parallel_blocks(
      chunks,
      [&](std::size_t begin, std::size_t end) {
        std::vector<double> w(m + 2, HUGE_VAL);  // between two infinite sentinels, as walk() reads it
        for (std::size_t c = begin; c < end; ++c) {
          double* sum = &chunk_prefix_[(c + 1) * m];
          for (std::size_t k = c * kChunk; k < std::min(n, (c + 1) * kChunk); ++k) {
            terms_by_position(k, w.data() + 1);
            for (std::size_t t = 0; t < m; ++t) sum[t] += w[t + 1];
            part[c] += walk(k, w.data(), count, all);
          }
        }
      },
      n * m >= 20000 ? 2 : chunks + 1);
  for (std::size_t c = 1; c <= chunks; ++c)
    for (std::size_t t = 0; t < m; ++t) chunk_prefix_[c * m + t] += chunk_prefix_[(c - 1) * m + t];
  total_.assign(chunk_prefix_.end() - static_cast<std::ptrdiff_t>(m), chunk_prefix_.end());
  spread_ = 0;
  for (double x : part) spread_ += x;
}

void Tally::fast_prefixes(std::size_t t, std::size_t lo, std::size_t hi, double* out, double* buffer) const {
  const std::size_t start = lo / kChunk * kChunk;
  terms(t, start, hi, buffer);
  double partial = 0;
  for (std::size_t j = start; j < lo; ++j) partial += buffer[j - start];
  out[0] = chunk_prefix(lo / kChunk, t) + partial;
  for (std::size_t j = lo; j < hi; ++j) {
    partial = (j + 1) % kChunk == 0 ? 0.0 : partial + buffer[j - start];
    out[j + 1 - lo] = chunk_prefix((j + 1) / kChunk, t) + partial;
  }
}

double Tally::fast_prefix(std::size_t t, std::size_t j) const {
  const std::size_t start = j / kChunk * kChunk;
  std::array<double, kChunk> buffer;
  terms(t, start, j, buffer.data());
  double partial = 0;
  for (std::size_t k = start; k < j; ++k) partial += buffer[k - start];
  return chunk_prefix(j / kChunk, t) + partial;
}

void Tally::pair(std::size_t a, std::size_t b, double& ab, double& ba) const {
  // The midpoint, the counts and the expressions of rows(), in row a or row b alike.
  const double mid = 0.5 * (u_[a] + u_[b]);
  const std::size_t below = static_cast<std::size_t>(std::lower_bound(xs_.begin(), xs_.end(), mid) - xs_.begin());
  const std::size_t at_or_below = static_cast<std::size_t>(std::upper_bound(xs_.begin(), xs_.end(), mid) - xs_.begin());
  const double a_below = fast_prefix(a, below), b_below = fast_prefix(b, below);
  const double a_at = at_or_below == below ? a_below : fast_prefix(a, at_or_below);
  const double b_at = at_or_below == below ? b_below : fast_prefix(b, at_or_below);
  if (u_[a] < u_[b]) {
    ab = std::max(0.0, -a_below + b_below);
    ba = std::max(0.0, -(total_[b] - b_at) + (total_[a] - a_at));
  } else {
    ba = std::max(0.0, -b_below + a_below);
    ab = std::max(0.0, -(total_[a] - a_at) + (total_[b] - b_at));
  }
}

void Probabilities::pair(std::size_t a, std::size_t b, double& ab, double& ba) const {
  double row = 0, col = 0;
  tally_.pair(a, b, row, col);
  if (rule_ == Probability::all_pairs) {
    ab = denominator_ <= 0 ? 0.0 : row / denominator_;
    ba = denominator_ <= 0 ? 0.0 : col / denominator_;
  } else {
    const double both = row + col, both_back = col + row;
    ab = both > 0 ? row / both : 0.5;
    ba = both_back > 0 ? col / both_back : 0.5;
  }
}

}  // namespace parley::models::bdm
