// parley sweep FILE: Monte Carlo over the uncertain inputs, stored in the results database, resumable.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/mpi/mpi.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "cli/shard.hpp"
#include "parley/parley.hpp"
#include "parley/results_db.hpp"
#include "parley/stored_sweep.hpp"
#include "parley/version.hpp"
#include "parley/what_if.hpp"

namespace parley::cli {

namespace {

struct SweepArgs {
  InputArgs input;  // file empty with --resume
  SamplingArgs sampling;
  std::uint64_t draws = 1000;
  std::string db;           // empty: kDefaultDb
  std::int64_t resume = 0;  // a run id to complete
  std::string shard;        // K/N: only shard K of N (docs/distributed.md)
  bool mpi = false;         // one rank of an MPI job (cli/mpi/mpi.hpp)
};

void add_options(CLI::App& cmd, SweepArgs& a) {
  cmd.add_option("FILE", a.input.file, "scenario (not needed with --resume)");
  cmd.add_option("--input-format", a.input.input_format, "auto, yaml, json, ktab-csv, ktab-xml, deu or decide")->capture_default_str();
  cmd.add_option("--capability", a.input.capability, "DEU III capabilities: equal, gdp or council (docs/importers.md)")
      ->capture_default_str();
  add_sampling(cmd, a.sampling);
  add_count(cmd, "-n,--draws", a.draws, 1, kMaxStoredDraws, "number of draws");
  cmd.add_option("--db", a.db, "results database (default: parley.db in the working directory)");
  add_count(cmd, "--resume", a.resume, 1, INT64_MAX, "complete the stored run RUN of the results database")->default_str("");
  cmd.add_option("--shard", a.shard, "K/N: compute only shard K (from 0) of N of the draws (docs/distributed.md)");
  add_mpi_flag(cmd, a.mpi);
}

/// Threads per process: with --mpi one per rank unless --threads says otherwise (a rank per core).
unsigned threads_for(const SweepArgs& args) { return args.mpi && args.sampling.threads == 0 ? 1 : resolve_threads(args.sampling.threads); }

/// Evaluates `todo`, storing each chunk (evaluate_and_store; with `mpi` over its ranks, which
/// `record` tells what to draw). Throws Interrupted, saying how to resume, when Ctrl-C stopped it.
void evaluate_and_store(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const std::vector<DrawRange>& todo, std::uint64_t draws,
                        unsigned threads, bool progress, MpiJob* mpi, const RunRecord& record) {
  InterruptGuard guard;
  ProgressBar bar(progress, "draws");
  std::uint64_t already = draws;
  for (const DrawRange& r : todo) already -= r.size();
  SweepControl control;
  control.threads = threads;
  control.stop = &InterruptGuard::flag();
  control.progress = [&](std::uint64_t done, std::uint64_t) { bar.update(already + done, draws); };
  const std::uint64_t stored = mpi ? mpi_evaluate_and_store(*mpi, db, run, record, setup, todo, draws, control)
                                   : parley::evaluate_and_store(db, run, setup, todo, draws, control);
  bar.finish();
  if (stored < draws)
    throw Interrupted(
        fmt::format("interrupted; {} of {} draws are stored in run {} of {}.\n"
                    "Complete it with: parley sweep --resume {} --db {}",
                    stored, draws, run, db.path(), run, db.path()));
}

/// Writes the summary; for a shard's run, with the note that it covers only the shard's draws
/// (before the table, or on standard error beside JSON and CSV, which stay machine-readable).
void write(const SweepSummary& summary, const SweepContext& context, const SweepArgs& args, OutputFormat format, const RunRecord& run,
           Context& cli) {
  std::ostream& out = cli.out;
  std::ostringstream text;
  if (run.shard) (format == OutputFormat::table ? static_cast<std::ostream&>(text) : cli.err) << shard_note(*run.shard, run.draws, "draws");
  write_sweep_summary(text, summary, context, format);
  emit(args.sampling.output, text.str(), out);
}

void resume(const SweepArgs& args, OutputFormat format, Context& cli, MpiJob* mpi) {
  if (!args.input.file.empty())
    throw InputError({}, "FILE", "not used with --resume (the run stores its scenario)", "a scenario file, or --resume RUN [--db FILE]");
  if (!args.shard.empty()) throw InputError({}, "--shard", "not used with --resume (the run stores its shard)", "--resume RUN [--db FILE]");
  const std::string path = args.db.empty() ? kDefaultDb : args.db;
  ResultsDb db = open_existing(path);
  const RunRecord r = db.run(args.resume);
  require_sweep_run(r, path);
  db.claim(r.id);  // one writer per run: before reading which draws are stored (docs/results-db.md)
  if (r.parley_version != kVersion)
    throw InputError({path, 0, 0}, "--resume", fmt::format("run {} was made by parley {}, this is {}", r.id, r.parley_version, kVersion),
                     "the same parley version, so that the remaining draws match the stored ones");
  // The stored scenario, model, options, seed and correlation; threads and progress from this command line.
  const SweepSetup setup(stored_scenario(r), model_named(r.model), r.options, {r.seed, r.actor_correlation});
  const std::vector<DrawRange> todo = missing_draws(db, r.id, r.draws);
  const unsigned threads = threads_for(args);
  evaluate_and_store(db, r.id, setup, todo, r.draws, threads, args.sampling.progress, mpi, r);
  const SweepSummary summary = summarize_stored_draws(db, r.id, r.draws, setup);
  write(summary, {setup.scenario().metadata.title, r.model, r.seed, setup.inputs(), r.id, path}, args, format, r, cli);
}

/// What a new run stores besides its setup: all that resume needs to draw the rest of it identically.
SweepOrigin origin_of(const SweepArgs& args, const std::string& content, unsigned threads) {
  return {args.input.file,
          content,
          args.input.input_format,
          args.input.capability,
          args.sampling.overrides,
          args.sampling.seed,
          args.draws,
          args.sampling.correlation,
          threads};
}

void sweep_here(const SweepArgs& args, Context& context, MpiJob* mpi) {
  const OutputFormat format = parse_output_format(args.sampling.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  // The results database is read (with --resume) and written: no output may replace it, and it may
  // not be the scenario.
  check_outputs(
      {{"--db", args.db.empty() ? kDefaultDb : args.db, "the results database"}, {"--output", args.sampling.output, "the summary"}},
      {{"FILE", args.input.file, "the scenario"}});
  if (args.resume > 0) return resume(args, format, context, mpi);
  if (args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN");
  const std::optional<Shard> shard = parse_shard(args.shard);
  const std::string content = read_input_file(args.input.file);
  Scenario scenario = read_scenario_text(content, args.input.file, read_options(args.input));
  check_scenario_options(scenario);
  apply_overrides(scenario, args.sampling.overrides);
  const SamplingArgs& a = args.sampling;
  const SweepSetup setup(std::move(scenario), model_named(a.model), parse_options(a.options), {a.seed, a.correlation});
  const std::string path = args.db.empty() ? kDefaultDb : args.db;
  const unsigned threads = threads_for(args);

  ResultsDb db(path);
  RunRecord record = new_sweep_record(setup, origin_of(args, content, threads));
  record.shard = shard;
  const std::int64_t id = db.create_run(record, setup);
  evaluate_and_store(db, id, setup, {run_draws(record)}, args.draws, threads, a.progress, mpi, record);
  const SweepSummary summary = summarize_stored_draws(db, id, args.draws, setup);

  write(summary, {setup.scenario().metadata.title, a.model, a.seed, setup.inputs(), id, path}, args, format, record, context);
}

void sweep(const SweepArgs& args, Context& context) {
  if (!args.mpi) return sweep_here(args, context, nullptr);
  run_mpi_job(context, [&](MpiJob& job) { is_root(job) ? sweep_here(args, context, &job) : mpi_sweep_worker(job); });
}

}  // namespace

Command sweep_command() {
  return make_command<SweepArgs>("sweep", "Monte Carlo over the uncertain inputs: outcome distributions and class probabilities",
                                 add_options, sweep);
}

}  // namespace parley::cli
