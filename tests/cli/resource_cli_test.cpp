// Issue #14, item 11: running out of memory while reading a scenario is exit code 4 with a message
// naming the file, not an internal error (exit 1).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_support.hpp"

#include "sanitizers.hpp"

namespace parley::testing {
namespace {

TEST(ResourceCli, OutOfMemoryWhileReadingIsExitCode4NamingTheFile) {
#ifdef PARLEY_TEST_SANITIZED
  GTEST_SKIP() << "sanitizers reserve address space of their own: ulimit -v cannot be lowered";
#else
  // A 48 MiB title: parley starts in well under 256 MiB of address space, and reading the file
  // (simdjson alone reserves five times its size) does not fit.
  const auto path = temp("oom.json");
  std::ofstream(path, std::ios::binary) << "{\"metadata\": {\"title\": \"" << std::string(std::size_t{48} << 20, 'x') << "\"}}";
  const Result r = shell("ulimit -v 262144 && " + std::string(PARLEY_EXE) + " validate '" + path.string() + "' 2>&1");
  EXPECT_EQ(r.code, 4) << r.out;
  EXPECT_NE(r.out.find("parley: " + path.string() + ": error: not enough memory to read the file"), std::string::npos) << r.out;
  std::filesystem::remove(path);
#endif
}

TEST(ResourceCli, HelpNamesExitCode4) { EXPECT_NE(parley_cli("--help").out.find("4 not enough memory"), std::string::npos); }

}  // namespace
}  // namespace parley::testing
