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

/// The Sobol indices of a sweep's inputs for every issue outcome and then every class
/// membership (outputs = issues + classes), inputs sampled independently.
SobolResult scenario_sobol_indices(const SweepSetup& setup, const SobolOptions& options);

/// One-at-a-time: every other input at its point value, this one at its 5 % and 95 % quantiles.
struct TornadoBar {
  std::size_t input = 0;
  double low_value = 0, high_value = 0;
  std::vector<double> low, high;  // outputs (issues, then classes as 0/1)
};
/// Also returns the outputs at the point values in `base`.
std::vector<TornadoBar> tornado(const SweepSetup& setup, std::vector<double>& base, unsigned threads);

}  // namespace parley
