// Exchange model benchmarks (docs/models/exchange.md, "Speed"), on generated cases
// (bench/generate_scenario.hpp, seed 42), 10 rounds, single thread.
// BM_ExchangeRounds/A/I: run_exchange() on A actors x I issues (the goal: 100 x 20 under 1 s),
// with the candidates and realised exchanges per round as counters. BM_ExchangeModel/A/I: the
// whole `exchange` model (rounds and forecast). BM_ExchangeVsTranscription/A/I: the same rounds by
// the direct transcription (bench/exchange_transcription.hpp) in the same process: `model_ms` is
// the model's CPU time (mean of 5 runs), `x_transcription` the transcription's CPU time over it.
// Before any benchmark runs, main() checks on small cases, both variants, that the model and the
// transcription realise the same exchanges bit for bit (and exits 1 if not).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "exchange_transcription.hpp"
#include "generate_scenario.hpp"
#include "models/exchange/exchange.hpp"
#include "parley/parley.hpp"

namespace {

namespace ex = parley::models::exchange;
namespace tr = parley::bench::exchange_transcription;

parley::Scenario generated(std::size_t actors, std::size_t issues) {
  return parley::read_scenario_text(parley::bench::generate_scenario(actors, issues, parley::bench::Syntax::yaml, 42), "generated.yaml");
}

/// The CPU time of `f` on this thread (the machine may be shared: wall time would count the others).
template <class F>
double seconds(F&& f) {
  const auto now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  };
  const double t0 = now();
  f();
  return now() - t0;
}

bool same_side(const ex::Side& s, std::size_t actor, std::size_t supply, double move, double shift, double gain) {
  return s.actor == actor && s.supply == supply && s.move == move && s.shift == shift && s.gain == gain;
}

/// Whether the model and the transcription realise the same exchanges, in the same order, with the
/// same moves, shifts and gains (==, not within a tolerance), and leave the same means.
bool agree(const parley::Scenario& sc, const ex::Options& o) {
  const ex::Run run = ex::run_exchange(sc, o);
  const tr::Result ref = tr::run(sc, o);
  if (run.rounds.size() != ref.rounds.size()) return false;
  for (std::size_t r = 0; r < run.rounds.size(); ++r) {
    const ex::Round& a = run.rounds[r];
    const tr::Round& b = ref.rounds[r];
    if (a.candidates != b.candidates || a.valid != b.valid || a.exchanges.size() != b.exchanges.size()) return false;
    for (std::size_t k = 0; k < a.exchanges.size(); ++k) {
      const ex::Exchange& e = a.exchanges[k];
      const tr::Realised& f = b.exchanges[k];
      if (e.p != f.p || e.q != f.q || e.gain != f.gain || !same_side(e.on_p, f.a_p, f.p, f.move_p, f.shift_p, f.gain_p) ||
          !same_side(e.on_q, f.a_q, f.q, f.move_q, f.shift_q, f.gain_q))
        return false;
    }
  }
  for (std::size_t i = 0; i < sc.issues().size(); ++i) {
    const parley::Scale& scale = sc.issue(i).scale;
    const double width = scale.max > scale.min ? scale.max - scale.min : 1;
    const double mean = run.rounds.empty() ? 0 : run.rounds.back().voting.means[i];
    if (!run.rounds.empty() && mean != scale.min + width * ref.means[i] / 100) return false;
  }
  return true;
}

void check_against_transcription() {
  for (auto [actors, issues] : {std::pair<std::size_t, std::size_t>{20, 6}, {30, 8}})
    for (ex::Variant v : {ex::Variant::equal_gain, ex::Variant::random_rate}) {
      ex::Options o;
      o.variant = v;
      if (!agree(generated(actors, issues), o)) {
        std::fprintf(stderr, "exchange_bench: the model and the transcription differ on %zu x %zu (%s)\n", actors, issues,
                     v == ex::Variant::equal_gain ? "equal-gain" : "random-rate");
        std::exit(1);
      }
    }
}

void per_round_counters(benchmark::State& state, const ex::Run& run) {
  double candidates = 0, realised = 0;
  for (const ex::Round& r : run.rounds)
    candidates += static_cast<double>(r.candidates), realised += static_cast<double>(r.exchanges.size());
  const double n = static_cast<double>(run.rounds.size());
  state.counters["candidates"] = candidates / n;
  state.counters["realised"] = realised / n;
}

void BM_ExchangeRounds(benchmark::State& state) {
  const parley::Scenario sc = generated(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  ex::Run run;
  for (auto _ : state) benchmark::DoNotOptimize(run = ex::run_exchange(sc, {}));
  per_round_counters(state, run);
}
BENCHMARK(BM_ExchangeRounds)->Args({40, 10})->Args({100, 20})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ExchangeModel(benchmark::State& state) {
  const parley::Scenario sc = generated(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  const parley::Model& model = *parley::find_model("exchange");
  for (auto _ : state) benchmark::DoNotOptimize(model.run(sc, {}));
}
BENCHMARK(BM_ExchangeModel)->Args({100, 20})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ExchangeVsTranscription(benchmark::State& state) {
  const parley::Scenario sc = generated(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  double total = 0;
  for (auto _ : state) total += seconds([&] { benchmark::DoNotOptimize(tr::run(sc, {})); });
  const double per = total / static_cast<double>(state.iterations());
  double ours = 0;
  for (int k = 0; k < 5; ++k) ours += seconds([&] { benchmark::DoNotOptimize(ex::run_exchange(sc, {})); }) / 5;
  state.counters["model_ms"] = ours * 1e3;
  state.counters["x_transcription"] = per / ours;
}
BENCHMARK(BM_ExchangeVsTranscription)->Args({40, 10})->Args({60, 12})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  check_against_transcription();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
