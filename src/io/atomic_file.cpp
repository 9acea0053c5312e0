// write_file_atomically (include/parley/io.hpp): a regular file is replaced whole, through a
// temporary file beside it; a device, a pipe or a socket is written to as it is; a symbolic link is
// followed, and the file it names is replaced, so that the link stays.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "parley/error.hpp"
#include "parley/io.hpp"

namespace parley {

namespace {

namespace fs = std::filesystem;

/// Symbolic links followed at most, as the kernel does (ELOOP beyond).
constexpr int kMaxLinks = 40;

[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw OutputError(path, "cannot write " + path + ": " + what + std::strerror(error));
}

/// Writes all of `content` to `fd` (retrying short writes and interrupted calls); false and errno on
/// a failure.
bool write_all(int fd, const std::string& content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

/// The descriptor that a path names when it is one of this process's own standard streams or open
/// files: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. Writing to the descriptor itself
/// keeps what the shell set up (appending with >>, a socket, a deleted file).
std::optional<int> own_descriptor(const fs::path& path) {
  const std::string p = path.lexically_normal().string();
  if (p == "/dev/stdout") return 1;
  if (p == "/dev/stderr") return 2;
  const std::string prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/" + std::to_string(::getpid()) + "/fd/"};
  for (const std::string& prefix : prefixes) {
    if (p.size() <= prefix.size() || p.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string number = p.substr(prefix.size());
    if (number.size() > 9 || number.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(number);
  }
  return std::nullopt;
}

/// Follows the symbolic links that `path` itself is (not those of the folders above it, which a
/// rename goes through anyway): the file that a write through `path` reaches, existing or not.
/// Stops early at a path that names one of this process's descriptors.
fs::path follow_links(fs::path path) {
  std::error_code ec;
  for (int i = 0; i < kMaxLinks && !own_descriptor(path) && fs::is_symlink(path, ec); ++i) {
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) break;
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return path;
}

/// Writes to what is there already, without creating or truncating it: a device, a pipe, a socket.
void write_in_place(const std::string& path, int fd, const std::string& content) {
  if (!write_all(fd, content)) fail(path, "", errno);
}

void write_to_device(const std::string& path, const fs::path& target, const std::string& content) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(path, "", errno);
  const bool written = write_all(fd, content);
  const int error = errno;
  if (::close(fd) != 0 && written) fail(path, "", errno);
  if (!written) fail(path, "", error);
}

/// Creates a new file in `folder` with a short unused name (within NAME_MAX whatever the name of
/// the file it will replace), for writing. Returns its descriptor and sets `name`.
int create_temporary(const fs::path& folder, fs::path& name) {
  std::random_device entropy;
  std::uniform_int_distribution<unsigned> hex(0, 0xffffffffu);
  for (int attempt = 0; attempt < 100; ++attempt) {
    char leaf[64];
    std::snprintf(leaf, sizeof leaf, ".parley-%ld-%08x.tmp", static_cast<long>(::getpid()), hex(entropy));
    name = folder / leaf;
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

/// Replaces (or creates) the regular file `target` with `content`: a temporary file in the same
/// folder, written, given the old file's permissions (and owner, where allowed), flushed to disk,
/// then renamed over it.
void replace_file(const std::string& path, const fs::path& target, const std::string& content) {
  struct stat old {};
  const bool existed = ::stat(target.c_str(), &old) == 0;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::path temp;
  const int fd = create_temporary(folder, temp);
  if (fd < 0) fail(path, "cannot create a temporary file in " + folder.string() + ": ", errno);
  if (existed) {
    // Best effort: a user who may not give the file away keeps it as their own.
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), old.st_gid);
    (void)::fchmod(fd, old.st_mode & 07777);
  }
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  int error = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && ::rename(temp.c_str(), target.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    fail(path, "", error);
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
  if (path.empty()) throw OutputError(path, "cannot write a file with no name");
  const fs::path target = follow_links(path);
  if (const std::optional<int> fd = own_descriptor(target)) {
    if (*fd == STDOUT_FILENO) std::fflush(stdout);  // what was printed before comes first
    return write_in_place(path, *fd, content);
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return write_to_device(path, target, content);
  replace_file(path, target, content);
}

}  // namespace parley
