// analyse_sensitivity: the Sobol indices and tornado of `parley sensitivity` (and POST
// /api/sensitivity), from checking the request to the results the writer prints.
#include <fmt/format.h>

#include "parley/error.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/sensitivity.hpp"

namespace parley {

namespace {

/// Sobol analysis keeps every model result: samples x (inputs + 2) x outputs numbers, at most
/// kMaxSobolValues (1 GiB).
void check_sobol_memory(const SweepSetup& setup, std::uint64_t samples) {
  const std::uint64_t per_sample = (setup.inputs() + 2) * (setup.issues() + setup.classes());
  const std::uint64_t most = limits::kMaxSobolValues / per_sample;
  if (samples > most)
    throw InputError(
        {}, "--samples",
        fmt::format("got {}: with {} inputs and {} outputs that is {} model results to keep", samples, setup.inputs(),
                    setup.issues() + setup.classes(), samples * per_sample),
        fmt::format("at most {} for this scenario (samples x (inputs + 2) x outputs at most {}, 1 GiB)", most, limits::kMaxSobolValues));
}

}  // namespace

SensitivityResults analyse_sensitivity(const SweepSetup& setup, const std::string& file, const std::string& method, std::size_t samples,
                                       std::uint64_t seed, unsigned threads) {
  if (method != "both" && method != "sobol" && method != "tornado")
    throw InputError({}, "--method", "got '" + method + "'", "both, sobol or tornado");
  if (setup.inputs() == 0)
    throw InputError({file, 0, 0}, "", "no uncertain inputs", "at least one number written as a range or a distribution");
  if (method != "tornado") check_sobol_memory(setup, samples);

  SensitivityResults results = sensitivity_outline(setup, seed);
  results.with_sobol = method != "tornado";
  results.with_tornado = method != "sobol";
  results.samples = samples;
  if (results.with_sobol) results.sobol = scenario_sobol_indices(setup, {samples, seed, threads, 100});
  if (results.with_tornado) results.tornado = tornado(setup, results.at_point_values, threads);
  return results;
}

}  // namespace parley
