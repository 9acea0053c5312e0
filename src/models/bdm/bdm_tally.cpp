#include "models/bdm/bdm_tally.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/parallel.hpp"

namespace parley::models::bdm {

namespace {

/// prefix_t[index] of one position t, moving only forward.
struct Running {
  std::size_t index = 0;
  double value = 0;
};

/// Fewer terms than this run on one thread.
constexpr std::size_t kParallelTerms = 20000;

}  // namespace

Tally::Tally(const std::vector<Actor>& actors, const Geometry& g, const std::vector<double>& exponent, double range)
    : u_(g.u), range_(range) {
  for (std::size_t voter : g.by_position) {
    xs_.push_back(actors[voter].x);
    w_.push_back(actors[voter].c * actors[voter].s);
    if (!exponent.empty()) rho_.push_back(exponent[voter]);
  }
  const std::size_t n = xs_.size(), m = u_.size();
  total_.assign(m, 0.0);
  parallel_blocks(
      m,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t t = begin; t < end; ++t) {
          double sum = 0;
          for (std::size_t k = 0; k < n; ++k) sum += term(k, t);
          total_[t] = sum;
        }
      },
      n * m >= kParallelTerms ? 2 : m + 1);
}

double Tally::term(std::size_t k, std::size_t t) const {
  const double d = std::fabs(xs_[k] - u_[t]) / range_;
  const double rho = rho_.empty() ? 1.0 : rho_[k];
  return w_[k] * (rho == 1.0 ? d : std::pow(d, rho));
}

void Tally::rows(std::size_t begin, std::size_t end, const RowVisit& visit) const {
  const std::size_t n = xs_.size(), m = u_.size();
  std::vector<Running> running(m);
  std::vector<double> prefix(n + 1), row(m), col(m);
  // prefix_t[k] for position t, from its running sum (or afresh in the rare case where rounding
  // makes two midpoints equal and a later pair asks for an earlier index).
  auto prefix_of = [&](std::size_t t, std::size_t k) {
    Running& r = running[t];
    if (k < r.index) {
      Running fresh;
      while (fresh.index < k) fresh.value += term(fresh.index++, t);
      return fresh.value;
    }
    while (r.index < k) r.value += term(r.index++, t);
    return r.value;
  };
  for (std::size_t a = begin; a < end; ++a) {
    prefix[0] = 0;
    for (std::size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + term(k, a);
    const double total_a = prefix[n];
    std::size_t below = 0, at_or_below = 0;  // voters below / at or below the midpoint, rising with b
    for (std::size_t b = 0; b < m; ++b) {
      if (b == a) {
        row[b] = col[b] = 0;
        continue;
      }
      const double mid = 0.5 * (u_[a] + u_[b]);
      while (below < n && xs_[below] < mid) ++below;
      at_or_below = std::max(at_or_below, below);
      while (at_or_below < n && xs_[at_or_below] <= mid) ++at_or_below;
      const double other_below = prefix_of(b, below), other_at_or_below = prefix_of(b, at_or_below);
      if (b < a) {
        col[b] = std::max(0.0, -other_below + prefix[below]);
        row[b] = std::max(0.0, -(total_a - prefix[at_or_below]) + (total_[b] - other_at_or_below));
      } else {
        row[b] = std::max(0.0, -prefix[below] + other_below);
        col[b] = std::max(0.0, -(total_[b] - other_at_or_below) + (total_a - prefix[at_or_below]));
      }
    }
    visit(a, row, col);
  }
}

Probabilities::Probabilities(Tally tally, const Geometry& g, Probability rule) : tally_(std::move(tally)), count_(g.count), rule_(rule) {
  if (rule_ != Probability::all_pairs) return;
  // One pass in row order, summing as a table would be summed.
  double denominator = 0;
  tally_.rows(0, m(), [&](std::size_t a, const std::vector<double>& row, const std::vector<double>& col) {
    for (std::size_t b = 0; b < row.size(); ++b) denominator += static_cast<double>(count_[a] * count_[b]) * (row[b] + col[b]);
  });
  denominator_ = denominator;
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
