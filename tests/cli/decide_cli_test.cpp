// Decide's input files at the command line (issue #17, item 2): `parley validate` and `parley run`
// read sample_data.txt like any format; a bad Decide file ends in exit code 2 with
// file:line:column, and nothing is written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::parley_cli;
using parley::testing::Result;

const std::string kDecideSample = parley::testing::data_path(parley::testing::kDecideSample);

TEST(DecideCli, ValidateReadsTheSampleData) {
  const Result r = parley_cli("validate '" + kDecideSample + "'");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "valid")) << r.out;
  EXPECT_TRUE(contains(r.out, "actors:  10")) << r.out;
  EXPECT_TRUE(contains(r.out, "issues:  6")) << r.out;
}

TEST(DecideCli, RunsCompromiseOnTheSampleDataOnEachIssuesOwnScale) {
  const Result r = parley_cli("run '" + kDecideSample + "' --model compromise -f json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "\"tol-hoogte\"")) << r.out;
  const Result forced = parley_cli("run '" + kDecideSample + "' --input-format decide --model compromise -f json");
  EXPECT_EQ(forced.code, 0) << forced.out;
  EXPECT_EQ(forced.out, r.out);
}

TEST(DecideCli, BadFileExitsTwoWithLineAndColumnAndWritesNothing) {
  const fs::path dir = parley::testing::temp("decide-bad");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bad = (dir / "bad.txt").string();
  std::ofstream(bad) << "'#A'\t'a'\n'#P'\t'x'\n'#D'\t'a'\t'y'\t5\t0.5\t1\n";
  const std::string out = (dir / "out.json").string();
  const Result r = parley_cli("run '" + bad + "' --model compromise -f json -o '" + out + "'");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, bad + ":3:10: error: field '#D issue': unknown issue 'y'; expected the key of a #P line")) << r.out;
  EXPECT_FALSE(fs::exists(out));
  const Result v = parley_cli("validate '" + bad + "'");
  EXPECT_EQ(v.code, 2) << v.out;
  fs::remove_all(dir);
}

TEST(DecideCli, InputFormatNamesDecide) {
  const Result r = parley_cli("validate '" + kDecideSample + "' --input-format decidee");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "ktab-xml, deu or decide")) << r.out;
}

}  // namespace
