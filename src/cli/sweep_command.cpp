// parley sweep: Monte Carlo over the uncertain inputs, stored in the results database, resumable.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/sweep_report.hpp"
#include "parley/parley.hpp"
#include "parley/results_db.hpp"
#include "parley/version.hpp"
#include "parley/what_if.hpp"

namespace parley::cli {

namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open the file", "a readable scenario file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string default_db(const std::string& scenario_file) {
  const std::filesystem::path dir = std::filesystem::path(scenario_file).parent_path();
  return (dir.empty() ? std::filesystem::path("parley.db") : dir / "parley.db").string();
}

/// Evaluates `todo`, storing each chunk and collecting the outcomes. Returns false when
/// interrupted.
bool evaluate_and_store(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const std::vector<std::uint64_t>& todo,
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
    std::cerr << fmt::format("parley: interrupted; {} of {} draws are stored in run {} of {}.\n"
                             "Complete it with: parley sweep --resume {} --db {}\n",
                             already + done, draws, run, db.path(), run, db.path());
  return complete;
}

int report(const SweepSummary& summary, const SweepContext& context, const SweepArgs& args, std::ostream& out) {
  const auto format = output_format_from_string(args.sampling.format);
  emit(args.sampling.output, format_summary(summary, context, *format), out);
  return kOk;
}

int resume(const SweepArgs& args, std::ostream& out) {
  const std::string path = !args.db.empty() ? args.db : args.input.file.empty() ? "parley.db" : default_db(args.input.file);
  ResultsDb db = open_existing(path);
  const RunRecord r = db.run(args.resume);
  if (r.parley_version != kVersion)
    throw InputError({path, 0, 0}, "--resume", fmt::format("run {} was made by parley {}, this is {}", r.id, r.parley_version, kVersion),
                     "the same parley version, so that the remaining draws match the stored ones");
  InputArgs input{r.scenario_file, r.input_format, r.capability};
  Scenario scenario = read_scenario_text(r.scenario_text, r.scenario_file, read_options(input));
  apply_overrides(scenario, r.overrides);
  // The stored model, options, seed and correlation; threads and progress from this command line.
  const SweepSetup setup(std::move(scenario), model_named(r.model), r.options, {r.seed, r.actor_correlation});
  DrawResults collected(r.draws, setup.issues(), setup.classes());
  db.load(r.id, [&](const StoredDraw& d) {
    if (d.draw < r.draws) collected.put(d.draw, d.outcomes, d.classes);
  }, false);
  std::vector<std::uint64_t> todo;
  for (std::uint64_t d = 0; d < r.draws; ++d)
    if (!collected.has(d)) todo.push_back(d);
  const unsigned threads = resolve_threads(args.sampling.threads);
  if (!evaluate_and_store(db, r.id, setup, todo, r.draws, collected, threads, args.sampling.progress)) return kInterrupted;
  const SweepSummary summary = collected.summarize(setup.scenario());
  return report(summary, {setup.scenario().metadata.title, r.model, r.seed, setup.inputs(), r.id, path}, args, out);
}

}  // namespace

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return std::min(requested, 256u);
  return std::max(1u, std::min(64u, std::thread::hardware_concurrency()));
}

int sweep(const SweepArgs& args, std::ostream& out) {
  if (!output_format_from_string(args.sampling.format))
    throw InputError({}, "--format", "got '" + args.sampling.format + "'", "table, json or csv");
  if (args.resume > 0) return resume(args, out);
  if (args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN");
  if (args.draws == 0) throw InputError({}, "--draws", "got 0", "at least one draw");
  const std::string content = read_bytes(args.input.file);
  Scenario scenario = read_scenario_text(content, args.input.file, read_options(args.input));
  check_scenario_options(scenario);
  apply_overrides(scenario, args.sampling.overrides);
  const SamplingArgs& a = args.sampling;
  const SweepSetup setup(std::move(scenario), model_named(a.model), parse_options(a.options), {a.seed, a.correlation});
  const std::string path = args.db.empty() ? default_db(args.input.file) : args.db;
  ResultsDb db(path);
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
  const unsigned threads = resolve_threads(args.sampling.threads);
  r.threads = threads;
  const std::int64_t id = db.create_run(r, setup);
  std::vector<std::uint64_t> todo(args.draws);
  for (std::uint64_t d = 0; d < args.draws; ++d) todo[d] = d;
  DrawResults collected(args.draws, setup.issues(), setup.classes());
  if (!evaluate_and_store(db, id, setup, todo, args.draws, collected, threads, args.sampling.progress)) return kInterrupted;
  const SweepSummary summary = collected.summarize(setup.scenario());
  return report(summary, {setup.scenario().metadata.title, r.model, r.seed, setup.inputs(), id, path}, args, out);
}

}  // namespace parley::cli
