// Which uncertain inputs drive the outcome: variance-based Sobol indices (Saltelli's design with
// the Saltelli 2010 first-order and Jansen total-effect estimators) and a one-at-a-time tornado.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "parley/sweep.hpp"

namespace parley {

/// Indices of one factor for one output, each with the half-width of its 95 % bootstrap
/// interval. NaN when the output does not vary.
struct SobolIndex {
  double first = 0, first_error = 0;
  double total = 0, total_error = 0;
};

/// True when the index says that interactions dominate this input's effect, so that its
/// first-order index understates it: total > 2 × max(first, 0) + 0.05 (docs/uncertainty.md). False
/// for NaN indices.
bool interactions_dominate(const SobolIndex& index);

struct SobolResult {
  std::size_t factors = 0, outputs = 0, samples = 0;
  std::vector<double> variance;   // per output
  std::vector<SobolIndex> index;  // index[output * factors + factor]
  const SobolIndex& at(std::size_t output, std::size_t factor) const { return index[output * factors + factor]; }
};

struct SobolOptions {
  std::size_t samples = 1024;  // N: the model runs N * (factors + 2) times
  std::uint64_t seed = 0;
  unsigned threads = 1;
  std::size_t bootstrap = 100;  // resamples for the error estimates
};

/// `model(thread, u, y)` maps a point u of the unit hypercube (factors values in (0, 1)) to
/// `outputs` values y (NaN: no value; such rows are left out of that output's estimate). It is
/// called concurrently with distinct thread numbers below options.threads. Results do not depend
/// on the thread count.
SobolResult sobol_indices(std::size_t factors, std::size_t outputs, const SobolOptions& options,
                          const std::function<void(unsigned, const double*, double*)>& model);

/// Where the model runs of a sensitivity analysis happen. By default all run in this process
/// (on the options' threads); the command line's --mpi hands them to the ranks of an MPI job
/// (src/cli/mpi/). `spread(count, width, compute, out)` must fill out[0 .. count × width) by
/// calls compute(begin, end, out + begin × width) on blocks covering [0, count) once each (runs
/// depend only on their index, so any split gives the same numbers). On the ranks of an MPI job
/// other than 0 `collects` is false: they take their share of the runs, and the functions below
/// then return without estimating anything (empty results).
struct RunSpreader {
  using Compute = std::function<void(std::size_t begin, std::size_t end, double* out)>;
  std::function<void(std::size_t count, std::size_t width, const Compute& compute, double* out)> spread;
  bool collects = true;
  /// Runs `compute` on all of [0, count) here unless `spread` is set.
  void operator()(std::size_t count, std::size_t width, const Compute& compute, double* out) const;
};

/// The rows of Saltelli's design that sobol_indices evaluates, N × (factors + 2): row
/// j × (factors + 2) + r is A (r = 0), B (r = 1) or A with column r − 2 from B, of sample j.
/// sobol_rows evaluates rows [begin, end) into y (outputs values per row, from y[0]) on
/// options.threads threads; sobol_estimate gives the indices of all rows' values.
void sobol_rows(std::size_t factors, std::size_t outputs, const SobolOptions& options, std::size_t begin, std::size_t end,
                const std::function<void(unsigned, const double*, double*)>& model, double* y);
SobolResult sobol_estimate(std::size_t factors, std::size_t outputs, const SobolOptions& options, const std::vector<double>& y);

/// The Sobol indices of a sweep's inputs for every issue outcome and then every class
/// membership (outputs = issues + classes), inputs sampled independently.
SobolResult scenario_sobol_indices(const SweepSetup& setup, const SobolOptions& options, const RunSpreader& runs = {});

/// One-at-a-time: every other input at its point value, this one at its 5 % and 95 % quantiles.
struct TornadoBar {
  std::size_t input = 0;
  double low_value = 0, high_value = 0;
  std::vector<double> low, high;  // outputs (issues, then classes as 0/1)
};
/// Also returns the outputs at the point values in `base`.
std::vector<TornadoBar> tornado(const SweepSetup& setup, std::vector<double>& base, unsigned threads, const RunSpreader& runs = {});

}  // namespace parley
