#include "parley/sensitivity.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
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

void RunSpreader::operator()(std::size_t count, std::size_t width, const Compute& compute, double* out) const {
  if (spread)
    spread(count, width, compute, out);
  else if (count > 0)
    compute(0, count, out);
}

void sobol_rows(std::size_t d, std::size_t m, const SobolOptions& o, std::size_t begin, std::size_t end,
                const std::function<void(unsigned, const double*, double*)>& model, double* y) {
  const std::size_t rows_per_sample = d + 2;
  const analysis::CounterStream stream_a(o.seed, kStreamA), stream_b(o.seed, kStreamB);
  std::atomic<unsigned> next_thread{0};
  parallel_blocks(
      end - begin,
      [&](std::size_t first, std::size_t last) {
        const SerialModelsScope serial;
        const unsigned thread = next_thread++;
        std::vector<double> a(d), b(d), u(d);
        std::size_t loaded = static_cast<std::size_t>(-1);
        for (std::size_t row = begin + first; row < begin + last; ++row) {
          const std::size_t j = row / rows_per_sample, r = row % rows_per_sample;
          if (j != loaded) {
            stream_a.fill(j, d, a.data());
            stream_b.fill(j, d, b.data());
            loaded = j;
          }
          u = r == 1 ? b : a;
          if (r >= 2) u[r - 2] = b[r - 2];
          model(thread, u.data(), y + (row - begin) * m);
        }
      },
      1, std::max(1u, o.threads));
}

SobolResult sobol_indices(std::size_t d, std::size_t m, const SobolOptions& o,
                          const std::function<void(unsigned, const double*, double*)>& model) {
  // y[(j * (d + 2) + r) * m + out]: r = 0 for A, 1 for B, 2 + i for A with column i from B.
  std::vector<double> y(o.samples * (d + 2) * m);
  sobol_rows(d, m, o, 0, o.samples * (d + 2), model, y.data());
  return sobol_estimate(d, m, o, y);
}

SobolResult sobol_estimate(std::size_t d, std::size_t m, const SobolOptions& o, const std::vector<double>& y) {
  const std::size_t N = o.samples, rows_per_sample = d + 2;
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

SobolResult scenario_sobol_indices(const SweepSetup& setup, const SobolOptions& options, const RunSpreader& runs) {
  const std::size_t d = setup.inputs(), m = setup.issues() + setup.classes();
  std::vector<DrawEvaluator> evaluators;
  for (unsigned t = 0; t < std::max(1u, options.threads); ++t) evaluators.emplace_back(setup);
  std::vector<std::vector<double>> values(evaluators.size(), std::vector<double>(d));
  const auto model = [&](unsigned thread, const double* u, double* y) {
    for (std::size_t k = 0; k < d; ++k) values[thread][k] = setup.sampler().inputs()[k].quantile(u[k]);
    evaluators[thread].evaluate_outputs(values[thread].data(), y);
  };
  std::vector<double> y(runs.collects ? options.samples * (d + 2) * m : 0);
  runs(
      options.samples * (d + 2), m,
      [&](std::size_t begin, std::size_t end, double* out) { sobol_rows(d, m, options, begin, end, model, out); }, y.data());
  if (!runs.collects) return {};
  return sobol_estimate(d, m, options, y);
}

std::vector<TornadoBar> tornado(const SweepSetup& setup, std::vector<double>& base, unsigned threads, const RunSpreader& runs) {
  const auto& inputs = setup.sampler().inputs();
  const std::size_t d = inputs.size(), outputs = setup.issues() + setup.classes();
  std::vector<double> point(d);
  for (std::size_t k = 0; k < d; ++k) point[k] = inputs[k].distribution.point_value();
  auto run = [&](DrawEvaluator& ev, std::vector<double>& values, double* out) {
    std::fill(out, out + outputs, kNaN);
    ev.evaluate_outputs(values.data(), out);
  };
  if (runs.collects) {
    DrawEvaluator ev(setup);
    std::vector<double> values = point;
    base.assign(outputs, kNaN);
    run(ev, values, base.data());
  }
  // Bar k as 2 + 2 × outputs numbers: its low and high values, then the outputs at each.
  const std::size_t width = 2 + 2 * outputs;
  std::vector<double> flat(runs.collects ? d * width : 0);
  const auto compute = [&](std::size_t begin, std::size_t end, double* out) {
    parallel_blocks(
        end - begin,
        [&](std::size_t first, std::size_t last) {
          const SerialModelsScope serial;
          DrawEvaluator ev(setup);
          std::vector<double> values = point;
          for (std::size_t k = begin + first; k < begin + last; ++k) {
            double* bar = out + (k - begin) * width;
            bar[0] = inputs[k].quantile(0.05);
            bar[1] = inputs[k].quantile(0.95);
            values[k] = bar[0];
            run(ev, values, bar + 2);
            values[k] = bar[1];
            run(ev, values, bar + 2 + outputs);
            values[k] = point[k];
          }
        },
        2, std::max(1u, threads));
  };
  runs(d, width, compute, flat.data());
  if (!runs.collects) return {};
  std::vector<TornadoBar> bars(d);
  for (std::size_t k = 0; k < d; ++k) {
    const double* bar = flat.data() + k * width;
    bars[k].input = k;
    bars[k].low_value = bar[0];
    bars[k].high_value = bar[1];
    bars[k].low.assign(bar + 2, bar + 2 + outputs);
    bars[k].high.assign(bar + 2 + outputs, bar + 2 + 2 * outputs);
  }
  return bars;
}

}  // namespace parley
