// A stored run read back from the results database, for show and export.
#pragma once

#include <cstdint>
#include <vector>

#include "parley/results_db.hpp"
#include "parley/scenario.hpp"
#include "parley/sweep.hpp"

namespace parley::cli {

/// The stored draws of a run, compacted in draw order, and the scenario they came from.
struct Loaded {
  RunRecord run;
  Scenario scenario;
  std::vector<std::uint64_t> draws;
  std::vector<double> inputs, outcomes;
  std::vector<unsigned char> classes;
};

/// Reads run `id` (its inputs only when `with_inputs`); throws InputError for a run that is not there.
Loaded load(ResultsDb& db, std::int64_t id, bool with_inputs);

/// The run's summary, recomputed from the stored draws.
SweepSummary summary_of(const Loaded& l);

}  // namespace parley::cli
