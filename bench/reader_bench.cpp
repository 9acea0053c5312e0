// Reader benchmarks (issue #14, item 11): reading a generated 4000-actor x 50-issue scenario from
// a file, as `parley validate FILE` does, in JSON (about 9 MB) and YAML (about 8 MB).
//
// Counters: `MB` the file's size; `x_baseline` the time over a plain parse of the same file in the
// same process (nlohmann::json's DOM for JSON, libyaml's events for YAML: reading the text and
// building nothing); `peak_x_file` the growth of the resident set while reading (peak, measured
// in a forked child from /proc/self/status) over the file's size; `stances_x_file` the part of it that is
// the Scenario's own table of stances (issues x actors x sizeof(Stance)), which the reader
// cannot shrink. Reading once cost about 17x the file's size for JSON and 18x for YAML.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "generate_scenario.hpp"
#include "parley/parley.hpp"

namespace {

using parley::bench::Syntax;

constexpr std::size_t kActors = 4000, kIssues = 50;

/// The generated scenario, written once to a temporary file.
const std::string& scenario_file(Syntax syntax) {
  static const auto write = [](Syntax s) {
    const auto path =
        std::filesystem::temp_directory_path() / (s == Syntax::json ? "parley-reader-bench.json" : "parley-reader-bench.yaml");
    std::ofstream(path, std::ios::binary) << parley::bench::generate_scenario(kActors, kIssues, s);
    return path.string();
  };
  static const std::string json = write(Syntax::json), yaml = write(Syntax::yaml);
  return syntax == Syntax::json ? json : yaml;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Best of three runs of `f`, in seconds.
template <typename F>
double seconds(F&& f) {
  double best = 1e300;
  for (int k = 0; k < 3; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

double baseline_seconds(Syntax syntax) {
  const std::string& path = scenario_file(syntax);
  if (syntax == Syntax::json) return seconds([&] { benchmark::DoNotOptimize(nlohmann::json::parse(read_all(path))); });
  return seconds([&] {
    const std::string text = read_all(path);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
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
}

/// A "Vm...:" line of /proc/self/status, in kB.
long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  return -1;
}

/// Peak growth of the resident set while reading `path` once, in a forked child (whose high-water
/// mark is reset first through /proc/self/clear_refs, and the heap's free memory handed back), over the file's size.
double peak_ratio(const std::string& path) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    malloc_trim(0);  // free memory kept by the heap would hide the growth
    std::ofstream("/proc/self/clear_refs") << "5";
    const long before = status_kb("VmRSS:");
    benchmark::DoNotOptimize(parley::read_scenario_file(path));
    const long peak = status_kb("VmHWM:");
    const double ratio = static_cast<double>(peak - before) * 1024.0 / static_cast<double>(std::filesystem::file_size(path));
    const bool written = write(fds[1], &ratio, sizeof ratio) == static_cast<ssize_t>(sizeof ratio);
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  double ratio = -1;
  if (read(fds[0], &ratio, sizeof ratio) != static_cast<ssize_t>(sizeof ratio)) ratio = -1;
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  return ratio;
}

void read_file(benchmark::State& state, Syntax syntax) {
  const std::string& path = scenario_file(syntax);
  const auto bytes = static_cast<double>(std::filesystem::file_size(path));
  const double baseline = baseline_seconds(syntax);
  const double peak = peak_ratio(path);
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) benchmark::DoNotOptimize(parley::read_scenario_file(path));
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["MB"] = bytes / 1e6;
  state.counters["x_baseline"] = elapsed / static_cast<double>(state.iterations()) / baseline;
  state.counters["peak_x_file"] = peak;
  state.counters["stances_x_file"] = static_cast<double>(kActors * kIssues * sizeof(parley::Stance)) / bytes;
}

void BM_ReadFile_Json_4000x50(benchmark::State& state) { read_file(state, Syntax::json); }
void BM_ReadFile_Yaml_4000x50(benchmark::State& state) { read_file(state, Syntax::yaml); }
BENCHMARK(BM_ReadFile_Json_4000x50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadFile_Yaml_4000x50)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
