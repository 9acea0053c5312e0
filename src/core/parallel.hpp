// A minimal parallel loop over [0, n) in contiguous blocks, and the thread count it uses. Each index
// is processed by exactly one thread, so results that depend only on the index are the same
// whatever the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <optional>
#include <thread>
#include <vector>

namespace parley {

/// Upper bound on threads (0: no bound beyond the hardware's). For tests of thread-count
/// independence and for benchmarks.
inline std::atomic<unsigned>& thread_limit() {
  static std::atomic<unsigned> limit{0};
  return limit;
}

/// The most threads PARLEY_THREADS and --threads may ask for.
inline constexpr unsigned kMaxThreads = 256;

/// PARLEY_THREADS's value read strictly: a whole number from 1 to kMaxThreads in decimal digits only
/// ("abc", "", "0", "-1", "1e3", "2.5" and larger numbers are none). The command line refuses
/// a variable that is set but none (exit 2); the library then ignores it.
inline std::optional<unsigned> parse_thread_count(const char* text) {
  unsigned n = 0;
  if (!text || !*text) return std::nullopt;
  for (const char* c = text; *c; ++c) {
    if (*c < '0' || *c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(*c - '0');
    if (n > kMaxThreads) return std::nullopt;
  }
  if (n == 0) return std::nullopt;
  return n;
}

/// The PARLEY_THREADS environment variable (parse_thread_count), or 0 when unset or invalid.
inline unsigned environment_threads() {
  static const unsigned value = parse_thread_count(std::getenv("PARLEY_THREADS")).value_or(0u);
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

/// The machine's hardware threads, read once: glibc reads /sys on every call of
/// std::thread::hardware_concurrency, which costs more than a small model run.
inline unsigned hardware_threads() {
  static const unsigned n = std::thread::hardware_concurrency();
  return n;
}

/// Threads to use: 1 inside an outer parallel loop; otherwise the hardware's, at most 8, at
/// most PARLEY_THREADS and thread_limit() when set, at least 1.
inline unsigned default_threads() {
  if (serial_models_here()) return 1;
  unsigned n = std::max(1u, std::min(8u, hardware_threads()));
  if (const unsigned env = environment_threads(); env > 0) n = std::min(n, env);
  if (const unsigned limit = thread_limit().load(); limit > 0) n = std::min(n, limit);
  return n;
}

/// The worker threads of a command or request that asks for `requested` (--threads N; 0: every
/// core, at most 64); at most kMaxThreads.
inline unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return std::min(requested, kMaxThreads);
  return std::max(1u, std::min(64u, hardware_threads()));
}

/// Calls body(begin, end) on disjoint blocks covering [0, n), block 0 on the calling thread and
/// each other block on a thread of its own. Runs inline when n < min_parallel or threads <= 1.
///
/// Exceptions: a block that throws ends only itself; the other blocks run to their end (a body
/// that should stop early checks a flag of its own). Once every thread is joined, the exception
/// of the first block that threw, in block order, is rethrown to the caller as it was thrown (same
/// type, via std::exception_ptr), so the same failing input reports the same error whatever the
/// timing. If a thread cannot be started, the blocks not yet started do not run and the caller
/// gets std::system_error unless an earlier block threw.
template <typename Body>
void parallel_blocks(std::size_t n, Body&& body, std::size_t min_parallel = 64, unsigned threads = default_threads()) {
  if (n < min_parallel || threads <= 1) {
    body(std::size_t{0}, n);
    return;
  }
  const std::size_t blocks = std::min<std::size_t>(threads, n);
  const std::size_t step = (n + blocks - 1) / blocks;
  std::vector<std::exception_ptr> errors(blocks);
  auto run_block = [&body, &errors, n, step](std::size_t b) noexcept {
    try {
      body(b * step, std::min(n, b * step + step));
    } catch (...) {
      errors[b] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(blocks - 1);
  for (std::size_t b = 1; b < blocks && b * step < n; ++b) {
    try {
      pool.emplace_back(run_block, b);
    } catch (...) {
      errors[b] = std::current_exception();
      break;
    }
  }
  run_block(0);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
}

}  // namespace parley
