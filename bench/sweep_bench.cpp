// Sweep benchmarks (the uncertainty issue): 100,000 draws of a generated 20-actor x 6-issue
// scenario in which every position, salience and capability is uncertain (260 inputs), with the
// compromise model, including storage of every draw (inputs and outcomes) in a fresh results
// database, as `parley sweep` does. `cores` pins the process to that many CPUs (sched_setaffinity)
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

const parley::SweepSetup& setup() {
  static const parley::SweepSetup s(
      parley::read_scenario_text(parley::bench::generate_scenario(20, 6, parley::bench::Syntax::yaml, 42, true), "generated.yaml"),
      *parley::find_model("compromise"), {}, {1, 0});
  return s;
}

/// Seconds for the whole sweep; `stored` adds the results database (WAL, one transaction per chunk).
double sweep_seconds(unsigned threads, bool stored, double* megabytes = nullptr) {
  const parley::SweepSetup& su = setup();
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

double pinned_seconds(unsigned cores, bool stored, double* megabytes = nullptr) {
  pin(cores);
  const double s = sweep_seconds(cores, stored, megabytes);
  pin(0);
  return s;
}

void BM_Sweep100kCompromise(benchmark::State& state) {
  const unsigned cores = static_cast<unsigned>(state.range(0));
  const bool stored = state.range(1) != 0;
  double seconds = 0, mb = 0;
  for (auto _ : state) {
    seconds = pinned_seconds(cores, stored, &mb);
    state.SetIterationTime(seconds);
  }
  state.counters["inputs"] = static_cast<double>(setup().inputs());
  state.counters["draws_per_s"] = static_cast<double>(kDraws) / seconds;
  if (stored) state.counters["db_MB"] = mb;
  if (cores > 1) state.counters["x_one_core"] = pinned_seconds(1, stored) / seconds;
}
BENCHMARK(BM_Sweep100kCompromise)
    ->ArgNames({"cores", "stored"})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 0})
    ->Args({2, 0})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
