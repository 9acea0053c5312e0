// precision=fast's side of the tally (bdm_tally.hpp): one pass over the voters in chunks gives the
// totals, each chunk's prefix at every position and the spread; a prefix is then a chunk's prefix
// plus a partial sum from the chunk's first voter, so a sweep starts at the chunk it needs.
#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "core/parallel.hpp"
#include "models/bdm/bdm_tally.hpp"

namespace parley::models::bdm {

namespace {

/// Voters whose walks (Tally::walks) run side by side: each sum is taken in its own order, and the
/// chains of dependent loads of the four overlap.
constexpr std::size_t kWalks = 4;

}  // namespace

template <std::size_t voters>
void Tally::walks(std::size_t k0, const double* rows, const double* counts, double all, double* out) const {
  const std::size_t m = u_.size();
  std::size_t left[voters], right[voters];
  double before[voters], sum[voters];
  const double* w[voters];
  for (std::size_t v = 0; v < voters; ++v) {
    w[v] = rows + v * (m + 2);
    right[v] = static_cast<std::size_t>(std::lower_bound(u_.begin(), u_.end(), xs_[k0 + v]) - u_.begin()) + 1, left[v] = right[v] - 1;
    before[v] = 0, sum[v] = 0;
  }
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t v = 0; v < voters; ++v) {
      const bool take_right = w[v][right[v]] < w[v][left[v]];
      const std::size_t t = take_right ? right[v] : left[v];
      const double c_t = counts[t - 1];
      sum[v] += c_t * w[v][t] * (2 * before[v] + c_t - all);
      before[v] += c_t;
      right[v] += take_right, left[v] -= !take_right;
    }
  for (std::size_t v = 0; v < voters; ++v) out[v] = sum[v];
}

void Tally::build_fast(const std::vector<std::size_t>& count) {
  const std::size_t n = xs_.size(), m = u_.size(), chunks = (n + kChunk - 1) / kChunk;
  std::vector<double> counts(m);  // count_t as doubles
  for (std::size_t t = 0; t < m; ++t) counts[t] = static_cast<double>(count[t]);
  double all = 0;
  for (std::size_t t = 0; t < m; ++t) all += counts[t];
  // Row c + 1 first holds chunk c's sums, each from 0 in voter order (a chunk's partial sums end
  // there, bit for bit); the prefixes follow in chunk order.
  chunk_prefix_.assign((chunks + 1) * m, 0.0);
  std::vector<double> part(chunks, 0.0);
  parallel_blocks(
      chunks,
      [&](std::size_t begin, std::size_t end) {
        // kWalks rows of terms, each between two infinite sentinels, as walks() reads them.
        std::vector<double> rows(kWalks * (m + 2), HUGE_VAL);
        for (std::size_t c = begin; c < end; ++c) {
          double* sum = &chunk_prefix_[(c + 1) * m];
          for (std::size_t k0 = c * kChunk; k0 < std::min(n, (c + 1) * kChunk); k0 += kWalks) {
            const std::size_t voters = std::min({kWalks, n - k0, (c + 1) * kChunk - k0});
            for (std::size_t v = 0; v < voters; ++v) {
              double* w = &rows[v * (m + 2)];
              terms_by_position(k0 + v, w + 1);
              for (std::size_t t = 0; t < m; ++t) sum[t] += w[t + 1];
            }
            double sums[kWalks];
            if (voters == kWalks)
              walks<kWalks>(k0, rows.data(), counts.data(), all, sums);
            else
              for (std::size_t v = 0; v < voters; ++v) walks<1>(k0 + v, &rows[v * (m + 2)], counts.data(), all, &sums[v]);
            for (std::size_t v = 0; v < voters; ++v) part[c] += sums[v];
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
  double out = 0;
  std::array<double, kChunk> buffer;
  fast_prefixes(t, j, j, &out, buffer.data());
  return out;
}

void Tally::pair(std::size_t a, std::size_t b, double& ab, double& ba) const {
  // The midpoint, the counts and the expressions of rows(), in row a or row b alike.
  const double mid = 0.5 * (u_[a] + u_[b]);
  const std::size_t below = static_cast<std::size_t>(std::lower_bound(xs_.begin(), xs_.end(), mid) - xs_.begin());
  const std::size_t at_or_below = static_cast<std::size_t>(std::upper_bound(xs_.begin(), xs_.end(), mid) - xs_.begin());
  const double a_below = fast_prefix(a, below), b_below = fast_prefix(b, below);
  const double a_at = at_or_below == below ? a_below : fast_prefix(a, at_or_below);
  const double b_at = at_or_below == below ? b_below : fast_prefix(b, at_or_below);
  if (u_[a] < u_[b])
    std::tie(ab, ba) = tallies(a_below, b_below, a_at, b_at, total_[a], total_[b]);
  else
    std::tie(ba, ab) = tallies(b_below, a_below, b_at, a_at, total_[b], total_[a]);
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
