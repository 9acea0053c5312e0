// parley sweep FILE: Monte Carlo over the uncertain inputs, stored in the results database, resumable.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "parley/parley.hpp"
#include "parley/results_db.hpp"
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
};

void add_options(CLI::App& cmd, SweepArgs& a) {
  cmd.add_option("FILE", a.input.file, "scenario (not needed with --resume)");
  cmd.add_option("--input-format", a.input.input_format, "auto, yaml, json, ktab-csv, ktab-xml or deu")->capture_default_str();
  cmd.add_option("--capability", a.input.capability, "DEU III capabilities: equal, gdp or council (docs/importers.md)")
      ->capture_default_str();
  add_sampling(cmd, a.sampling);
  cmd.add_option("-n,--draws", a.draws, "number of draws")->capture_default_str();
  cmd.add_option("--db", a.db, "results database (default: parley.db in the working directory)");
  cmd.add_option("--resume", a.resume, "complete the stored run RUN of the results database");
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open the file", "a readable scenario file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Evaluates `todo`, storing each chunk and collecting the outcomes. Throws Interrupted, saying how
/// to resume, when Ctrl-C stopped it.
void evaluate_and_store(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const std::vector<std::uint64_t>& todo,
                        std::uint64_t draws, DrawResults& collected, unsigned threads, bool progress) {
  InterruptGuard guard;
  ProgressBar bar(progress, "draws");
  const std::uint64_t already = draws - todo.size();
  SweepControl control;
  control.threads = threads;
  control.stop = &InterruptGuard::flag();
  control.progress = [&](std::uint64_t done, std::uint64_t) { bar.update(already + done, draws); };
  const auto start = std::chrono::steady_clock::now();
  const std::uint64_t done = evaluate_draws(setup, todo, control, [&](const DrawChunk& chunk) {
    db.insert(run, chunk);
    collected.put(chunk);
  });
  bar.finish();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const bool complete = done == todo.size();
  db.finish(run, complete ? "complete" : "interrupted", elapsed, threads);
  if (!complete)
    throw Interrupted(
        fmt::format("interrupted; {} of {} draws are stored in run {} of {}.\n"
                    "Complete it with: parley sweep --resume {} --db {}",
                    already + done, draws, run, db.path(), run, db.path()));
}

void write(const SweepSummary& summary, const SweepContext& context, const SweepArgs& args, OutputFormat format, std::ostream& out) {
  std::ostringstream text;
  write_sweep_summary(text, summary, context, format);
  emit(args.sampling.output, text.str(), out);
}

void resume(const SweepArgs& args, OutputFormat format, std::ostream& out) {
  if (!args.input.file.empty())
    throw InputError({}, "FILE", "not used with --resume (the run stores its scenario)", "a scenario file, or --resume RUN [--db FILE]");
  const std::string path = args.db.empty() ? kDefaultDb : args.db;
  ResultsDb db = open_existing(path);
  const RunRecord r = db.run(args.resume);
  db.claim(r.id);  // one writer per run: before reading which draws are stored (docs/results-db.md)
  if (r.parley_version != kVersion)
    throw InputError({path, 0, 0}, "--resume", fmt::format("run {} was made by parley {}, this is {}", r.id, r.parley_version, kVersion),
                     "the same parley version, so that the remaining draws match the stored ones");
  InputArgs input{r.scenario_file, r.input_format, r.capability};
  Scenario scenario = read_scenario_text(r.scenario_text, r.scenario_file, read_options(input));
  apply_overrides(scenario, r.overrides);
  // The stored model, options, seed and correlation; threads and progress from this command line.
  const SweepSetup setup(std::move(scenario), model_named(r.model), r.options, {r.seed, r.actor_correlation});
  DrawResults collected(r.draws, setup.issues(), setup.classes());
  db.load(
      r.id,
      [&](const StoredDraw& d) {
        if (d.draw < r.draws) collected.put(d.draw, d.outcomes, d.classes);
      },
      false);
  std::vector<std::uint64_t> todo;
  for (std::uint64_t d = 0; d < r.draws; ++d)
    if (!collected.has(d)) todo.push_back(d);
  const unsigned threads = resolve_threads(args.sampling.threads);
  evaluate_and_store(db, r.id, setup, todo, r.draws, collected, threads, args.sampling.progress);
  const SweepSummary summary = collected.summarize(setup.scenario(), std::string(setup.model().name()), setup.sampler().options().seed);
  write(summary, {setup.scenario().metadata.title, r.model, r.seed, setup.inputs(), r.id, path}, args, format, out);
}

/// What a new run stores: all that resume needs to draw the rest of it identically.
RunRecord new_run(const SweepArgs& args, const std::string& content, const SweepSetup& setup, unsigned threads) {
  RunRecord r;
  r.parley_version = kVersion;
  r.scenario_file = args.input.file;
  r.scenario_text = content;
  r.input_format = args.input.input_format;
  r.capability = args.input.capability;
  r.model = args.sampling.model;
  r.options = setup.options();
  r.overrides = args.sampling.overrides;
  r.seed = args.sampling.seed;
  r.draws = args.draws;
  r.actor_correlation = args.sampling.correlation;
  r.threads = threads;
  return r;
}

void sweep(const SweepArgs& args, Context& context) {
  const OutputFormat format = parse_output_format(args.sampling.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  // The results database is read (with --resume) and written: no output may replace it, and it may
  // not be the scenario.
  check_outputs(
      {{"--db", args.db.empty() ? kDefaultDb : args.db, "the results database"}, {"--output", args.sampling.output, "the summary"}},
      {{"FILE", args.input.file, "the scenario"}});
  if (args.resume > 0) return resume(args, format, context.out);
  if (args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN");
  if (args.draws == 0) throw InputError({}, "--draws", "got 0", "at least one draw");
  const std::string content = read_bytes(args.input.file);
  Scenario scenario = read_scenario_text(content, args.input.file, read_options(args.input));
  check_scenario_options(scenario);
  apply_overrides(scenario, args.sampling.overrides);
  const SamplingArgs& a = args.sampling;
  const SweepSetup setup(std::move(scenario), model_named(a.model), parse_options(a.options), {a.seed, a.correlation});
  const std::string path = args.db.empty() ? kDefaultDb : args.db;
  const unsigned threads = resolve_threads(a.threads);

  ResultsDb db(path);
  const std::int64_t id = db.create_run(new_run(args, content, setup, threads), setup);
  std::vector<std::uint64_t> todo(args.draws);
  for (std::uint64_t d = 0; d < args.draws; ++d) todo[d] = d;
  DrawResults collected(args.draws, setup.issues(), setup.classes());
  evaluate_and_store(db, id, setup, todo, args.draws, collected, threads, a.progress);
  const SweepSummary summary = collected.summarize(setup.scenario(), std::string(setup.model().name()), setup.sampler().options().seed);

  write(summary, {setup.scenario().metadata.title, a.model, a.seed, setup.inputs(), id, path}, args, format, context.out);
}

}  // namespace

Command sweep_command() {
  return make_command<SweepArgs>("sweep", "Monte Carlo over the uncertain inputs: outcome distributions and class probabilities",
                                 add_options, sweep);
}

}  // namespace parley::cli
