#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace parley::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }

}  // namespace

std::string format_duration(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "?";
  const auto s = static_cast<long>(seconds + 0.5);
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{}:{:02}", s / 60, s % 60);
  return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

ProgressBar::ProgressBar(bool wanted, std::string unit)
    : enabled_(wanted && ::isatty(STDERR_FILENO) == 1), unit_(std::move(unit)), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  constexpr int width = 30;
  const int filled = static_cast<int>(fraction * width);
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const std::string eta = rate > 0 ? format_duration(static_cast<double>(total - done) / rate) : "?";
  std::fprintf(stderr, "\r\x1b[K[%s%s] %3.0f%% %llu/%llu %s  %.0f/s  %s left", std::string(filled, '#').c_str(),
               std::string(width - filled, '.').c_str(), 100 * fraction, static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total), unit_.c_str(), rate, eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) std::fprintf(stderr, "\r\x1b[K");
  drawn_ = false;
}

InterruptGuard::InterruptGuard() {
  g_interrupted = false;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

InterruptGuard::~InterruptGuard() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>& InterruptGuard::flag() { return g_interrupted; }

}  // namespace parley::cli
