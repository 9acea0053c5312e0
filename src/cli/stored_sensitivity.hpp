// parley sensitivity --db / --shard K/N / --resume RUN: the analysis's model runs stored as a run of
// kind "sensitivity" in the results database (docs/distributed.md), the indices computed from the
// stored rows, so that the same bytes come out whether the rows were evaluated at once, in shards
// merged by parley merge, or over several resumptions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/mpi/mpi.hpp"
#include "parley/output.hpp"

namespace parley::cli {

struct StoredSensitivityRequest {
  std::string file;  // the scenario (empty with resume)
  std::string input_format = "auto", capability = "equal";
  std::vector<std::string> overrides;
  std::string model;
  std::vector<std::string> options;
  std::uint64_t seed = 0;
  std::size_t samples = 512;
  std::string method = "both";
  std::string db;     // the results database
  std::string shard;  // K/N, or empty
  std::int64_t resume = 0;
  unsigned threads = 1;
};

/// Evaluates (or, with resume, completes) the stored run and returns the results of a complete run
/// of every row; for a shard, returns nothing and writes to `note` what was stored and how to go on.
/// With `mpi` (rank 0 of `parley sensitivity --mpi`), the rows are computed by every rank of the
/// job (mpi_evaluate_and_store; the others run mpi_sweep_worker). InputError for a bad --shard, a
/// run that is not a sensitivity run, or another parley version; Interrupted (saying how to
/// resume) when Ctrl-C stopped it.
std::optional<SensitivityResults> stored_sensitivity(const StoredSensitivityRequest& request, std::string& note, MpiJob* mpi = nullptr);

/// The checks analyse_sensitivity makes before it evaluates anything (InputError naming `file`
/// without uncertain inputs, "--samples" when the Sobol design would keep too many results).
void check_sensitivity_design(const SweepSetup& setup, const SensitivityDesign& design, const std::string& file);

/// The indices and tornado from the outputs of every row of `design` (y[row * outputs + out],
/// issues then classes as 0 or 1), as analyse_sensitivity computes them: the same bytes.
SensitivityResults sensitivity_from_rows(const SweepSetup& setup, const SensitivityDesign& design, const std::vector<double>& y,
                                         unsigned threads);

}  // namespace parley::cli
