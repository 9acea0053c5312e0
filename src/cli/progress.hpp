// A progress bar on standard error, drawn only when it is a terminal: done/total, rate and time
// remaining, redrawn at most ten times a second.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace parley::cli {

class ProgressBar {
 public:
  /// Draws only when `wanted` and standard error is a terminal.
  ProgressBar(bool wanted, std::string unit);
  ~ProgressBar() { finish(); }
  void update(std::uint64_t done, std::uint64_t total);
  /// Clears the bar's line.
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string unit_;
  std::chrono::steady_clock::time_point start_;
};

/// "1:05", "12 s", "2:03:04"
std::string format_duration(double seconds);

/// Ctrl-C sets the flag instead of killing the process, while an InterruptGuard lives.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  static const std::atomic<bool>& flag();
};

}  // namespace parley::cli
