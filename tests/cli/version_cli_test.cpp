// `parley --version` prints the version of the build (CMake's project version).
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_support.hpp"

namespace {

using parley::testing::parley_cli;
using parley::testing::Result;

TEST(Cli, VersionPrintsTheProjectVersion) {
  const Result r = parley_cli("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, std::string("parley ") + PARLEY_VERSION + "\n");
}

}  // namespace
