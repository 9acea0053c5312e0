// The MPI job of --mpi: start and end, messages, errors across ranks (mpi_job.hpp).
#include "cli/mpi/mpi_job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/exit_codes.hpp"
#include "cli/mpi/mpi.hpp"
#include "parley/error.hpp"

namespace parley::cli {

namespace {

int checked_count(const MPI_Status& status) {
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  return count;
}

/// Polls for a message: a rank that waits leaves its core to those that compute (Open MPI's
/// blocking calls spin). The pause grows from 20 µs to 1 ms while nothing comes.
MPI_Status wait_for(int source, int tag) {
  MPI_Status status;
  int flag = 0;
  auto pause = std::chrono::microseconds(20);
  while (true) {
    MPI_Iprobe(source, tag, MPI_COMM_WORLD, &flag, &status);
    if (flag) return status;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(1000));
  }
}

std::string receive_probed(const MPI_Status& status) {
  std::string bytes(static_cast<std::size_t>(checked_count(status)), '\0');
  MPI_Recv(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

}  // namespace

MpiJob::MpiJob(Context& context) : context_(context) {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

void MpiJob::send(int rank, int tag, const std::string& bytes) const {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    throw ResourceError(fmt::format("a message of {} bytes is too large for MPI (at most 2 GiB): use smaller blocks", bytes.size()));
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, rank, tag, MPI_COMM_WORLD);
}

std::string MpiJob::receive(int source, int tag, int* from, int* got) const {
  const MPI_Status status = wait_for(source, tag);
  if (from) *from = status.MPI_SOURCE;
  if (got) *got = status.MPI_TAG;
  if (status.MPI_TAG == kEnd) end_seen_ = true;
  return receive_probed(status);
}

bool MpiJob::try_receive(int source, int tag, std::string& bytes, int& from, int& got) const {
  MPI_Status status;
  int flag = 0;
  MPI_Iprobe(source, tag, MPI_COMM_WORLD, &flag, &status);
  if (!flag) return false;
  from = status.MPI_SOURCE;
  got = status.MPI_TAG;
  bytes = receive_probed(status);
  return true;
}

std::string MpiJob::from_root(int tag) const {
  int got = 0;
  std::string bytes = receive(0, MPI_ANY_TAG, nullptr, &got);
  if (got == kEnd) throw MpiQuiet{};
  if (got != tag) throw std::logic_error(fmt::format("MPI: rank {} expected message {} from rank 0, got {}", rank_, tag, got));
  return bytes;
}

std::pair<int, std::string> MpiJob::describe(std::exception_ptr error) const {
  std::ostringstream out, err;
  const int code = exit_code_for(error, context_.app, out, err);
  std::string message = err.str();
  if (message.rfind("parley: ", 0) == 0) message.erase(0, 8);
  if (message.rfind("internal error: ", 0) == 0) message.erase(0, 16);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return {code, message};
}

std::string MpiJob::encode_error(std::exception_ptr error) const {
  const auto [code, message] = describe(error);
  std::string bytes(sizeof code, '\0');
  std::memcpy(bytes.data(), &code, sizeof code);
  return bytes + message;
}

void MpiJob::rethrow_remote(int rank, const std::string& bytes) {
  int code = kInternalError;
  if (bytes.size() >= sizeof code) std::memcpy(&code, bytes.data(), sizeof code);
  const std::string message = fmt::format("rank {}: {}", rank, bytes.size() >= sizeof code ? bytes.substr(sizeof code) : "failed");
  switch (code) {
    case kBadInput:
      throw InputError(message);
    case kOutputError:
      throw OutputError("", message);
    case kResourceError:
      throw ResourceError(message);
    case kInterrupted:
      throw Interrupted(message);
    default:
      throw std::runtime_error(message);
  }
}

void MpiJob::end() {
  if (ended_ || rank_ != 0) return;
  ended_ = true;
  for (int r = 1; r < size_; ++r) send(r, kEnd);
}

void MpiJob::drain() const {
  while (!end_seen_) receive(0, MPI_ANY_TAG);
}

bool mpi_built_in() { return true; }

std::string mpi_version_line() {
  char version[MPI_MAX_LIBRARY_VERSION_STRING];
  int length = 0;
  MPI_Get_library_version(version, &length);
  std::string text(version, static_cast<std::size_t>(std::max(0, length)));
  text = text.substr(0, text.find(','));  // "Open MPI v4.1.4, package: ..." -> "Open MPI v4.1.4"
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return "mpi: " + text + " (--mpi)";
}

void add_mpi_flag(CLI::App& cmd, bool& mpi) {
  cmd.add_flag("--mpi", mpi, "split the work over the ranks of an MPI job: mpirun -np P parley ... --mpi (docs/distributed.md)");
}

bool is_root(const MpiJob& job) { return job.rank() == 0; }
int ranks(const MpiJob& job) { return job.size(); }

void run_mpi_job(Context& context, const std::function<void(MpiJob&)>& body) {
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw ResourceError("--mpi: MPI_Init_thread failed (start parley with mpirun -np P)");
  // MPI's own errors end the job with its message rather than returning codes nobody reads.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL);
  std::exception_ptr error;
  {
    MpiJob job(context);
    try {
      if (provided < MPI_THREAD_FUNNELED) throw ResourceError("--mpi: this MPI library does not support threads (MPI_THREAD_FUNNELED)");
      body(job);
    } catch (const MpiQuiet&) {
    } catch (...) {
      error = std::current_exception();
      // A worker's error outside a hand-out (the same bad input as rank 0's, most often): rank 0
      // reports it (mpi_agree, distribute) unless it stopped for a reason of its own.
      if (job.rank() != 0) {
        job.send(0, kError, job.encode_error(error));
        error = nullptr;
      }
    }
    if (job.rank() == 0)
      job.end();
    else
      job.drain();
  }
  MPI_Finalize();
  if (error) std::rethrow_exception(error);
}

void mpi_agree(MpiJob& job, std::exception_ptr error) {
  if (job.rank() != 0) {
    job.send(0, kStatus, error ? job.encode_error(error) : std::string());
    job.from_root(kGo);
    return;
  }
  std::vector<std::string> statuses(static_cast<std::size_t>(job.size()));
  for (int r = 1; r < job.size(); ++r) statuses[static_cast<std::size_t>(r)] = job.receive(r, MPI_ANY_TAG);  // kStatus, or kError
  if (error) std::rethrow_exception(error);
  for (int r = 1; r < job.size(); ++r)
    if (!statuses[static_cast<std::size_t>(r)].empty()) MpiJob::rethrow_remote(r, statuses[static_cast<std::size_t>(r)]);
  for (int r = 1; r < job.size(); ++r) job.send(r, kGo);
}

}  // namespace parley::cli
