// The MPI side of --mpi (src/cli/mpi/mpi.hpp): the job, its messages, and the hand-out of work.
// Only the files of src/cli/mpi/ built with Open MPI include this (it includes mpi.h).
//
// The protocol (docs/distributed.md, "MPI"): rank 0 drives; the other ranks ("workers") only ever
// wait for a message from rank 0 (polling, so that a waiting rank leaves its core to those that
// compute) and answer it.
//   kStart    rank 0 -> worker   what to set up (sweep: the run as JSON)
//   kStatus   worker -> rank 0   after setting up: empty (fine) or an error (code, message)
//   kGo       rank 0 -> worker   every rank set up: go on
//   kWork     rank 0 -> worker   items [begin, end) to compute (two in flight per worker)
//   kResult   worker -> rank 0   their results (begin, end, seconds, bytes)
//   kError    worker -> rank 0   computing failed (code, message); the worker computes no more
//   kStop     rank 0 -> worker   no more work in this hand-out
//   kEnd      rank 0 -> worker   the job is over (rank 0 finished or failed): the last message
#pragma once

// The C API only: without these mpi.h pulls in the deprecated C++ bindings (libmpi_cxx).
#ifndef OMPI_SKIP_MPICXX
#define OMPI_SKIP_MPICXX 1
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <utility>

#include "cli/command.hpp"

namespace parley::cli {

enum MpiTag : int { kStart = 1, kStatus, kGo, kWork, kResult, kError, kStop, kEnd };

/// Thrown on a worker when rank 0 ends the job early: run_mpi_job ends the worker quietly (rank 0
/// reports the reason).
struct MpiQuiet {};

class MpiJob {
 public:
  explicit MpiJob(Context& context);
  int rank() const { return rank_; }
  int size() const { return size_; }
  Context& context() const { return context_; }

  /// Sends `bytes` with `tag` to `rank` (blocking until the buffer may be reused).
  void send(int rank, int tag, const std::string& bytes = {}) const;
  /// Waits (polling) for a message from `source` (MPI_ANY_SOURCE: any) with `tag` (MPI_ANY_TAG:
  /// any) and receives it; `from` and `got` say whose and which.
  std::string receive(int source, int tag, int* from = nullptr, int* got = nullptr) const;
  /// The same without waiting: false when no such message is there.
  bool try_receive(int source, int tag, std::string& bytes, int& from, int& got) const;
  /// On a worker: the next message from rank 0, which must be `tag`; kEnd throws MpiQuiet.
  std::string from_root(int tag) const;

  /// The exit code and message ("error: ...") of `error` as the command line prints them.
  std::pair<int, std::string> describe(std::exception_ptr error) const;
  /// An error message of rank `rank` (code, message) as rank 0 throws it.
  [[noreturn]] static void rethrow_remote(int rank, const std::string& bytes);
  std::string encode_error(std::exception_ptr error) const;

  /// Rank 0: tells every worker the job is over (once).
  void end();
  /// A worker: receives rank 0's messages until kEnd.
  void drain() const;

 private:
  Context& context_;
  int rank_ = 0, size_ = 1;
  bool ended_ = false;             // rank 0: kEnd sent
  mutable bool end_seen_ = false;  // a worker: kEnd received
};

/// One hand-out of items [0, total) to every rank (rank 0 on a thread of its own). Collective: every
/// rank calls it with the same total.
struct MpiWork {
  std::uint64_t total = 0;
  /// Items [begin, end) computed, as bytes: on every rank (on rank 0 on its compute thread).
  std::function<std::string(std::uint64_t begin, std::uint64_t end)> compute;
  /// Rank 0's main thread, for every block computed: its results. An exception stops the hand-out.
  std::function<void(std::uint64_t begin, std::uint64_t end, const std::string& bytes)> receive;
  const std::atomic<bool>* stop = nullptr;                                // rank 0: hand out no more
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // rank 0, about ten times a second
};

/// Hands out `work` until every item is computed (or it stops); on rank 0 returns the number of
/// items received, after rethrowing the first error of any rank (naming it). On a worker returns
/// 0; an error there is sent to rank 0 and then MpiQuiet thrown.
std::uint64_t distribute(MpiJob& job, const MpiWork& work);

}  // namespace parley::cli
