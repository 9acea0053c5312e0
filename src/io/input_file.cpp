#include "io/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/document.hpp"
#include "parley/error.hpp"

namespace parley::io {

namespace {

constexpr const char* kExpected = "a readable file";

[[noreturn]] void refuse(const std::string& path, std::string problem, std::string expected = kExpected) {
  throw InputError({path, 0, 0}, "", std::move(problem), std::move(expected));
}

std::string size_words(std::uint64_t bytes) {
  if (bytes % (1u << 20) == 0) return fmt::format("{} bytes ({} MiB)", bytes, bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

/// "a character device" and the like, for what is neither a directory, a file nor a pipe.
const char* kind_of(mode_t mode) {
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

void check_kind(const std::string& path, const struct stat& info, std::uint64_t limit) {
  if (S_ISDIR(info.st_mode)) refuse(path, "this is a directory");
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode))
    refuse(path, fmt::format("this is {}, not a regular file or a pipe", kind_of(info.st_mode)), "a scenario file, or a pipe");
  if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > limit)
    refuse(path, fmt::format("the file is {} bytes, over the limit of {}", info.st_size, size_words(limit)),
           fmt::format("an input of at most {}", size_words(limit)));
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

/// read(2), retried when a signal interrupts it.
ssize_t read_some(int fd, char* buffer, std::size_t size) {
  ssize_t n = 0;
  do n = ::read(fd, buffer, size);
  while (n < 0 && errno == EINTR);
  return n;
}

}  // namespace

std::string read_input_bytes(const std::string& path, std::uint64_t limit) {
  struct stat info {};
  // The kind comes from stat before opening: opening a FIFO without O_NONBLOCK waits for a writer.
  if (::stat(path.c_str(), &info) != 0) refuse(path, std::string("cannot open the file: ") + std::strerror(errno));
  check_kind(path, info, limit);
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) refuse(path, std::string("cannot open the file: ") + std::strerror(errno));
  if (::fstat(fd.get(), &info) != 0) refuse(path, std::string("cannot read the file: ") + std::strerror(errno));
  check_kind(path, info, limit);  // what was opened, should the path have changed since
  const bool pipe = S_ISFIFO(info.st_mode);

  std::string content;
  // Spare room for the JSON parser to read the text in place (io/document.hpp, kParsePadding).
  if (!pipe) content.reserve(static_cast<std::size_t>(info.st_size) + kParsePadding);
  bool first = true;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read_some(fd.get(), buffer, sizeof buffer);
    if (n < 0 && pipe && first && errno == EAGAIN) {  // a writer, with nothing written yet: wait for it
      ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
      first = false;
      continue;
    }
    if (n < 0) refuse(path, std::string("cannot read the file: ") + std::strerror(errno));
    if (n == 0 && pipe && first)
      refuse(path, "the pipe is empty and nothing writes to it", "a pipe that a program writes to, or a scenario file");
    if (n == 0) break;
    if (first && pipe) ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    first = false;
    if (content.size() + static_cast<std::size_t>(n) > limit)
      refuse(path, fmt::format("the input goes on past the limit of {}", size_words(limit)),
             fmt::format("an input of at most {}", size_words(limit)));
    content.append(buffer, static_cast<std::size_t>(n));
  }
  return content;
}

}  // namespace parley::io
