// `parley --version` prints the version of the build (CMake's project version).
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_support.hpp"

namespace {

using parley::testing::parley_cli;
using parley::testing::Result;

// The first line is the version; the second says whether --mpi is built in (PARLEY_MPI).
TEST(Cli, VersionPrintsTheProjectVersion) {
  const Result r = parley_cli("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n') + 1), std::string("parley ") + PARLEY_VERSION + "\n");
#ifdef PARLEY_TEST_MPI
  EXPECT_NE(r.out.find("\nmpi: Open MPI v"), std::string::npos) << r.out;
#else
  EXPECT_NE(r.out.find("\nmpi: not built in"), std::string::npos) << r.out;
#endif
}

}  // namespace
