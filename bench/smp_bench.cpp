// smp benchmarks. BM_SmpKtab runs KTAB's CSV inputs with KTAB's stopping rule; `x_ktab` is KTAB's
// own time on this machine (tests/data/ktab/README.md: smpc built -O2, --logmin, median wall
// time) over ours, for the same file and the same number of turns (asserted by the tests).
// `x_one_thread` is the single-threaded time over the default (both cores), in the same process.
// BM_SmpGrowth: 10 turns of generated n-actor x d-dimension scenarios (50 to 1,000 actors), to show how
// cost grows: the growth exponent between consecutive sizes is computed in the same run.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <random>

#include "core/parallel.hpp"
#include "parley/parley.hpp"

namespace {

double seconds_of(const parley::Scenario& s, const parley::ModelOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  benchmark::DoNotOptimize(parley::find_model("smp")->run(s, o));
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void run_ktab(benchmark::State& state, const char* file, double ktab_seconds) {
  const parley::Scenario s = parley::read_scenario_file(std::string(PARLEY_TEST_DATA) + "/ktab/" + file);
  double total = 0;
  std::size_t turns = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    turns = parley::find_model("smp")->run(s, {}).turns.size() - 1;
    total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const double per = total / static_cast<double>(state.iterations());
  parley::thread_limit() = 1;
  const double one = seconds_of(s, {});
  parley::thread_limit() = 0;
  state.counters["turns"] = static_cast<double>(turns);
  state.counters["x_ktab"] = ktab_seconds / per;
  state.counters["x_one_thread"] = one / per;
}

void BM_SmpKtab3Dim(benchmark::State& st) { run_ktab(st, "dummyData_3Dim.csv", 0.10); }
void BM_SmpKtabSoe(benchmark::State& st) { run_ktab(st, "SOE-Pol-Comp.csv", 0.88); }
void BM_SmpKtab6Dim(benchmark::State& st) { run_ktab(st, "dummyData_6Dim.csv", 5.8); }
void BM_SmpKtabA040(benchmark::State& st) { run_ktab(st, "dummyData-a040.csv", 11.3); }
void BM_SmpKtabA080(benchmark::State& st) { run_ktab(st, "dummyData-a080.csv", 159); }
void BM_SmpKtabA160(benchmark::State& st) { run_ktab(st, "dummyData-a160.csv", 1708); }
BENCHMARK(BM_SmpKtab3Dim)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmpKtabSoe)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmpKtab6Dim)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmpKtabA040)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmpKtabA080)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmpKtabA160)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// n actors on d dimensions drawn as KTAB's randomSMP does: capability 10-200, total salience
/// 0.75-0.99 split at random, positions uniform.
parley::Scenario generated(std::size_t n, std::size_t d) {
  std::mt19937_64 rng(n * 100 + d);
  std::uniform_real_distribution<double> u(0, 1);
  parley::Scenario s;
  for (std::size_t k = 0; k < d; ++k) {
    parley::Issue issue;
    issue.id = "d" + std::to_string(k);
    issue.label = issue.id;
    s.add_issue(issue);
  }
  for (std::size_t a = 0; a < n; ++a) {
    parley::Actor actor;
    actor.id = "a" + std::to_string(a);
    actor.capability.value = parley::Uncertain::point(10 + 190 * u(rng));
    s.add_actor(actor);
    const double total = 0.75 + 0.24 * u(rng);
    std::vector<double> w(d);
    double sum = 0;
    for (double& x : w) sum += (x = 0.1 + 0.9 * u(rng));
    for (std::size_t k = 0; k < d; ++k) {
      s.stance(k, a).position = parley::Parameter{parley::Uncertain::point(100 * u(rng)), -1};
      s.stance(k, a).salience = parley::Parameter{parley::Uncertain::point(total * w[k] / sum), -1};
    }
  }
  return s;
}

/// CPU seconds of the whole process (all threads): the work done, whatever else the machine runs.
double process_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

/// Per dimension count: (actors, wall seconds, CPU seconds) of the previous and of the first size run.
struct GrowthPoint {
  double n = 0, wall = 0, cpu = 0;
};
/// Per (dimensions, precision): the previous and the first size's point.
std::map<std::pair<std::size_t, bool>, std::pair<GrowthPoint, GrowthPoint>>& growth_points() {
  static std::map<std::pair<std::size_t, bool>, std::pair<GrowthPoint, GrowthPoint>> points;
  return points;
}

/// CPU seconds of precision=exact per (actors, dimensions), for the fast runs' ratio.
std::map<std::pair<std::size_t, std::size_t>, double>& exact_cpu() {
  static std::map<std::pair<std::size_t, std::size_t>, double> cpu;
  return cpu;
}

/// BM_SmpGrowth: 10 turns; `exponent` = log(time / previous size's time) / log(n / previous n), from
/// wall time, and `cpu_exponent` from the process's CPU time (steadier on a busy machine); `_vs_first`
/// against the first size of the same dimension count. Sizes run in order, in the same process.
/// The third argument 1 runs precision=fast; `x_exact` is then the CPU time of precision=exact at
/// the same size (when it ran earlier in the process) over fast's.
void BM_SmpGrowth(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0)), d = static_cast<std::size_t>(state.range(1));
  const bool fast = state.range(2) != 0;
  const parley::Scenario s = generated(n, d);
  double wall = 0, cpu = 0;
  for (auto _ : state) {
    const double c0 = process_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(
        parley::find_model("smp")->run(s, {{"stop", "rounds"}, {"rounds", "10"}, {"precision", fast ? "fast" : "exact"}}));
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu += process_seconds() - c0;
  }
  const double runs = static_cast<double>(state.iterations());
  const GrowthPoint here{static_cast<double>(n), wall / runs, cpu / runs};
  state.counters["actors"] = static_cast<double>(n);
  state.counters["dims"] = static_cast<double>(d);
  state.counters["cpu_s"] = here.cpu;
  if (!fast) exact_cpu()[{n, d}] = here.cpu;
  if (const auto exact = exact_cpu().find({n, d}); fast && exact != exact_cpu().end()) state.counters["x_exact"] = exact->second / here.cpu;
  auto& points = growth_points();
  if (const auto seen = points.find({d, fast}); seen != points.end() && seen->second.first.n < here.n) {
    const GrowthPoint& previous = seen->second.first;
    const GrowthPoint& first = seen->second.second;
    state.counters["exponent"] = std::log(here.wall / previous.wall) / std::log(here.n / previous.n);
    state.counters["cpu_exponent"] = std::log(here.cpu / previous.cpu) / std::log(here.n / previous.n);
    state.counters["cpu_exponent_vs_first"] = std::log(here.cpu / first.cpu) / std::log(here.n / first.n);
    seen->second.first = here;
  } else {
    points[{d, fast}] = {here, here};
  }
}
BENCHMARK(BM_SmpGrowth)
    ->Args({50, 3, 0})
    ->Args({100, 3, 0})
    ->Args({200, 3, 0})
    ->Args({400, 3, 0})
    ->Args({800, 3, 0})
    ->Args({1000, 3, 0})
    ->Args({200, 1, 0})
    ->Args({200, 6, 0})
    ->Args({200, 12, 0})
    ->Args({100, 3, 1})
    ->Args({200, 3, 1})
    ->Args({400, 3, 1})
    ->Args({800, 3, 1})
    ->Args({1000, 3, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
