// The focal model and the cross-validated backtest on the DEU III dev data. `x_baseline` is the
// time over the compromise model's on the same scenario, measured in the same process.
#include <benchmark/benchmark.h>

#include <chrono>

#include "parley/parley.hpp"

namespace {

// DEU III dev with the Council-vote capabilities (the shipped skill table's setting).
const parley::Scenario& deu() {
  static const parley::Scenario council = [] {
    parley::ReadOptions o;
    o.deu_capability = parley::DeuCapability::council;
    return parley::read_scenario_file(std::string(PARLEY_TEST_DATA) + "/deu3/deu3-dev.tsv", o);
  }();
  return council;
}

double compromise_seconds() {
  static const double s = [] {
    const parley::Model& m = *parley::find_model("compromise");
    double best = 1e300;
    for (int k = 0; k < 20; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(parley::backtest(deu(), m, {}));
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
  }();
  return s;
}

void report(benchmark::State& state, double seconds_per_iteration) {
  state.counters["x_baseline"] = seconds_per_iteration / compromise_seconds();
}

// The focal model's backtest on DEU dev (the budget: under 10 ms).
void BM_FocalDeuBacktest(benchmark::State& state) {
  const parley::Scenario& s = deu();
  const parley::Model& focal = *parley::find_model("focal");
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) benchmark::DoNotOptimize(parley::backtest(s, focal, {}));
  report(state, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_FocalDeuBacktest)->Unit(benchmark::kMillisecond)->UseRealTime();

// Cross-validation of every model on DEU dev, 5 folds × 20 repeats (budget: under 30 s on 2 cores).
void BM_CrossValidateAllModelsDeu(benchmark::State& state) {
  const parley::Scenario& s = deu();
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) benchmark::DoNotOptimize(parley::cross_validate(s, parley::all_models(), {}, {}));
  report(state, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_CrossValidateAllModelsDeu)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
