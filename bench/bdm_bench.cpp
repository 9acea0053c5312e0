// BDM benchmarks: 10 rounds of the scholz-code profile for n random actors, with positions on the
// integers 0..100 (m <= 101 distinct positions) and with continuous positions (m = n at the start),
// and the EC case. `x_baseline` is the time over that of the direct transcription
// (tests/models/bdm_reference.hpp) run in the same process for the same rounds (n <= 100 only: it
// costs O(n^4) per round). `growth` is the exponent of the time against the size before it in
// the same run: log(t_n / t_prev) / log(n / n_prev) (1: linear, 2: quadratic); `growth_cpu` the
// same for the process's CPU time (steadier on a shared machine).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <random>
#include <string>

#include "models/bdm_reference.hpp"
#include "models/model_fixtures.hpp"
#include "parley/parley.hpp"

namespace {

std::vector<parley::testing::Member> random_members(std::size_t n, bool continuous = false) {
  std::mt19937 rng(static_cast<unsigned>(n));
  std::uniform_int_distribution<int> x(0, 100), c(1, 100), s(1, 100);
  std::uniform_real_distribution<double> real_x(0, 100);
  std::vector<parley::testing::Member> out;
  for (std::size_t k = 0; k < n; ++k) {
    const double integer_x = static_cast<double>(x(rng));
    out.push_back({continuous ? real_x(rng) : integer_x, c(rng) / 10.0, s(rng) / 100.0});
  }
  return out;
}

/// Seconds per run of each benchmark family by size, for the growth exponent.
std::map<std::string, std::map<std::size_t, double>>& seconds_by_size() {
  static std::map<std::string, std::map<std::size_t, double>> table;
  return table;
}

/// Wall-clock and CPU seconds per run.
struct Seconds {
  double wall, cpu;
};

/// Records this size's times and sets `growth` and `growth_cpu` against the largest smaller size
/// of the family.
void report_growth(benchmark::State& state, const std::string& family, std::size_t n, Seconds seconds) {
  for (const auto& [counter, t] : {std::pair{std::string("growth"), seconds.wall}, std::pair{std::string("growth_cpu"), seconds.cpu}}) {
    auto& sizes = seconds_by_size()[family + counter];
    sizes[n] = t;
    const auto it = sizes.find(n);
    if (it == sizes.begin()) continue;
    const auto& [n_prev, t_prev] = *std::prev(it);
    state.counters[counter] = std::log(t / t_prev) / std::log(static_cast<double>(n) / static_cast<double>(n_prev));
  }
}

double reference_seconds(const std::vector<parley::testing::Member>& members, int rounds) {
  std::vector<double> x, c, s;
  for (const auto& m : members) x.push_back(m.x), c.push_back(m.c), s.push_back(m.s);
  const double range = *std::max_element(x.begin(), x.end()) - *std::min_element(x.begin(), x.end());
  const auto t0 = std::chrono::steady_clock::now();
  for (int t = 0; t < rounds; ++t) x = parley::testing::bdm_reference::round(x, c, s, range).positions;
  benchmark::DoNotOptimize(x);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Seconds per run.
Seconds run_bdm(benchmark::State& state, const parley::Scenario& scenario, double baseline, const std::string& precision = "exact") {
  const parley::Model& bdm = *parley::find_model("bdm");
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  for (auto _ : state) benchmark::DoNotOptimize(bdm.run(scenario, {{"rounds", "10"}, {"precision", precision}}));
  const auto runs = static_cast<double>(state.iterations());
  const double per = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / runs;
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC / runs;
  if (baseline > 0) state.counters["x_baseline"] = per / baseline;
  return {per, cpu};
}

void BM_Bdm10Rounds(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto members = random_members(n);
  const double baseline = n <= 100 ? reference_seconds(members, 10) : 0;
  report_growth(state, "integer", n, run_bdm(state, parley::testing::one_issue(members), baseline));
  state.counters["actors"] = static_cast<double>(n);
}
BENCHMARK(BM_Bdm10Rounds)->Arg(10)->Arg(100)->Arg(1000)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Continuous positions: every actor at a position of its own, so m = n in round 1 (about 0.6 n
// later, as actors take others' positions).
void BM_Bdm10RoundsContinuous(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Seconds seconds = run_bdm(state, parley::testing::one_issue(random_members(n, true)), 0);
  report_growth(state, "continuous", n, seconds);
  seconds_by_size()["exact"][n] = seconds.wall;
  state.counters["actors"] = static_cast<double>(n);
}
BENCHMARK(BM_Bdm10RoundsContinuous)->Arg(1000)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with precision=fast; `x_exact` is its time over BM_Bdm10RoundsContinuous's for the same
// size in the same run (when that ran).
void BM_Bdm10RoundsContinuousFast(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Seconds seconds = run_bdm(state, parley::testing::one_issue(random_members(n, true)), 0, "fast");
  report_growth(state, "continuous-fast", n, seconds);
  const auto& exact = seconds_by_size()["exact"];
  if (exact.count(n)) state.counters["x_exact"] = seconds.wall / exact.at(n);
  state.counters["actors"] = static_cast<double>(n);
}
BENCHMARK(BM_Bdm10RoundsContinuousFast)->Arg(1000)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BdmEc1994(benchmark::State& state) {
  const std::vector<parley::testing::Member> ec = {{4, 0.08, 0.8},  {7, 0.08, 0.4},  {4, 0.03, 0.2}, {4, 0.16, 0.8}, {10, 0.16, 0.6},
                                                   {10, 0.16, 0.6}, {10, 0.16, 0.9}, {7, 0.05, 0.1}, {4, 0.05, 1.0}, {7, 0.08, 0.7}};
  run_bdm(state, parley::testing::one_issue(ec), reference_seconds(ec, 10));
}
BENCHMARK(BM_BdmEc1994)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
