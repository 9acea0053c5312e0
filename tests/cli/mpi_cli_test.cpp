// --mpi on the command line (docs/distributed.md, "MPI"). The runs under mpirun are tests/cli/mpi_test.sh
// (CTest's Mpi.*, registered when parley is built with MPI); here what holds in every build.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_support.hpp"

namespace {

using parley::testing::contains;
using parley::testing::kExample;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::temp;

TEST(MpiCli, SweepAndSensitivityOfferTheFlag) {
  for (const char* command : {"sweep", "sensitivity"}) {
    const Result r = parley_cli(std::string(command) + " --help");
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(contains(r.out, "--mpi")) << command;
  }
}

#ifndef PARLEY_TEST_MPI
// Built without MPI: --mpi is bad input (exit 2), and nothing is written.
TEST(MpiCli, WithoutMpiTheFlagIsRefused) {
  const std::filesystem::path db = temp("mpi-refused.db");
  std::filesystem::remove(db);
  for (const std::string& args :
       {"sweep " + kExample + " --draws 10 --db " + db.string() + " --mpi", "sensitivity " + kExample + " --mpi"}) {
    const Result r = parley_cli(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
    EXPECT_TRUE(contains(r.out, "this parley was built without MPI")) << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(db));
}
#endif

}  // namespace
