// Issue #14, items 7, 8 and 10 (PARLEY_THREADS): every count flag and PARLEY_THREADS refuse a bad
// value (a sign, an exponent, letters, nothing, 2^64, a number past the documented maximum) with
// exit 2 and a message naming the flag and its range, before anything is created: no results
// database, no output file. Good edge values (--seed 2^64 − 1) are taken as written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "sanitizers.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::Result;
using parley::testing::shell;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::contains;
using parley::testing::kExample;
using parley::testing::kFlagship;
using parley::testing::kDeu;



/// An empty folder to run in: whatever a refused command leaves there shows.
fs::path empty_folder(const std::string& name) {
  // Its own per process: ctest runs the tests of this file in parallel.
  const fs::path dir = temp("limits-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Runs `parley ARGS` in an empty folder (the default parley.db would land there), writing any
/// --db and --output into it too, and expects exit 2 naming `flag` with nothing created.
void expect_limit_refused(const std::string& args, const std::string& flag, const std::string& env = "") {
  const fs::path dir = empty_folder("refused");
  const Result r = shell("cd '" + dir.string() + "' && " + env + " " + PARLEY_EXE + " " + args + " 2>&1");
  EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
  EXPECT_TRUE(contains(r.out, flag)) << args << "\n" << r.out;
  EXPECT_TRUE(fs::is_empty(dir)) << args << " left " << fs::directory_iterator(dir)->path();
}

struct Case {
  std::string command;  // with every argument but the flag
  std::string flag;
  std::vector<std::string> bad;
};

const std::vector<std::string> kNotANumber = {"-1", "18446744073709551616", "1e11", "abc", "''", "1.5", "+3", "' 7'"};

void expect_all_refused(const Case& c) {
  for (const std::string& v : c.bad) expect_limit_refused(c.command + " " + c.flag + " " + v, c.flag);
  for (const std::string& v : kNotANumber) expect_limit_refused(c.command + " " + c.flag + " " + v, c.flag);
}

const std::string kOut = " --no-progress --db out.db --output out.txt";

TEST(CountLimits, SweepDrawsOutsideOneToABillionAreRefusedBeforeTheDatabaseIsCreated) {
  expect_all_refused({"sweep " + kExample + kOut, "--draws", {"0", "18446744073709551615", "1000000001", "100000000000"}});
  expect_limit_refused("sweep " + kExample + " --no-progress -n -1", "--draws");  // the short name, default database
}

TEST(CountLimits, SeedsOutsideZeroToTwoToTheSixtyFourMinusOneAreRefused) {
  expect_all_refused({"sweep " + kExample + " --draws 5" + kOut, "--seed", {}});
  expect_limit_refused("feasibility " + kFlagship + " --draws 5 --output out.txt --seed -1", "--seed");
  expect_limit_refused("backtest " + kDeu + " --cross-validate --seed 18446744073709551616", "--seed");
}

TEST(CountLimits, TheLargestSeedIsTakenAsWrittenAndDiffersFromSeedZero) {
  const fs::path dir = empty_folder("seed");
  auto sweep = [&](const std::string& seed) {
    return shell("cd '" + dir.string() + "' && " + PARLEY_EXE + " sweep " + kExample + " --draws 10 --no-progress --format csv --seed " +
                 seed + " --db " + seed + ".db 2>&1");
  };
  const Result top = sweep("18446744073709551615"), zero = sweep("0");
  ASSERT_EQ(top.code, 0) << top.out;
  ASSERT_EQ(zero.code, 0) << zero.out;
  EXPECT_NE(top.out, zero.out);
  const Result runs = shell(std::string(PARLEY_EXE) + " show 1 --db '" + (dir / "18446744073709551615.db").string() + "' 2>&1");
  EXPECT_TRUE(contains(runs.out, "seed 18446744073709551615")) << runs.out;
}

TEST(CountLimits, ThreadsOverTwoHundredFiftySixAreRefusedNotClamped) {
  expect_all_refused({"sweep " + kExample + " --draws 5" + kOut, "--threads", {"257", "4294967296"}});
  expect_limit_refused("sensitivity " + kExample + " --output out.txt --threads 1000", "--threads");
}

TEST(CountLimits, FeasibilityNeedsAtLeastOneDraw) {
  expect_all_refused({"feasibility " + kFlagship + " --output out.txt", "--draws", {"0", "1000000001"}});
}

TEST(CountLimits, CompareAndReportKeepEveryDrawInMemoryUpToAMillion) {
  expect_all_refused({"compare " + kExample + " " + kExample + " --no-progress --output out.txt", "--draws", {"0", "1000001"}});
  expect_all_refused({"report " + kExample + " --no-progress --output out.html", "--draws", {"0", "1000001"}});
}

TEST(CountLimits, SensitivitySamplesAndTopAreBounded) {
  expect_all_refused({"sensitivity " + kExample + " --output out.txt", "--samples", {"0", "1", "100001"}});
  expect_all_refused({"sensitivity " + kExample + " --output out.txt", "--top", {"1000001"}});
}

TEST(CountLimits, SensitivitySamplesAreBoundedByTheResultsTheyKeepForThisScenario) {
  // The flagship: 174 inputs and 14 outputs, 2464 results per sample; 1 GiB holds 54,471 samples.
  // (`timeout`: a parley without the bound would compute ten million model runs.)
  expect_limit_refused("sensitivity " + kFlagship + " --samples 60000 --output out.txt", "at most 54471 for this scenario", "timeout 20");
}

TEST(CountLimits, ABillionDrawSweepRunsInBoundedMemoryAndStopsResumable) {
  // Every draw's outcomes held in memory would need tens of GB: under a 2 GB address space the
  // sweep must still start, store draws, and on Ctrl-C leave an interrupted run to resume.
#ifdef PARLEY_TEST_SANITIZED
  GTEST_SKIP() << "the sanitizers reserve terabytes of address space: ulimit -v cannot be lowered";
#endif
  const fs::path dir = empty_folder("billion");
  const Result r = shell("cd '" + dir.string() + "' && ulimit -v 2000000 && timeout --preserve-status -s INT 1.5 " + PARLEY_EXE +
                         " sweep " + kExample + " --draws 1000000000 --threads 2 --no-progress --db big.db 2>&1");
  EXPECT_EQ(r.code, 130) << r.out;
  EXPECT_TRUE(contains(r.out, "of 1000000000 draws are stored in run 1")) << r.out;
  const Result runs = shell(std::string(PARLEY_EXE) + " runs --db '" + (dir / "big.db").string() + "' 2>&1");
  EXPECT_TRUE(contains(runs.out, "interrupted")) << runs.out;
}

TEST(CountLimits, RunRoundsAreBoundedByWhatTheModelsAccept) {
  expect_all_refused({"run " + kExample + " --model bdm --output out.txt", "--rounds", {"100001", "1000000"}});
}

TEST(CountLimits, CrossValidationCountsAreBounded) {
  const std::string cv = "backtest " + kDeu + " --cross-validate --skill-out skill.csv";
  expect_all_refused({cv, "--folds", {"0", "1", "10001"}});
  expect_all_refused({cv, "--repeats", {"0", "10001"}});
  expect_all_refused({cv, "--bootstrap", {"10000001"}});
}

TEST(CountLimits, SweepResumeNeedsARunNumber) {
  for (const std::string v : {"0", "-1", "abc", "9223372036854775808"}) expect_limit_refused("sweep --no-progress --resume " + v, "--resume");
}

TEST(CountLimits, ParleyThreadsMustBeAWholeNumberFromOneTo256) {
  for (const std::string v : {"abc", "0", "-1", "1e3", "''", "257", "2.5"})
    expect_limit_refused("sweep " + kExample + " --draws 5" + kOut, "PARLEY_THREADS", "PARLEY_THREADS=" + v);
  const fs::path dir = empty_folder("env");
  const Result ok = shell("cd '" + dir.string() + "' && PARLEY_THREADS=2 " + PARLEY_EXE + " run " + kExample + " 2>&1");
  EXPECT_EQ(ok.code, 0) << ok.out;
}

}  // namespace
