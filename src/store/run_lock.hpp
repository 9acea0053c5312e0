// One writer per run (docs/results-db.md, "One writer per run"): the process that writes a run's
// draws holds an advisory lock (flock) on a file beside the database, `<db>.run-<id>.lock`. The
// kernel releases it when the process ends in any way, kill -9 included, so a claim is never left
// behind; the file says who holds it (pid, host, since when) for the message a second writer gets.
#pragma once

#include <cstdint>
#include <string>

namespace parley::store {

/// The lock file of run `run` of the database at `db_path`: beside the database's real file (symbolic
/// links resolved, so that two names of one database share their locks).
std::string run_lock_path(const std::string& db_path, std::int64_t run);

class RunLock {
 public:
  /// Takes run `run` of the database at `db_path` without waiting. Throws InputError (field --db,
  /// naming the database, the run and the pid holding it) when another writer holds it, in this
  /// process or another; OutputError when the lock file cannot be created.
  RunLock(const std::string& db_path, std::int64_t run);
  /// Removes the lock file, then releases the lock.
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  std::int64_t run() const { return run_; }

 private:
  std::string path_;
  std::int64_t run_;
  int fd_ = -1;
};

}  // namespace parley::store
