// Sweep benchmarks (the uncertainty issue): 100,000 draws with the compromise model, including
// storage of every draw (inputs and outcomes) in a fresh results database, as `parley sweep` does,
// of two scenarios: (scenario 0) a generated 20-actor x 6-issue scenario in which every position,
// salience and capability is uncertain (260 inputs), and (scenario 1) the flagship,
// scenarios/us-russia.yaml, with its citations, classes, sides, linkages and five events (every
// draw runs the model at six stages). `x_generated` is the flagship's draws/s over the generated
// scenario's, measured in the same process. `cores` pins the process to that many CPUs (sched_setaffinity)
// and runs that many workers; storage runs on the calling thread beside them. `x_one_core` is the
// one-core time, measured in the same process, over this run's time.
#include <benchmark/benchmark.h>
#include <sched.h>

#include <chrono>
#include <filesystem>

#include "generate_scenario.hpp"
#include "parley/parley.hpp"
#include "parley/results_db.hpp"

namespace {

constexpr std::uint64_t kDraws = 100000;

const parley::SweepSetup& setup(int scenario) {
  static const parley::SweepSetup generated(
      parley::read_scenario_text(parley::bench::generate_scenario(20, 6, parley::bench::Syntax::yaml, 42, true), "generated.yaml"),
      *parley::find_model("compromise"), {}, {1, 0});
  static const parley::SweepSetup flagship(parley::read_scenario_file(PARLEY_SOURCE_DIR "/scenarios/us-russia.yaml"),
                                           *parley::find_model("compromise"), {}, {1, 0});
  return scenario == 0 ? generated : flagship;
}

/// Seconds for the whole sweep; `stored` adds the results database (WAL, one transaction per chunk).
double sweep_seconds(int scenario, unsigned threads, bool stored, double* megabytes = nullptr) {
  const parley::SweepSetup& su = setup(scenario);
  const std::string path = (std::filesystem::temp_directory_path() / "parley-bench-sweep.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::uint64_t> todo(kDraws);
  for (std::uint64_t d = 0; d < kDraws; ++d) todo[d] = d;
  parley::DrawResults results(kDraws, su.issues(), su.classes());
  parley::SweepControl control;
  control.threads = threads;
  auto collect = [&](const parley::DrawChunk& c) { results.put(c); };
  if (stored) {
    parley::ResultsDb db(path);
    parley::RunRecord r;
    r.model = "compromise";
    r.draws = kDraws;
    const std::int64_t id = db.create_run(r, su);
    parley::evaluate_draws(su, todo, control, [&](const parley::DrawChunk& c) {
      db.insert(id, c);
      collect(c);
    });
    db.finish(id, "complete", 0, threads);
  } else {
    parley::evaluate_draws(su, todo, control, collect);
  }
  benchmark::DoNotOptimize(results.summarize(su.scenario()));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (megabytes) {
    *megabytes = 0;
    for (const char* suffix : {"", "-wal"})
      if (std::filesystem::exists(path + suffix)) *megabytes += static_cast<double>(std::filesystem::file_size(path + suffix)) / 1e6;
  }
  return seconds;
}

/// Restricts this process (and the threads it starts) to its first `cores` CPUs; 0 lifts it.
void pin(unsigned cores) {
  static cpu_set_t all = [] {
    cpu_set_t set;
    sched_getaffinity(0, sizeof set, &set);
    return set;
  }();
  cpu_set_t set = all;
  if (cores > 0) {
    CPU_ZERO(&set);
    unsigned added = 0;
    for (int c = 0; c < CPU_SETSIZE && added < cores; ++c)
      if (CPU_ISSET(c, &all)) {
        CPU_SET(c, &set);
        ++added;
      }
  }
  sched_setaffinity(0, sizeof set, &set);
}

double pinned_seconds(int scenario, unsigned cores, bool stored, double* megabytes = nullptr) {
  pin(cores);
  const double s = sweep_seconds(scenario, cores, stored, megabytes);
  pin(0);
  return s;
}

void BM_Sweep100kCompromise(benchmark::State& state) {
  const unsigned cores = static_cast<unsigned>(state.range(0));
  const bool stored = state.range(1) != 0;
  const int scenario = static_cast<int>(state.range(2));
  double seconds = 0, mb = 0;
  for (auto _ : state) {
    seconds = pinned_seconds(scenario, cores, stored, &mb);
    state.SetIterationTime(seconds);
  }
  state.counters["inputs"] = static_cast<double>(setup(scenario).inputs());
  state.counters["draws_per_s"] = static_cast<double>(kDraws) / seconds;
  if (stored) state.counters["db_MB"] = mb;
  if (cores > 1) state.counters["x_one_core"] = pinned_seconds(scenario, 1, stored) / seconds;
  if (scenario == 1) state.counters["x_generated"] = pinned_seconds(0, cores, stored) / seconds;
}
BENCHMARK(BM_Sweep100kCompromise)
    ->ArgNames({"cores", "stored", "scenario"})
    ->Args({1, 1, 0})
    ->Args({2, 1, 0})
    ->Args({1, 0, 0})
    ->Args({2, 0, 0})
    ->Args({1, 1, 1})
    ->Args({2, 1, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
