#include <gtest/gtest.h>

#include <filesystem>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

TEST(WriteFileAtomically, WritesWholeFilesOnly) {
  const auto path = std::filesystem::temp_directory_path() / "parley-atomic-test.txt";
  write_file_atomically(path.string(), "hello\n");
  EXPECT_EQ(testing::read_text(path.string()), "hello\n");
  std::filesystem::remove(path);
  EXPECT_THROW(write_file_atomically("/nonexistent-dir/x.txt", "x"), OutputError);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent-dir/x.txt"));
}

}  // namespace
}  // namespace parley
