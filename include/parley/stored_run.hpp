// A sweep read back from the results database: its record, the scenario it ran on and its draws,
// in draw order (what `parley show` and `parley export` write).
#pragma once

#include <cstdint>
#include <vector>

#include "parley/results_db.hpp"
#include "parley/scenario.hpp"
#include "parley/sweep.hpp"

namespace parley {

struct StoredRun {
  RunRecord run;
  /// The stored scenario text read again as it was read for the sweep, with its --set overrides.
  Scenario scenario;
  std::vector<std::uint64_t> draws;    // the stored draw numbers, ascending
  std::vector<double> inputs;          // inputs[k * run.input_names.size() + i]; empty unless loaded with inputs
  std::vector<double> outcomes;        // outcomes[k * run.issue_ids.size() + i]; NaN: no outcome
  std::vector<unsigned char> classes;  // classes[k * run.class_names.size() + c]: 0 or 1
};

/// Throws InputError (field "RUN", in file `db`) when run `r` holds the model runs of a
/// sensitivity analysis rather than a sweep's draws, naming the command that prints its indices:
/// for whatever summarises or continues a run as a sweep (show, export's summary, sweep --resume).
void require_sweep_run(const RunRecord& r, const std::string& db);

/// Loads run `id` (InputError "RUN" when there is none; InputError when its stored scenario no
/// longer reads): a sweep's draws, or a sensitivity analysis's model runs in their order. The
/// inputs of every draw only `with_inputs`.
StoredRun load_stored_run(ResultsDb& db, std::int64_t id, bool with_inputs);

/// The summary of the stored draws (as the sweep printed it once complete), with the model's
/// measured error where the shipped skill table knows the model.
SweepSummary summarize_stored_run(const StoredRun& run);

}  // namespace parley
