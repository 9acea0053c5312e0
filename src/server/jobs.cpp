// Sweep jobs (jobs.hpp): a worker thread per job, evaluate_and_store as `parley sweep` runs it.
#include "server/jobs.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <new>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/output.hpp"

namespace parley::server {

Job::~Job() { cancel(); }

Job::Snapshot Job::snapshot() const {
  std::lock_guard lock(mutex_);
  return {id_, run_, status_, done_, total_, error_};
}

Job::Snapshot Job::wait_change(const Snapshot& seen, int timeout_ms) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return done_ != seen.done || status_ != seen.status; });
  return {id_, run_, status_, done_, total_, error_};
}

void Job::cancel() {
  stop_ = true;
  std::lock_guard lock(join_mutex_);
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void Job::progress(std::uint64_t done) {
  {
    std::lock_guard lock(mutex_);
    done_ = done;
  }
  changed_.notify_all();
}

void Job::finish(const std::string& status, const std::string& error) {
  {
    std::lock_guard lock(mutex_);
    status_ = status;
    error_ = error;
  }
  changed_.notify_all();
}

std::string Job::json(const Snapshot& s) {
  nlohmann::ordered_json j{{"job", s.id}, {"kind", "sweep"}, {"run", s.run}, {"status", s.status}, {"done", s.done}, {"total", s.total}};
  if (!s.error.empty()) j["error"] = nlohmann::ordered_json::parse(s.error);
  return j.dump();
}

namespace {

std::string error_object(int status, const std::string& message) {
  return nlohmann::ordered_json{{"status", status}, {"message", message}}.dump();
}

/// The worker: the draws of the run, stored chunk by chunk; a stop leaves the run interrupted
/// (resumable), as Ctrl-C leaves `parley sweep`'s.
void run_sweep_job(Job& job, std::atomic<bool>& stop, ResultsDb& db, std::int64_t run, const SweepSetup& setup, std::uint64_t draws,
                   unsigned threads, const std::function<void(std::uint64_t)>& progress,
                   const std::function<void(const std::string&, const std::string&)>& finish) {
  (void)job;
  // Below the requests (what-ifs while the analyst drags a slider): the sweep's threads, which
  // inherit this thread's niceness, take the cores the requests leave.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  try {
    SweepControl control;
    control.threads = threads;
    control.stop = &stop;
    control.progress = [&](std::uint64_t done, std::uint64_t) { progress(done); };
    const std::uint64_t stored = evaluate_and_store(db, run, setup, {{0, draws}}, draws, control);
    progress(stored);
    finish(stored < draws ? "cancelled" : "done", {});
  } catch (const InputError& e) {
    finish("failed", input_error_json(e, 400));
  } catch (const std::bad_alloc&) {
    finish("failed", error_object(503, "error: not enough memory"));
  } catch (const std::exception& e) {
    finish("failed", error_object(500, e.what()));
  }
}

}  // namespace

std::shared_ptr<Job> Jobs::start_sweep(std::unique_ptr<ResultsDb> db, std::int64_t run, std::unique_ptr<SweepSetup> setup,
                                       std::uint64_t draws, unsigned threads) {
  std::lock_guard lock(mutex_);
  auto job = std::make_shared<Job>(next_++, run, draws);
  Job* j = job.get();
  job->worker_ = std::thread([j, run, draws, threads, db = std::move(db), setup = std::move(setup)] {
    run_sweep_job(
        *j, j->stop_, *db, run, *setup, draws, threads, [j](std::uint64_t done) { j->progress(done); },
        [j](const std::string& status, const std::string& error) { j->finish(status, error); });
  });
  jobs_[job->id_] = job;
  return job;
}

std::shared_ptr<Job> Jobs::find(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  return it == jobs_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<Job>> Jobs::list() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Job>> out;
  for (const auto& [id, job] : jobs_) out.push_back(job);
  return out;
}

void Jobs::remove(std::int64_t id) {
  std::shared_ptr<Job> job;
  {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(id);
    if (it == jobs_.end()) return;
    job = it->second;
    jobs_.erase(it);
  }
  job->cancel();
}

void Jobs::cancel_all() {
  for (const std::shared_ptr<Job>& job : list()) job->cancel();
}

}  // namespace parley::server
