// Benchmarks. Each parley benchmark reports `x_baseline`: its time divided by the time of a
// baseline measured in the same process (parsing the same text with a plain parser and building
// nothing), so results compare across machines.
#include <benchmark/benchmark.h>
#include <yaml.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "generate_scenario.hpp"
#include "parley/parley.hpp"

namespace {

using parley::bench::generate_scenario;
using parley::bench::Syntax;

const std::string& text(Syntax syntax) {
  static const std::string json = generate_scenario(10000, 50, Syntax::json);
  static const std::string yaml = generate_scenario(10000, 50, Syntax::yaml);
  return syntax == Syntax::json ? json : yaml;
}

template <typename F>
double seconds_per_run(F&& f, int runs = 3) {
  double best = 1e300;
  for (int k = 0; k < runs; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

// Baselines: a DOM parse with nlohmann::json; a pass over libyaml's events.
double nlohmann_parse_seconds() {
  static const double s = seconds_per_run([] { benchmark::DoNotOptimize(nlohmann::json::parse(text(Syntax::json))); });
  return s;
}

double libyaml_events_seconds() {
  static const double s = seconds_per_run([] {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    const std::string& t = text(Syntax::yaml);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(t.data()), t.size());
    yaml_event_t event;
    std::size_t events = 0;
    while (yaml_parser_parse(&parser, &event)) {
      const bool end = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      ++events;
      if (end) break;
    }
    yaml_parser_delete(&parser);
    benchmark::DoNotOptimize(events);
  });
  return s;
}

double per_iteration(std::chrono::steady_clock::time_point t0, const benchmark::State& state) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return elapsed / static_cast<double>(state.iterations());
}

void read_validate_compromise(benchmark::State& state, Syntax syntax, double baseline) {
  const std::string& t = text(syntax);
  const parley::Model& model = *parley::find_model("compromise");
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const parley::Scenario s =
        parley::read_scenario_text(t, "bench", {syntax == Syntax::json ? parley::InputFormat::json : parley::InputFormat::yaml, {}});
    benchmark::DoNotOptimize(model.run(s, {}));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
  state.counters["MB"] = static_cast<double>(t.size()) / 1e6;
  state.counters["x_baseline"] = per_iteration(t0, state) / baseline;
}

void BM_ReadValidateCompromise_Json_10000x50(benchmark::State& state) {
  read_validate_compromise(state, Syntax::json, nlohmann_parse_seconds());
}
void BM_ReadValidateCompromise_Yaml_10000x50(benchmark::State& state) {
  read_validate_compromise(state, Syntax::yaml, libyaml_events_seconds());
}
BENCHMARK(BM_ReadValidateCompromise_Json_10000x50)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);
BENCHMARK(BM_ReadValidateCompromise_Yaml_10000x50)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);

std::string deu_text() {
  std::ifstream in(std::string(PARLEY_TEST_DATA) + "/deu3/deu3-dev.tsv", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The whole DEU III backtest (read, validate, run, score); baseline: splitting the TSV into lines.
void BM_BacktestDeu_Compromise(benchmark::State& state) {
  static const std::string t = deu_text();
  const double baseline = seconds_per_run(
      [] {
        std::istringstream in(t);
        std::string line;
        std::size_t n = 0;
        while (std::getline(in, line)) n += line.size();
        benchmark::DoNotOptimize(n);
      },
      20);
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const parley::Scenario s = parley::read_scenario_text(t, "deu3-dev.tsv", {parley::InputFormat::deu, parley::DeuCapability::equal});
    benchmark::DoNotOptimize(parley::backtest(s, *parley::find_model("compromise"), {}));
  }
  state.counters["x_baseline"] = per_iteration(t0, state) / baseline;
}
BENCHMARK(BM_BacktestDeu_Compromise)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
