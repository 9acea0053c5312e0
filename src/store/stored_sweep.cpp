#include "parley/stored_sweep.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/version.hpp"
#include "parley/what_if.hpp"

namespace parley {

namespace {

/// The read options a run was stored with (its --input-format and --capability).
ReadOptions stored_read_options(const RunRecord& r) {
  ReadOptions options;
  const auto format = input_format_from_string(r.input_format);
  if (!format)
    throw InputError({r.scenario_file, 0, 0}, "--input-format", "got '" + r.input_format + "'",
                     "auto, yaml, json, ktab-csv, ktab-xml, deu or decide");
  options.format = *format;
  auto capability = deu_capability_from_string(r.capability);
  if (!capability) throw InputError({r.scenario_file, 0, 0}, "--capability", "got '" + r.capability + "'", "equal, gdp or council");
  options.deu_capability = *capability;
  return options;
}

}  // namespace

ResultsDb open_existing_results_db(const std::string& path, const std::string& field) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError({path, 0, 0}, field, "no such database", "a results database written by parley sweep");
  return ResultsDb(path);
}

RunRecord new_sweep_record(const SweepSetup& setup, const SweepOrigin& origin) {
  RunRecord r;
  r.parley_version = kVersion;
  r.scenario_file = origin.scenario_file;
  r.scenario_text = origin.scenario_text;
  r.input_format = origin.input_format;
  r.capability = origin.capability;
  r.model = std::string(setup.model().name());
  r.options = setup.options();
  r.overrides = origin.overrides;
  r.seed = origin.seed;
  r.draws = origin.draws;
  r.actor_correlation = origin.correlation;
  r.threads = origin.threads;
  return r;
}

Scenario stored_scenario(const RunRecord& run) {
  Scenario s = read_scenario_text(run.scenario_text, run.scenario_file, stored_read_options(run));
  apply_overrides(s, run.overrides);
  return s;
}

std::uint64_t evaluate_and_store(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const std::vector<DrawRange>& todo,
                                 std::uint64_t draws, const SweepControl& control, const std::function<void(const DrawChunk&)>& also) {
  return store_draws(
      db, run, todo, draws, control.threads,
      [&](const std::function<void(const DrawChunk&)>& sink) { return evaluate_draws(setup, todo, control, sink); }, also);
}

std::uint64_t store_draws(ResultsDb& db, std::int64_t run, const std::vector<DrawRange>& todo, std::uint64_t draws, unsigned threads,
                          const DrawSource& source, const std::function<void(const DrawChunk&)>& also) {
  std::uint64_t already = draws;
  for (const DrawRange& r : todo) already -= r.size();
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::uint64_t done = 0;
  try {
    done = source([&](const DrawChunk& chunk) {
      db.insert(run, chunk);
      if (also) also(chunk);
    });
  } catch (...) {
    try {
      db.finish(run, "interrupted", elapsed(), threads);
    } catch (...) {  // the first error says more
    }
    throw;
  }
  const bool complete = already + done == draws;
  db.finish(run, complete ? "complete" : "interrupted", elapsed(), threads);
  return already + done;
}

DrawReplay stored_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws) {
  return [&db, run, draws](const DrawVisitor& visit) {
    std::uint64_t next = 0;  // draws under it were visited
    db.load(
        run,
        [&](const StoredDraw& d) {
          if (d.draw < next || d.draw >= draws) return;
          next = d.draw + 1;
          visit(d.draw, d.outcomes, d.classes);
        },
        false);
  };
}

DrawRange run_draws(const RunRecord& run) { return run.shard ? shard_draws(run.draws, *run.shard) : DrawRange{0, run.draws}; }

std::vector<DrawRange> missing_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws) {
  const RunRecord r = db.run(run);
  DrawRange range{0, draws};
  if (r.shard) {
    const DrawRange share = shard_draws(r.draws, *r.shard);
    range = {std::min(share.first, draws), std::min(share.last, draws)};
  }
  std::vector<DrawRange> todo;
  std::uint64_t next = range.first;
  stored_draws(db, run, range.last)([&](std::uint64_t d, const double*, const unsigned char*) {
    if (d < range.first) return;
    if (d > next) todo.push_back({next, d});
    next = d + 1;
  });
  if (next < range.last) todo.push_back({next, range.last});
  return todo;
}

SweepSummary summarize_stored_draws(ResultsDb& db, std::int64_t run, std::uint64_t draws, const SweepSetup& setup) {
  return summarize_draws(setup.scenario(), stored_draws(db, run, draws), std::string(setup.model().name()), setup.sampler().options().seed);
}

}  // namespace parley
