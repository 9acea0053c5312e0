// A minimal parallel loop over [0, n) in contiguous blocks. Each index is processed by exactly one
// thread, so results that depend only on the index are the same whatever the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <thread>
#include <vector>

namespace parley::models {

/// Upper bound on threads (0: no bound beyond the hardware's). For tests of thread-count
/// independence and for benchmarks.
inline std::atomic<unsigned>& thread_limit() {
  static std::atomic<unsigned> limit{0};
  return limit;
}

/// The PARLEY_THREADS environment variable (a positive number), or 0 when unset or invalid.
inline unsigned environment_threads() {
  static const unsigned value = [] {
    const char* text = std::getenv("PARLEY_THREADS");
    const long n = text ? std::strtol(text, nullptr, 10) : 0;
    return n > 0 && n < 1024 ? static_cast<unsigned>(n) : 0u;
  }();
  return value;
}

/// True on threads that already run one of many model runs in parallel (sweeps, sensitivity):
/// models then run single-threaded there instead of starting threads of their own.
inline bool& serial_models_here() {
  thread_local bool serial = false;
  return serial;
}

/// Marks the current thread as a worker of an outer parallel loop while it lives.
class SerialModelsScope {
 public:
  SerialModelsScope() : previous_(serial_models_here()) { serial_models_here() = true; }
  ~SerialModelsScope() { serial_models_here() = previous_; }
  SerialModelsScope(const SerialModelsScope&) = delete;
  SerialModelsScope& operator=(const SerialModelsScope&) = delete;

 private:
  bool previous_;
};

/// Threads to use: 1 inside an outer parallel loop; otherwise the hardware's, at most 8, at
/// most PARLEY_THREADS and thread_limit() when set, at least 1.
inline unsigned default_threads() {
  if (serial_models_here()) return 1;
  unsigned n = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  if (const unsigned env = environment_threads(); env > 0) n = std::min(n, env);
  if (const unsigned limit = thread_limit().load(); limit > 0) n = std::min(n, limit);
  return n;
}

/// Calls body(begin, end) on disjoint blocks covering [0, n). Runs inline when n < min_parallel.
template <typename Body>
void parallel_blocks(std::size_t n, Body&& body, std::size_t min_parallel = 64, unsigned threads = default_threads()) {
  if (n < min_parallel || threads <= 1) {
    body(std::size_t{0}, n);
    return;
  }
  const std::size_t blocks = std::min<std::size_t>(threads, n);
  std::vector<std::thread> pool;
  pool.reserve(blocks - 1);
  const std::size_t step = (n + blocks - 1) / blocks;
  for (std::size_t b = 1; b < blocks; ++b) {
    const std::size_t begin = b * step, end = std::min(n, begin + step);
    if (begin < end) pool.emplace_back([&body, begin, end] { body(begin, end); });
  }
  body(std::size_t{0}, std::min(n, step));
  for (std::thread& t : pool) t.join();
}

}  // namespace parley::models
