// distribute (mpi_job.hpp): blocks of work handed out dynamically to every rank, rank 0 included.
//
// Rank 0's main thread talks to the workers and receives every result; a thread of its own takes
// blocks from the same dispenser and computes them, so that P ranks are P workers. Each worker has
// two blocks in flight (it computes one while the next one travels), and every computing unit
// its own block size: from 8 items, doubled while a block takes under 50 ms (up to 65,536), and
// never more than a quarter of the items left per unit, so that no rank is left working alone at
// the end (guided scheduling, as evaluate_draws does with threads).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "cli/mpi/mpi_job.hpp"
#include "core/parallel.hpp"

namespace parley::cli {

namespace {

constexpr std::uint64_t kFirstBlock = 8, kLargestBlock = 65536;
constexpr double kBlockSeconds = 0.05;

struct Header {
  std::uint64_t begin = 0, end = 0;
  double seconds = 0;
};

std::string encode_range(std::uint64_t begin, std::uint64_t end) {
  std::string bytes(2 * sizeof(std::uint64_t), '\0');
  std::memcpy(bytes.data(), &begin, sizeof begin);
  std::memcpy(bytes.data() + sizeof begin, &end, sizeof end);
  return bytes;
}

std::uint64_t grown(std::uint64_t size, double seconds) { return seconds < kBlockSeconds ? std::min(size * 2, kLargestBlock) : size; }

/// The items not handed out yet.
class Dispenser {
 public:
  Dispenser(std::uint64_t total, unsigned units) : total_(total), units_(units) {}
  std::optional<std::pair<std::uint64_t, std::uint64_t>> take(std::uint64_t size) {
    std::lock_guard lock(mutex_);
    if (closed_ || next_ >= total_) return std::nullopt;
    const std::uint64_t left = total_ - next_;
    const std::uint64_t n = std::max<std::uint64_t>(1, std::min(size, left / (4 * units_)));
    const std::uint64_t begin = next_;
    next_ += n;
    return std::pair{begin, next_};
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }

 private:
  std::mutex mutex_;
  std::uint64_t total_, next_ = 0;
  unsigned units_;
  bool closed_ = false;
};

/// PARLEY_TEST_MPI_ABORT_AFTER=k (tests only, docs/distributed.md, "MPI"): a worker calls MPI_Abort
/// after sending k results, as a rank that dies would end the job.
std::uint64_t abort_after() {
  const char* text = std::getenv("PARLEY_TEST_MPI_ABORT_AFTER");
  return text ? std::strtoull(text, nullptr, 10) : 0;
}

std::uint64_t work_as_worker(MpiJob& job, const MpiWork& work) {
  const std::uint64_t limit = abort_after();
  std::uint64_t sent = 0;
  while (true) {
    int got = 0;
    const std::string bytes = job.receive(0, MPI_ANY_TAG, nullptr, &got);
    if (got == kStop) return 0;
    if (got == kEnd) throw MpiQuiet{};
    Header h;
    std::memcpy(&h.begin, bytes.data(), sizeof h.begin);
    std::memcpy(&h.end, bytes.data() + sizeof h.begin, sizeof h.end);
    std::string result;
    try {
      const auto start = std::chrono::steady_clock::now();
      const std::string computed = work.compute(h.begin, h.end);
      h.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      result.resize(sizeof h);
      std::memcpy(result.data(), &h, sizeof h);
      result += computed;
    } catch (...) {
      job.send(0, kError, job.encode_error(std::current_exception()));
      throw MpiQuiet{};
    }
    job.send(0, kResult, result);
    if (limit > 0 && ++sent >= limit) MPI_Abort(MPI_COMM_WORLD, 1);
  }
}

/// Rank 0's compute thread: blocks from the dispenser, results queued for the main thread.
struct LocalResults {
  std::mutex mutex;
  std::condition_variable ready, drained;
  std::deque<std::pair<Header, std::string>> queue;
  bool finished = false;
  std::exception_ptr error;
};

void compute_locally(const MpiWork& work, Dispenser& dispenser, LocalResults& local) {
  std::uint64_t size = kFirstBlock;
  try {
    while (const auto block = dispenser.take(size)) {
      const auto start = std::chrono::steady_clock::now();
      std::string bytes = work.compute(block->first, block->second);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      size = grown(size, seconds);
      std::unique_lock lock(local.mutex);
      // At most two blocks wait for the main thread, as at most two are in flight per worker.
      local.drained.wait(lock, [&] { return local.queue.size() < 2; });
      local.queue.push_back({{block->first, block->second, seconds}, std::move(bytes)});
      local.ready.notify_one();
    }
  } catch (...) {
    dispenser.close();
    std::lock_guard lock(local.mutex);
    local.error = std::current_exception();
  }
  std::lock_guard lock(local.mutex);
  local.finished = true;
  local.ready.notify_one();
}

}  // namespace

std::uint64_t distribute(MpiJob& job, const MpiWork& work) {
  if (job.rank() != 0) return work_as_worker(job, work);
  const int workers = job.size() - 1;
  Dispenser dispenser(work.total, static_cast<unsigned>(job.size()));
  std::vector<std::uint64_t> size(static_cast<std::size_t>(job.size()), kFirstBlock);
  std::vector<int> in_flight(static_cast<std::size_t>(job.size()), 0);
  int active = workers;
  std::exception_ptr error;  // the first, of any rank
  std::uint64_t done = 0;
  const auto fail = [&](std::exception_ptr e) {
    if (!error) error = e;
    dispenser.close();
  };
  const auto deliver = [&](const Header& h, const std::string& bytes, std::size_t offset) {
    if (error) return;
    try {
      work.receive(h.begin, h.end, bytes.substr(offset));
      done += h.end - h.begin;
    } catch (...) {
      fail(std::current_exception());
    }
  };
  // Hands worker r its next block, or stops it when it has none in flight and none is left.
  const auto feed = [&](int r) {
    const auto w = static_cast<std::size_t>(r);
    if (work.stop && work.stop->load()) dispenser.close();
    if (const auto block = dispenser.take(size[w])) {
      job.send(r, kWork, encode_range(block->first, block->second));
      ++in_flight[w];
    } else if (in_flight[w] == 0) {
      job.send(r, kStop);
      --active;
    }
  };
  for (int r = 1; r <= workers; ++r) {
    feed(r);
    if (in_flight[static_cast<std::size_t>(r)] > 0) feed(r);
  }

  LocalResults local;
  std::thread computer([&] {
    const SerialModelsScope serial;
    compute_locally(work, dispenser, local);
  });
  auto last_report = std::chrono::steady_clock::now();
  bool local_done = false;
  while (active > 0 || !local_done) {
    bool busy = false;
    {
      std::unique_lock lock(local.mutex);
      while (!local.queue.empty()) {
        auto [h, bytes] = std::move(local.queue.front());
        local.queue.pop_front();
        local.drained.notify_one();
        lock.unlock();
        deliver(h, bytes, 0);
        busy = true;
        lock.lock();
      }
      if (local.finished && !local_done) {
        local_done = true;
        if (local.error) fail(local.error);
      }
    }
    std::string bytes;
    int from = 0, got = 0;
    if (active > 0 && job.try_receive(MPI_ANY_SOURCE, MPI_ANY_TAG, bytes, from, got)) {
      busy = true;
      const auto w = static_cast<std::size_t>(from);
      if (got == kResult) {
        Header h;
        std::memcpy(&h, bytes.data(), sizeof h);
        deliver(h, bytes, sizeof h);
        --in_flight[w];
        size[w] = grown(size[w], h.seconds);
        feed(from);
      } else if (got == kError) {
        try {
          MpiJob::rethrow_remote(from, bytes);
        } catch (...) {
          fail(std::current_exception());
        }
        --active;  // it computes no more; run_mpi_job's kEnd ends it
      } else {
        fail(std::make_exception_ptr(std::logic_error(fmt::format("MPI: unexpected message {} from rank {}", got, from))));
      }
    }
    if (work.stop && work.stop->load()) dispenser.close();
    if (work.progress && std::chrono::steady_clock::now() - last_report > std::chrono::milliseconds(100)) {
      last_report = std::chrono::steady_clock::now();
      work.progress(done, work.total);
    }
    if (!busy) {
      // Idle: wait for the local thread's results, and poll MPI every 5 ms. Each poll runs Open
      // MPI's progress engine: polling every 0.5 ms, 2 ranks of a bdm sweep ran at 0.86 of twice
      // one process's rate, every 5 ms at 0.96 (bench/sweep_throughput.sh, docs/distributed.md);
      // with two blocks of 50 ms or more in flight per worker, no worker waits for the pause.
      std::unique_lock lock(local.mutex);
      local.ready.wait_for(lock, std::chrono::milliseconds(5), [&] { return !local.queue.empty() || (local.finished && !local_done); });
    }
  }
  computer.join();
  if (work.progress) work.progress(done, work.total);
  if (error) std::rethrow_exception(error);
  return done;
}

}  // namespace parley::cli
