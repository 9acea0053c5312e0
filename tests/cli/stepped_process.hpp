// Catching a parley process at a chosen point of its run, whatever the machine's load.
//
// The process starts stopped and runs in short steps (SIGCONT, about a millisecond, SIGSTOP); after
// each step, while it is stopped, the test asks whether it has reached the point it wants. A test
// that instead polls a running process can lose the race on a loaded machine: the process may run
// to its end while the poller waits for the scheduler. Here it can move on only one step at a time.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing {

/// Starts parley with `args`, stopped before it runs any of its code; its standard output goes to
/// `out` and its standard error to `err` (which may be the same file).
inline pid_t start_stopped(const std::vector<std::string>& args, const std::filesystem::path& out, const std::filesystem::path& err) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = out == err ? out_fd : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv{const_cast<char*>(PARLEY_EXE)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    raise(SIGSTOP);
    execv(PARLEY_EXE, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, WUNTRACED);  // the child's own SIGSTOP
  return pid;
}

/// Runs the stopped process `pid` a step at a time until `reached()` holds between two steps; then
/// `pid` is left stopped and the answer is true. False if the process ended first (its wait status
/// in `ended`, when given) or 120 s passed (then it is killed, so that no stopped process outlives
/// the test).
inline bool step_until(pid_t pid, const std::function<bool()>& reached, int* ended = nullptr) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    kill(pid, SIGCONT);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    kill(pid, SIGSTOP);
    int status = 0;
    waitpid(pid, &status, WUNTRACED);
    if (!WIFSTOPPED(status)) {
      if (ended) *ended = status;
      return false;
    }
    if (reached()) return true;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (ended) *ended = status;
  return false;
}

/// Lets a stopped `pid` go on to its end; its wait status.
inline int continue_and_wait(pid_t pid) {
  kill(pid, SIGCONT);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

}  // namespace parley::testing
