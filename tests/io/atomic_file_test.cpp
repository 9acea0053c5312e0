#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

/// An empty folder of its own for one test.
fs::path folder(const std::string& name) {
  const fs::path dir = parley::testing::removed_at_exit(fs::temp_directory_path() / ("parley-atomic-" + name));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(WriteFileAtomically, WritesWholeFilesOnly) {
  const auto path = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-atomic-test.txt");
  write_file_atomically(path.string(), "hello\n");
  EXPECT_EQ(testing::read_text(path.string()), "hello\n");
  std::filesystem::remove(path);
  EXPECT_THROW(write_file_atomically("/nonexistent-dir/x.txt", "x"), OutputError);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent-dir/x.txt"));
}

// Issue #14 item 2: a FIFO is written to (here read by a thread), never replaced by a file.
TEST(WriteFileAtomically, WritesIntoAFifoWithoutReplacingIt) {
  const fs::path dir = folder("fifo");
  const fs::path fifo = dir / "out.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opened for reading and writing, so that neither side waits for the other to open it; the reader
  // stops once the writer has returned and the pipe is empty.
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  std::atomic<bool> written{false};
  std::string got;
  std::thread reader([&] {
    std::vector<char> buffer(65536);
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      const bool was_written = written.load();
      if (::poll(&p, 1, 20) > 0) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n > 0) got.append(buffer.data(), static_cast<std::size_t>(n));
      } else if (was_written) {
        break;
      }
    }
  });
  const std::string content(1 << 20, 'x');  // more than a pipe holds: the writer waits for the reader
  EXPECT_NO_THROW(write_file_atomically(fifo.string(), content));
  written = true;
  reader.join();
  ::close(fd);
  EXPECT_EQ(got.size(), content.size());
  EXPECT_TRUE(got == content);
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"out.fifo"});
}

// Issue #14 item 2: a symbolic link is followed; the file it names is replaced and the link stays.
TEST(WriteFileAtomically, FollowsASymbolicLinkAndKeepsIt) {
  const fs::path dir = folder("symlink");
  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "target.txt") << "old\n";
  fs::create_symlink("real/target.txt", dir / "link.txt");
  fs::create_symlink("link.txt", dir / "link-to-link.txt");
  write_file_atomically((dir / "link-to-link.txt").string(), "new\n");
  EXPECT_TRUE(fs::is_symlink(dir / "link.txt"));
  EXPECT_TRUE(fs::is_symlink(dir / "link-to-link.txt"));
  EXPECT_EQ(testing::read_text((dir / "real" / "target.txt").string()), "new\n");
  EXPECT_EQ(names_in(dir / "real"), std::vector<std::string>{"target.txt"});
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"link-to-link.txt", "link.txt", "real"}));
}

// Issue #14 item 10: the temporary file's name does not grow with the output's, so a legal
// 250-byte name (NAME_MAX is 255) works.
TEST(WriteFileAtomically, ALegal250ByteNameIsWritten) {
  const fs::path dir = folder("long-name");
  const std::string name(250, 'n');
  EXPECT_NO_THROW(write_file_atomically((dir / name).string(), "long\n"));
  EXPECT_EQ(testing::read_text((dir / name).string()), "long\n");
  EXPECT_NO_THROW(write_file_atomically((dir / name).string(), "again\n"));
  EXPECT_EQ(testing::read_text((dir / name).string()), "again\n");
  EXPECT_EQ(names_in(dir), std::vector<std::string>{name});
}

// A replaced file keeps its permission bits (0750: no umask of a new file gives execute bits).
TEST(WriteFileAtomically, KeepsThePermissionsOfTheFileItReplaces) {
  const fs::path dir = folder("permissions");
  const fs::path path = dir / "kept.sh";
  std::ofstream(path) << "old\n";
  ASSERT_EQ(::chmod(path.c_str(), 0750), 0);
  write_file_atomically(path.string(), "new\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0750u);
  EXPECT_EQ(testing::read_text(path.string()), "new\n");
}

// What cannot be written is an OutputError naming the path and why; the folder is left as it was.
TEST(WriteFileAtomically, AFolderIsNotReplaced) {
  const fs::path dir = folder("a-folder");
  fs::create_directories(dir / "sub");
  try {
    write_file_atomically((dir / "sub").string(), "x");
    ADD_FAILURE() << "no OutputError";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write " + (dir / "sub").string() + ": Is a directory");
    EXPECT_EQ(e.path(), (dir / "sub").string());
  }
  EXPECT_TRUE(fs::is_directory(dir / "sub"));
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"sub"});
}

}  // namespace
}  // namespace parley
