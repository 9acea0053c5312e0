// One default results database for every command (docs/results-db.md): parley.db in the working
// directory, where sweep stores a run and runs, show, export and sweep --resume find it.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli_in;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::contains;


TEST(DefaultDb, SweepStoresInTheWorkingDirectoryWhereRunsShowAndExportLook) {
  const fs::path dir = temp("default-db"), elsewhere = dir / "scenarios";
  fs::remove_all(dir);
  fs::create_directories(elsewhere);
  fs::copy_file(source_path("scenarios/examples/arms-control.yaml"), elsewhere / "arms.yaml");

  const Result sweep = parley_cli_in(dir, "sweep scenarios/arms.yaml --draws 30 --no-progress");
  ASSERT_EQ(sweep.code, 0) << sweep.out;
  EXPECT_TRUE(fs::exists(dir / "parley.db"));
  EXPECT_FALSE(fs::exists(elsewhere / "parley.db"));

  const Result runs = parley_cli_in(dir, "runs");
  EXPECT_EQ(runs.code, 0) << runs.out;
  EXPECT_TRUE(contains(runs.out, "scenarios/arms.yaml")) << runs.out;
  const Result show = parley_cli_in(dir, "show 1");
  EXPECT_EQ(show.code, 0) << show.out;
  EXPECT_TRUE(contains(show.out, "run 1 of parley.db: complete (30 of 30 draws stored)")) << show.out;
  EXPECT_EQ(parley_cli_in(dir, "export 1 --format csv").code, 0);
  EXPECT_EQ(parley_cli_in(dir, "sweep --resume 1 --format csv").code, 0);

  // Elsewhere there is no database: a clear error naming the file, not a new empty one.
  const Result none = parley_cli_in(elsewhere, "runs");
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.out, "parley: parley.db: error: field '--db': no such database; expected a results database written by parley sweep\n");
  EXPECT_FALSE(fs::exists(elsewhere / "parley.db"));
  // --resume takes the scenario from the run, so a FILE beside it is a mistake, said so.
  const Result both = parley_cli_in(dir, "sweep scenarios/arms.yaml --resume 1");
  EXPECT_EQ(both.code, 2);
  EXPECT_TRUE(contains(both.out, "field 'FILE': not used with --resume")) << both.out;
  fs::remove_all(dir);
}

}  // namespace
