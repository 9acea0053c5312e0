// Long work the API runs in the background: sweeps, stored in the results database as `parley
// sweep` stores them, with progress and cancellation (docs/web.md, "Sweeps").
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "parley/results_db.hpp"
#include "parley/stored_sweep.hpp"
#include "parley/sweep.hpp"

namespace parley::server {

/// One job. Its fields change on the worker's thread; read them through snapshot().
class Job {
 public:
  struct Snapshot {
    std::int64_t id = 0, run = 0;
    std::string status;  // running, done, cancelled or failed
    std::uint64_t done = 0, total = 0;
    std::string error;  // failed: the error object's JSON
  };

  Job(std::int64_t id, std::int64_t run, std::uint64_t total) : id_(id), run_(run), total_(total) {}
  ~Job();
  Snapshot snapshot() const;
  /// Blocks until the job's state changes from `seen` (done or status), the job ends, or
  /// `timeout_ms` pass; returns the state then.
  Snapshot wait_change(const Snapshot& seen, int timeout_ms) const;
  /// Asks the worker to stop after its current draws and waits for it.
  void cancel();

  /// The job's JSON: {"job", "kind", "run", "status", "done", "total"[, "error"]}.
  static std::string json(const Snapshot& s);

 private:
  friend class Jobs;
  void progress(std::uint64_t done);
  void finish(const std::string& status, const std::string& error = {});

  const std::int64_t id_, run_;
  const std::uint64_t total_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::uint64_t done_ = 0;
  std::string status_ = "running", error_;
  std::mutex join_mutex_;  // one caller joins the worker
  std::thread worker_;
};

class Jobs {
 public:
  ~Jobs() { cancel_all(); }
  /// Starts evaluating the draws of the new run `run` of `db` (which claimed it) on a thread of its
  /// own; returns the job.
  std::shared_ptr<Job> start_sweep(std::unique_ptr<ResultsDb> db, std::int64_t run, std::unique_ptr<SweepSetup> setup, std::uint64_t draws,
                                   unsigned threads);
  std::shared_ptr<Job> find(std::int64_t id) const;
  std::vector<std::shared_ptr<Job>> list() const;
  /// Forgets the job (after cancelling it, when it runs).
  void remove(std::int64_t id);
  /// Cancels every running job and waits for them: when the server stops.
  void cancel_all();

 private:
  mutable std::mutex mutex_;
  std::int64_t next_ = 1;
  std::map<std::int64_t, std::shared_ptr<Job>> jobs_;
};

}  // namespace parley::server
