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

/// The estimates from the outputs of every row of the design: y[row * outputs + out], rows as
/// sobol_indices numbers them (sample j, row r at j * (factors + 2) + r). sobol_indices is the
/// evaluation of every row followed by this: a study evaluated in parts (shards, a resumed run)
/// gives the same indices. std::invalid_argument when y has not samples x (factors + 2) rows.
SobolResult sobol_estimate(std::size_t factors, std::size_t outputs, const SobolOptions& options, const std::vector<double>& y);

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

/// The model runs of a sensitivity analysis, numbered so that any part of them can be evaluated
/// anywhere (docs/distributed.md): first, when `sobol`, the Sobol design's samples x (inputs + 2)
/// rows as sobol_indices numbers them; then, when `tornado`, the tornado's 2 x inputs + 1 runs
/// (the point values, then input k at its 5 % and at its 95 % quantile, k = 0, 1, ...).
struct SensitivityDesign {
  std::size_t samples = 512;
  bool sobol = true, tornado = true;
  std::uint64_t seed = 0;
  std::uint64_t sobol_rows(std::size_t inputs) const;
  std::uint64_t rows(std::size_t inputs) const;
};

/// Evaluates the rows of `todo` (ascending disjoint ranges of row numbers) on control.threads
/// threads, handing `sink` chunks (one call at a time) whose `draws` are row numbers, with each
/// row's input values, issue outcomes (NaN: none) and class memberships: the numbers that
/// scenario_sobol_indices and tornado compute for those rows. Stops early when control.stop is
/// set. Returns the number of rows handed to the sink.
std::uint64_t evaluate_sensitivity_rows(const SweepSetup& setup, const SensitivityDesign& design, const std::vector<DrawRange>& todo,
                                        const SweepControl& control, const std::function<void(const DrawChunk&)>& sink);

/// The tornado from the outputs of its 2 x inputs + 1 rows (y[row * outputs + out], issues then
/// classes as 0 or 1): what tornado() computes, with the point values' outputs in `base`.
std::vector<TornadoBar> tornado_from_rows(const SweepSetup& setup, const double* y, std::vector<double>& base);

}  // namespace parley
