#include "parley/sensitivity.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "analysis/philox.hpp"
#include "core/not_a_number.hpp"
#include "core/parallel.hpp"

namespace parley {

namespace {

constexpr std::uint32_t kStreamA = 2, kStreamB = 3, kStreamBootstrap = 4;

/// The estimates for one output and factor from the rows in `rows`.
struct Sums {
  double first = 0, total = 0;
  std::size_t n = 0;
};

}  // namespace

bool interactions_dominate(const SobolIndex& x) {
  return !std::isnan(x.first) && !std::isnan(x.total) && x.total > 2 * std::max(x.first, 0.0) + 0.05;
}

namespace {

/// Row `row` of the Sobol design as a point of the unit hypercube: A, B, or A with column i from B.
void sobol_point(const analysis::CounterStream& stream_a, const analysis::CounterStream& stream_b, std::size_t d, std::size_t row,
                 std::vector<double>& a, std::vector<double>& b, std::size_t& loaded, double* u) {
  const std::size_t rows_per_sample = d + 2, j = row / rows_per_sample, r = row % rows_per_sample;
  if (j != loaded) {
    stream_a.fill(j, d, a.data());
    stream_b.fill(j, d, b.data());
    loaded = j;
  }
  const std::vector<double>& from = r == 1 ? b : a;
  std::copy(from.begin(), from.end(), u);
  if (r >= 2) u[r - 2] = b[r - 2];
}

}  // namespace

SobolResult sobol_indices(std::size_t d, std::size_t m, const SobolOptions& o,
                          const std::function<void(unsigned, const double*, double*)>& model) {
  const std::size_t N = o.samples, rows_per_sample = d + 2;
  // y[(j * (d + 2) + r) * m + out]: r = 0 for A, 1 for B, 2 + i for A with column i from B.
  std::vector<double> y(N * rows_per_sample * m);
  const analysis::CounterStream stream_a(o.seed, kStreamA), stream_b(o.seed, kStreamB);
  std::atomic<unsigned> next_thread{0};
  parallel_blocks(
      N * rows_per_sample,
      [&](std::size_t begin, std::size_t end) {
        const SerialModelsScope serial;
        const unsigned thread = next_thread++;
        std::vector<double> a(d), b(d), u(d);
        std::size_t loaded = static_cast<std::size_t>(-1);
        for (std::size_t row = begin; row < end; ++row) {
          sobol_point(stream_a, stream_b, d, row, a, b, loaded, u.data());
          model(thread, u.data(), y.data() + row * m);
        }
      },
      1, std::max(1u, o.threads));
  return sobol_estimate(d, m, o, y);
}

SobolResult sobol_estimate(std::size_t d, std::size_t m, const SobolOptions& o, const std::vector<double>& y) {
  const std::size_t N = o.samples, rows_per_sample = d + 2;
  if (y.size() != N * rows_per_sample * m) throw std::invalid_argument("sobol_estimate: the outputs are not samples x (factors + 2) rows");
  SobolResult res;
  res.factors = d;
  res.outputs = m;
  res.samples = N;
  res.variance.assign(m, kNaN);
  res.index.assign(m * d, SobolIndex{kNaN, kNaN, kNaN, kNaN});
  auto at = [&](std::size_t j, std::size_t r, std::size_t out) { return y[(j * rows_per_sample + r) * m + out]; };
  // The same bootstrap resamples of the N rows serve every output and factor.
  const analysis::CounterStream boot(o.seed, kStreamBootstrap);
  std::vector<std::size_t> picks(o.bootstrap * N);
  for (std::size_t b = 0; b < o.bootstrap; ++b)
    for (std::size_t k = 0; k < N; ++k) picks[b * N + k] = static_cast<std::size_t>(boot.uniform(b, k) * static_cast<double>(N)) % N;
  for (std::size_t out = 0; out < m; ++out) {
    // Variance of f over the A and B rows.
    double sum = 0, sum2 = 0;
    std::size_t n = 0;
    for (std::size_t j = 0; j < N; ++j)
      for (std::size_t r = 0; r < 2; ++r)
        if (const double v = at(j, r, out); !std::isnan(v)) {
          sum += v;
          sum2 += v * v;
          ++n;
        }
    if (n < 2) continue;
    const double mean = sum / static_cast<double>(n);
    const double var = (sum2 - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1);
    res.variance[out] = var;
    if (!(var > 1e-14 * std::max(1.0, mean * mean))) continue;
    auto estimate = [&](std::size_t i, const std::size_t* rows, std::size_t count) {
      Sums s;
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t j = rows ? rows[k] : k;
        // Centred on the mean, which leaves the estimators' expectations unchanged and cuts
        // their variance when the mean is large against the spread.
        const double fa = at(j, 0, out) - mean, fb = at(j, 1, out) - mean, fab = at(j, 2 + i, out) - mean;
        if (std::isnan(fa) || std::isnan(fb) || std::isnan(fab)) continue;
        s.first += fb * (fab - fa);          // Saltelli et al. (2010), eq. (b) of table 2
        s.total += (fa - fab) * (fa - fab);  // Jansen (1999)
        ++s.n;
      }
      const double nn = static_cast<double>(std::max<std::size_t>(1, s.n));
      return std::pair{s.first / nn / var, s.total / (2 * nn) / var};
    };
    for (std::size_t i = 0; i < d; ++i) {
      SobolIndex& idx = res.index[out * d + i];
      std::tie(idx.first, idx.total) = estimate(i, nullptr, N);
      if (o.bootstrap < 2) continue;
      double f1 = 0, f2 = 0, t1 = 0, t2 = 0;
      for (std::size_t b = 0; b < o.bootstrap; ++b) {
        const auto [f, t] = estimate(i, picks.data() + b * N, N);
        f1 += f;
        f2 += f * f;
        t1 += t;
        t2 += t * t;
      }
      const double B = static_cast<double>(o.bootstrap);
      idx.first_error = 1.959963984540054 * std::sqrt(std::max(0.0, (f2 - f1 * f1 / B) / (B - 1)));
      idx.total_error = 1.959963984540054 * std::sqrt(std::max(0.0, (t2 - t1 * t1 / B) / (B - 1)));
    }
  }
  return res;
}

SobolResult scenario_sobol_indices(const SweepSetup& setup, const SobolOptions& options) {
  const std::size_t d = setup.inputs();
  std::vector<DrawEvaluator> evaluators;
  for (unsigned t = 0; t < std::max(1u, options.threads); ++t) evaluators.emplace_back(setup);
  std::vector<std::vector<double>> values(evaluators.size(), std::vector<double>(d));
  return sobol_indices(d, setup.issues() + setup.classes(), options, [&](unsigned thread, const double* u, double* y) {
    for (std::size_t k = 0; k < d; ++k) values[thread][k] = setup.sampler().inputs()[k].quantile(u[k]);
    evaluators[thread].evaluate_outputs(values[thread].data(), y);
  });
}

std::vector<TornadoBar> tornado(const SweepSetup& setup, std::vector<double>& base, unsigned threads) {
  const auto& inputs = setup.sampler().inputs();
  const std::size_t d = inputs.size(), outputs = setup.issues() + setup.classes();
  std::vector<double> point(d);
  for (std::size_t k = 0; k < d; ++k) point[k] = inputs[k].distribution.point_value();
  auto run = [&](DrawEvaluator& ev, std::vector<double>& values, std::vector<double>& out) {
    out.assign(outputs, kNaN);
    ev.evaluate_outputs(values.data(), out.data());
  };
  {
    DrawEvaluator ev(setup);
    std::vector<double> values = point;
    run(ev, values, base);
  }
  std::vector<TornadoBar> bars(d);
  parallel_blocks(
      d,
      [&](std::size_t begin, std::size_t end) {
        const SerialModelsScope serial;
        DrawEvaluator ev(setup);
        std::vector<double> values = point;
        for (std::size_t k = begin; k < end; ++k) {
          TornadoBar& bar = bars[k];
          bar.input = k;
          bar.low_value = inputs[k].quantile(0.05);
          bar.high_value = inputs[k].quantile(0.95);
          values[k] = bar.low_value;
          run(ev, values, bar.low);
          values[k] = bar.high_value;
          run(ev, values, bar.high);
          values[k] = point[k];
        }
      },
      2, std::max(1u, threads));
  return bars;
}

std::uint64_t SensitivityDesign::sobol_rows(std::size_t inputs) const { return sobol ? samples * (inputs + 2) : 0; }

std::uint64_t SensitivityDesign::rows(std::size_t inputs) const { return sobol_rows(inputs) + (tornado ? 2 * inputs + 1 : 0); }

namespace {

/// Fills the input values of consecutive rows: the Sobol design's points (kept between calls, as
/// consecutive rows share a sample), then the tornado's.
class RowInputs {
 public:
  RowInputs(const SweepSetup& setup, const SensitivityDesign& design)
      : setup_(setup),
        design_(design),
        d_(setup.inputs()),
        a_(d_),
        b_(d_),
        u_(d_),
        stream_a_(design.seed, kStreamA),
        stream_b_(design.seed, kStreamB) {}
  void fill(std::uint64_t row, double* values) {
    const auto& inputs = setup_.sampler().inputs();
    const std::uint64_t sobol = design_.sobol_rows(d_);
    if (row < sobol) {
      sobol_point(stream_a_, stream_b_, d_, static_cast<std::size_t>(row), a_, b_, loaded_, u_.data());
      for (std::size_t k = 0; k < d_; ++k) values[k] = inputs[k].quantile(u_[k]);
      return;
    }
    const std::uint64_t t = row - sobol;  // 0: the point values; 1 + 2k, 2 + 2k: input k low, high
    for (std::size_t k = 0; k < d_; ++k) values[k] = inputs[k].distribution.point_value();
    if (t == 0) return;
    const std::size_t k = static_cast<std::size_t>((t - 1) / 2);
    values[k] = inputs[k].quantile((t - 1) % 2 == 0 ? 0.05 : 0.95);
  }

 private:
  const SweepSetup& setup_;
  const SensitivityDesign& design_;
  std::size_t d_;
  std::vector<double> a_, b_, u_;
  std::size_t loaded_ = static_cast<std::size_t>(-1);
  analysis::CounterStream stream_a_, stream_b_;
};

}  // namespace

std::uint64_t evaluate_sensitivity_rows(const SweepSetup& setup, const SensitivityDesign& design, const std::vector<DrawRange>& todo,
                                        const SweepControl& control, const std::function<void(const DrawChunk&)>& sink) {
  std::vector<std::uint64_t> rows;
  for (const DrawRange& r : todo)
    for (std::uint64_t row = r.first; row < r.last; ++row) rows.push_back(row);
  std::mutex mutex;
  std::uint64_t done = 0;
  const auto stopping = [&] { return control.stop && control.stop->load(); };
  parallel_blocks(
      rows.size(),
      [&](std::size_t begin, std::size_t end) {
        const SerialModelsScope serial;
        DrawEvaluator evaluator(setup);
        RowInputs inputs(setup, design);
        constexpr std::size_t kChunk = 64;
        for (std::size_t at = begin; at < end && !stopping(); at += kChunk) {
          DrawChunk chunk;
          const std::size_t n = std::min(kChunk, end - at);
          chunk.inputs.resize(n * setup.inputs());
          chunk.outcomes.resize(n * setup.issues());
          chunk.classes.resize(n * setup.classes());
          for (std::size_t k = 0; k < n && !stopping(); ++k) {
            double* values = chunk.inputs.data() + k * setup.inputs();
            inputs.fill(rows[at + k], values);
            evaluator.evaluate(values, chunk.outcomes.data() + k * setup.issues(), chunk.classes.data() + k * setup.classes());
            chunk.draws.push_back(rows[at + k]);
          }
          const std::size_t got = chunk.size();
          chunk.inputs.resize(got * setup.inputs());
          chunk.outcomes.resize(got * setup.issues());
          chunk.classes.resize(got * setup.classes());
          if (got == 0) break;
          std::lock_guard lock(mutex);
          sink(chunk);
          done += got;
        }
      },
      1, std::max(1u, control.threads));
  return done;
}

std::vector<TornadoBar> tornado_from_rows(const SweepSetup& setup, const double* y, std::vector<double>& base) {
  const auto& inputs = setup.sampler().inputs();
  const std::size_t d = inputs.size(), m = setup.issues() + setup.classes();
  base.assign(y, y + m);
  std::vector<TornadoBar> bars(d);
  for (std::size_t k = 0; k < d; ++k) {
    TornadoBar& bar = bars[k];
    bar.input = k;
    bar.low_value = inputs[k].quantile(0.05);
    bar.high_value = inputs[k].quantile(0.95);
    bar.low.assign(y + (1 + 2 * k) * m, y + (2 + 2 * k) * m);
    bar.high.assign(y + (2 + 2 * k) * m, y + (3 + 2 * k) * m);
  }
  return bars;
}

}  // namespace parley
