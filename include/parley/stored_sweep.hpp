// A sweep stored draw by draw in a results database, as `parley sweep` runs it: every program that
// stores sweeps (the command line, the Python module) goes through these, so that a run one of them
// started the others can show, export and resume.
//
//   ResultsDb db("parley.db");
//   const std::int64_t run = db.create_run(record, setup);            // claims the run
//   const std::uint64_t stored = evaluate_and_store(db, run, setup, {{0, draws}}, draws, control);
//   const SweepSummary summary = summarize_stored_draws(db, run, draws, setup);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parley/results_db.hpp"
#include "parley/sensitivity.hpp"
#include "parley/sweep.hpp"

namespace parley {

/// The results database at `path`, which must exist (InputError naming `field`, the option or
/// argument that gave the path, when there is none): what show, export, runs and resume open.
ResultsDb open_existing_results_db(const std::string& path, const std::string& field);

/// How a new sweep was asked for, besides its setup: what its run stores so that a resume draws
/// the rest identically and show names where it came from.
struct SweepOrigin {
  std::string scenario_file;  // as named to the user
  std::string scenario_text;  // the bytes read (stored_scenario reads them again)
  std::string input_format = "auto";
  std::string capability = "equal";
  std::vector<std::string> overrides;  // --set assignments, in order
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  double correlation = 0;
  unsigned threads = 0;
};

/// The record of a new run of `setup` (ResultsDb::create_run), made by this version of parley.
RunRecord new_sweep_record(const SweepSetup& setup, const SweepOrigin& origin);

/// The scenario run `run` drew from: its stored text read again as it was read for the sweep (its
/// input format and DEU capabilities), with its what-if overrides applied. What show, export and
/// resume all start from. Throws InputError naming the run's file when the record or the text no
/// longer reads.
Scenario stored_scenario(const RunRecord& run);

/// Evaluates the draws of `todo` of run `run` (claimed by `db`), inserting each finished chunk,
/// and then `also` (when given) with it. `draws` is the run's number of draws, of which the draws
/// not in `todo` are stored already. Marks the run complete when every draw is stored, otherwise
/// (control.stop was set) interrupted, and returns the number of draws now stored (`draws` when
/// complete). Anything else that stops
/// it (a model's error, memory, a full disk) marks the run interrupted, so that it can be resumed,
/// and is rethrown.
std::uint64_t evaluate_and_store(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const std::vector<DrawRange>& todo,
                                 std::uint64_t draws, const SweepControl& control, const std::function<void(const DrawChunk&)>& also = {});

/// What computes the draws of a stored sweep: hands every finished chunk to `sink` (on the calling
/// thread) and returns how many draws it handed. evaluate_draws on this process's threads by
/// default; `parley sweep --mpi` receives them from the ranks of an MPI job (src/cli/mpi/).
using DrawSource = std::function<std::uint64_t(const std::function<void(const DrawChunk&)>& sink)>;

/// evaluate_and_store with the draws of `todo` computed by `source`: each chunk it hands is
/// inserted in its own transaction; the run is marked as there, with `threads` recorded.
std::uint64_t store_draws(ResultsDb& db, std::int64_t run, const std::vector<DrawRange>& todo, std::uint64_t draws, unsigned threads,
                          const DrawSource& source, const std::function<void(const DrawChunk&)>& also = {});

/// The stored draws of `run` under `draws`, in draw order, each once: what the summary reads.
/// `db` must outlive the replay.
DrawReplay stored_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws);

/// The draws under `draws` that `run` does not store yet, as ascending ranges; for a shard's run,
/// only those of its shard (shard_draws): what its resume completes.
std::vector<DrawRange> missing_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws);

/// The draws a run computes: [0, draws), or its shard's share.
DrawRange run_draws(const RunRecord& run);

/// What merge_shards made.
struct MergedRun {
  std::int64_t id = 0;
  std::uint64_t draws = 0, shards = 0;
};

/// Combines the shard runs held in the results databases `inputs` (every run with a shard in each)
/// into one plain, complete run added to the results database `into` (created when missing):
/// `parley merge` (docs/distributed.md). The merged run has the shards' record (scenario, model,
/// options, overrides, seed, draws, ...), created = the earliest shard's, elapsed = the sum of
/// theirs, threads = the largest, and every stored batch. Throws InputError (exit 2) naming the
/// file and run, writing nothing, when `into` is one of the inputs, an input is given twice or
/// holds no shard run, two shards differ in anything that shapes their draws (scenario sha256,
/// parley version, kind, model, options, overrides, input format, capability, seed, correlation,
/// draws, shard count, design), a shard is there twice, one is missing, or one is incomplete
/// (naming the draws it lacks and the resume that completes it).
MergedRun merge_shards(const std::vector<std::string>& inputs, const std::string& into);

/// The summary of the stored draws of `run` under `draws`, read back in draw order, with the
/// model's measured error where the shipped skill table knows the model: what `parley sweep`
/// prints. Memory does not grow with the number of draws (summarize_draws).
SweepSummary summarize_stored_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws, const SweepSetup& setup);

/// The record of a new sensitivity run (kind "sensitivity"): its "draws" are the design's rows
/// (SensitivityDesign::rows), its design {"samples": N, "method": "both"|"sobol"|"tornado"}.
RunRecord new_sensitivity_record(const SweepSetup& setup, const SweepOrigin& origin, const SensitivityDesign& design);

/// The design a sensitivity run stored (InputError "--db" when it does not read).
SensitivityDesign stored_design(const RunRecord& run);

/// evaluate_and_store for a sensitivity run: evaluates the rows of `todo` (evaluate_sensitivity_rows)
/// into run `run` of `rows` rows, marks it complete or interrupted, returns the rows now stored.
std::uint64_t evaluate_and_store_rows(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const SensitivityDesign& design,
                                      const std::vector<DrawRange>& todo, std::uint64_t rows, const SweepControl& control);

/// The outputs of every row of a complete, unsharded sensitivity run: y[row * outputs + out],
/// issues then classes as 0 or 1 (what sobol_estimate and tornado_from_rows read). InputError
/// ("--resume") for a shard or an incomplete run.
std::vector<double> stored_row_outputs(ResultsDb& db, std::int64_t run);

}  // namespace parley
