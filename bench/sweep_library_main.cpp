// parley_sweep_library FILE DRAWS SEED THREADS REPEATS: the sweep Scenario.sweep (Python) runs,
// made through the C++ library, for bench/python_sweep_bench.py to compare against. For each
// repetition it builds the SweepSetup, evaluates draws 0 .. DRAWS-1 of the compromise model on
// THREADS workers into row-major arrays of inputs, outcomes and class memberships (what the Python
// module keeps and shows as numpy views), then summarises them as a sweep's JSON does (quantiles,
// class probabilities, and the model's measured error). It prints one JSON line per repetition:
// {"sweep_s": seconds to the filled arrays, "sweep_cpu_s": the CPU seconds of all threads in that
// time, "summary_s": seconds of the summary, "checksum": ...}.
// The scenario is read once, before any timing (Scenario.load in Python).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "parley/parley.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// CPU seconds (user + system) of this process so far, all its threads together.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

/// Every draw's inputs, outcomes and memberships in draw order, as chunks arrive in any order.
struct Arrays {
  std::size_t ni, no, nc;
  std::vector<std::uint64_t> draws;
  std::vector<double> inputs, outcomes;
  std::vector<unsigned char> classes;
  Arrays(const parley::SweepSetup& s, std::uint64_t n)
      : ni(s.inputs()), no(s.issues()), nc(s.classes()), draws(n), inputs(n * ni), outcomes(n * no), classes(n * nc) {
    for (std::uint64_t d = 0; d < n; ++d) draws[d] = d;
  }
  void put(const parley::DrawChunk& c) {
    for (std::size_t k = 0; k < c.size(); ++k) {
      const std::uint64_t d = c.draws[k];
      std::copy_n(c.inputs.data() + k * ni, ni, inputs.data() + d * ni);
      std::copy_n(c.outcomes.data() + k * no, no, outcomes.data() + d * no);
      std::copy_n(c.classes.data() + k * nc, nc, classes.data() + d * nc);
    }
  }
};

void repetition(const parley::Scenario& scenario, const parley::Model& model, std::uint64_t draws, std::uint64_t seed, unsigned threads) {
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  const parley::SweepSetup setup(scenario, model, {}, {seed, 0.0});
  Arrays arrays(setup, draws);
  parley::SweepControl control;
  control.threads = threads;
  const std::uint64_t done = parley::evaluate_draws(setup, std::vector<parley::DrawRange>{{0, draws}}, control,
                                                    [&](const parley::DrawChunk& c) { arrays.put(c); });
  const double sweep_s = seconds_since(t0), sweep_cpu_s = cpu_seconds() - c0;
  const auto t1 = Clock::now();
  parley::SweepSummary summary = parley::summarize_sweep(setup.scenario(), done, arrays.outcomes.data(), arrays.classes.data());
  summary.with_model_error = parley::model_error_summary(parley::shipped_skill(), std::string(model.name()), setup.scenario(), seed, done,
                                                         arrays.outcomes.data(), arrays.draws.data());
  const double summary_s = seconds_since(t1);
  double checksum = 0;
  for (const parley::IssueSummary& i : summary.issues) checksum += i.mean;
  std::printf("{\"sweep_s\": %.6f, \"sweep_cpu_s\": %.6f, \"summary_s\": %.6f, \"draws\": %llu, \"checksum\": %.17g}\n", sweep_s,
              sweep_cpu_s, summary_s, static_cast<unsigned long long>(done), checksum);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: parley_sweep_library FILE DRAWS SEED THREADS REPEATS\n");
    return 2;
  }
  try {
    const parley::Scenario scenario = parley::read_scenario_file(argv[1]);
    const parley::Model* model = parley::find_model("compromise");
    const std::uint64_t draws = std::strtoull(argv[2], nullptr, 10), seed = std::strtoull(argv[3], nullptr, 10);
    const auto threads = std::max(1u, static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10)));
    const int repeats = std::atoi(argv[5]);
    for (int r = 0; r < repeats; ++r) repetition(scenario, *model, draws, seed, threads);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parley_sweep_library: %s\n", e.what());
    return 2;
  }
  return 0;
}
