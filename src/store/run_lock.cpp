#include "store/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "parley/error.hpp"

namespace parley::store {

namespace {

std::string errno_text() { return std::strerror(errno); }

/// "pid P on HOST since TIME": what a holder writes into its lock file.
std::string holder_line() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char since[32];
  std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return "pid " + std::to_string(getpid()) + " on " + (host[0] ? host.data() : "an unknown host") + " since " + since;
}

/// What the holder wrote into the open lock file `fd` (empty if it has not written it yet).
std::string read_holder(int fd) {
  std::array<char, 512> buffer{};
  const ssize_t n = pread(fd, buffer.data(), buffer.size() - 1, 0);
  std::string line(buffer.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
  if (const std::size_t end = line.find('\n'); end != std::string::npos) line.resize(end);
  return line;
}

/// True when `fd` is still the file at `path` (not unlinked by a holder that let go meanwhile).
bool still_there(int fd, const std::string& path) {
  struct stat open_file = {}, named = {};
  return fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &named) == 0 && open_file.st_dev == named.st_dev &&
         open_file.st_ino == named.st_ino;
}

}  // namespace

std::string run_lock_path(const std::string& db_path, std::int64_t run) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::canonical(db_path, ec);
  if (ec) real = db_path;  // not created yet: the name as given
  return real.string() + ".run-" + std::to_string(run) + ".lock";
}

RunLock::RunLock(const std::string& db_path, std::int64_t run) : path_(run_lock_path(db_path, run)), run_(run) {
  // A holder unlinks its file before it lets go, so a lock taken on a file that is no longer at
  // path_ proves nothing: open the file now there and try again.
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) throw OutputError(path_, path_ + ": cannot create the lock file of run " + std::to_string(run) + ": " + errno_text());
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string holder = read_holder(fd_);
      ::close(fd_);
      fd_ = -1;
      if (error != EWOULDBLOCK) throw OutputError(path_, path_ + ": cannot lock run " + std::to_string(run) + ": " + std::strerror(error));
      throw InputError({db_path, 0, 0}, "--db",
                       "run " + std::to_string(run) + " is being written by another parley process" +
                           (holder.empty() ? std::string() : " (" + holder + ")"),
                       "one writer per run: wait until it has finished, or stop it and resume the run with 'parley sweep --resume " +
                           std::to_string(run) + "'");
    }
    if (still_there(fd_, path_)) break;
    ::close(fd_);
  }
  const std::string line = holder_line() + "\n";
  if (ftruncate(fd_, 0) != 0 || pwrite(fd_, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size())) {
    const std::string message = path_ + ": cannot write the lock file of run " + std::to_string(run) + ": " + errno_text();
    ::unlink(path_.c_str());
    ::close(fd_);
    throw OutputError(path_, message);
  }
}

RunLock::~RunLock() {
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace parley::store
