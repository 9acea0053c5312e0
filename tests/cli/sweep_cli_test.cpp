// End-to-end tests of sweep, sensitivity, compare and the results database commands, including a
// sweep killed with SIGKILL and one stopped with Ctrl-C (SIGINT), then resumed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "cli/stepped_process.hpp"
#include "sanitizers.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::read_text;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::kExample;


fs::path fresh_db(const std::string& name) {
  const fs::path p = temp(name);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
  return p;
}

TEST(SweepCli, PrintsClassProbabilitiesFromTheInputsOnlyAndWithModelError) {
  const fs::path db = fresh_db("sweep-model-error.db");
  const Result r = parley_cli("sweep " + kExample + " --draws 300 --seed 2 --no-progress --db " + db.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("inputs only"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("with model error"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("compromise's out-of-fold errors on DEU III"), std::string::npos) << r.out;
  const Result json = parley_cli("show 1 --format json --db " + db.string());
  EXPECT_NE(json.out.find("\"with_model_error\": {"), std::string::npos) << json.out;
  const Result csv = parley_cli("show 1 --format csv --db " + db.string());
  EXPECT_NE(csv.out.find("class_with_model_error,shallow-deal,probability,"), std::string::npos) << csv.out;
}

TEST(SweepCli, PrintsDistributionsAndClassProbabilitiesAndStoresTheRun) {
  const fs::path db = fresh_db("sweep.db");
  const Result r = parley_cli("sweep " + kExample + " --draws 2000 --seed 4 --db " + db.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("model compromise, 2000 draws, seed 4, 4 uncertain inputs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stored as run 1 in " + db.string()), std::string::npos);
  EXPECT_NE(r.out.find("warhead-cap"), std::string::npos);
  EXPECT_NE(r.out.find("shallow-deal"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // no progress bar off a terminal
  const Result runs = parley_cli("runs --db " + db.string());
  EXPECT_NE(runs.out.find("complete"), std::string::npos) << runs.out;
  // show reprints the same summary from the database.
  const Result show = parley_cli("show 1 --db " + db.string());
  EXPECT_NE(show.out.find(r.out.substr(r.out.find("issue "))), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("sha256"), std::string::npos);
  const Result outcomes = parley_cli("export 1 --format csv --db " + db.string());
  EXPECT_EQ(outcomes.out.rfind("run,draw,issue,outcome\n1,0,warhead-cap,", 0), 0u) << outcomes.out.substr(0, 200);
  EXPECT_EQ(std::count(outcomes.out.begin(), outcomes.out.end(), '\n'), 1 + 2000 * 3);
  const Result inputs = parley_cli("export 1 --format csv --table inputs --db " + db.string());
  EXPECT_NE(inputs.out.find("1,1999,ru-president.capability,"), std::string::npos);
  const Result json = parley_cli("export 1 --format json --table all --db " + db.string());
  EXPECT_NE(json.out.find("\"schema\": \"parley.export/1\""), std::string::npos);
  EXPECT_EQ(parley_cli("show 7 --db " + db.string()).code, 2);
  EXPECT_EQ(parley_cli("export 1 --format xml --db " + db.string()).code, 2);
  EXPECT_EQ(parley_cli("runs --db /nonexistent.db").code, 2);
}

TEST(SweepCli, SameBytesForAnyThreadCount) {
  std::string first;
  for (const char* threads : {"1", "2", "8"}) {
    const fs::path db = fresh_db(std::string("threads-") + threads + ".db");
    const Result r =
        parley_cli("sweep " + kExample + " --model bdm --draws 300 --format csv --threads " + threads + " --db " + db.string());
    ASSERT_EQ(r.code, 0) << r.out;
    if (first.empty()) first = r.out;
    EXPECT_EQ(r.out, first) << threads;
    const Result draws = parley_cli("export 1 --format csv --table inputs --db " + db.string());
    static std::string first_draws;
    if (first_draws.empty()) first_draws = draws.out;
    EXPECT_EQ(draws.out, first_draws) << threads;
  }
}

TEST(SweepCli, WhatIfOverridesReachEveryCommand) {
  const Result base = parley_cli("run " + kExample + " --format csv");
  const Result moved = parley_cli("run " + kExample + " --format csv --set us-president.warhead-cap.position=0");
  EXPECT_NE(base.out, moved.out);
  const fs::path db = fresh_db("whatif.db");
  const Result fixed = parley_cli("sweep " + kExample + " --draws 200 --db " + db.string() +
                                  " --set ru-president.warhead-cap.position=60 --set ru-president.capability=80 --set eu.capability=30 "
                                  "--set ru-president.sanctions-link.salience=0.8");
  ASSERT_EQ(fixed.code, 0) << fixed.out;
  EXPECT_NE(fixed.out.find("0 uncertain inputs"), std::string::npos) << fixed.out;
  const Result bad = parley_cli("run " + kExample + " --set us-president.warhead-cap.position=130");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("field '--set us-president.warhead-cap.position=130'"), std::string::npos) << bad.out;
  EXPECT_EQ(parley_cli("sensitivity " + kExample + " --set nobody.capability=3").code, 2);
}

TEST(SweepCli, SensitivityRanksTheInputThatDrivesEachOutcome) {
  const Result r = parley_cli("sensitivity " + kExample + " --samples 256 --format csv");
  ASSERT_EQ(r.code, 0) << r.out;
  // warhead-cap is driven by Russia's uncertain position on it; its first row says so.
  EXPECT_NE(r.out.find("issue,warhead-cap,ru-president.warhead-cap.position,"), std::string::npos) << r.out;
  const Result table = parley_cli("sensitivity " + kExample + " --method tornado");
  EXPECT_NE(table.out.find("at 95%"), std::string::npos) << table.out;
  EXPECT_EQ(parley_cli("sensitivity " + kExample + " --method guess").code, 2);
}

TEST(SweepCli, CompareShowsIssueAndClassDifferences) {
  const fs::path b = temp("compare-b.yaml");
  std::string text = read_text(kExample);
  text.replace(text.find("warhead-cap: {position: 40"), 26, "warhead-cap: {position: 20");
  std::ofstream(b) << text;
  const Result r = parley_cli("compare " + kExample + " " + b.string() + " --draws 500");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("warhead-cap"), std::string::npos);
  EXPECT_NE(r.out.find("deep-deal"), std::string::npos);
  EXPECT_NE(r.out.find("intervals do not overlap"), std::string::npos) << r.out;
  fs::remove(b);
}

TEST(SweepCli, ClassErrorsPointIntoTheFile) {
  const fs::path bad = temp("bad-class.yaml");
  std::string text = read_text(kExample);
  text.replace(text.find("deep-deal: \"warhead-cap <= 45"), 30, "deep-deal: \"warhead-cop <= 45");
  std::ofstream(bad) << text;
  const fs::path db = fresh_db("bad-class.db");
  const Result r = parley_cli("sweep " + bad.string() + " --db " + db.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(":74:15: error: field 'outcomes.deep-deal': unknown issue 'warhead-cop'"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(db));
  fs::remove(bad);
}

/// Draws stored so far, read the way any other SQLite client would; -1 while a writer holds the
/// database (no waiting: the writer may be stopped).
long stored_draws(const fs::path& db) {
  sqlite3* raw = nullptr;
  long n = -1;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(raw, "SELECT coalesce(sum(draw_count), 0) FROM draw_batches", -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
      n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
  }
  sqlite3_close(raw);
  return n;
}

/// Where interrupted_sweep sends the sweep's standard error.
fs::path sweep_messages() { return temp("interrupted-sweep.err"); }

/// Starts a sweep, runs it a step at a time until some draws are stored, sends `signal`, returns
/// the exit status (stepped_process.hpp: on a loaded machine a polled sweep could end first).
int interrupted_sweep(const fs::path& db, int draws, int signal, long& stored_at_signal) {
  const pid_t pid = parley::testing::start_stopped(
      {"sweep", kExample, "--model", "bdm", "--draws", std::to_string(draws), "--db", db.string(), "--seed", "9", "--format", "csv"},
      "/dev/null", sweep_messages());
  stored_at_signal = 0;
  int status = 0;
  if (!parley::testing::step_until(pid, [&] { return fs::exists(db) && (stored_at_signal = stored_draws(db)) > 0; }, &status))
    return status;
  kill(pid, signal);
  return parley::testing::continue_and_wait(pid);
}

/// Draws for the interrupted sweeps: enough that the sweep is still running when the signal comes
/// (the signal follows the first stored chunk, of 8 draws); a sanitizer build runs bdm some twenty
/// times slower.
#ifdef PARLEY_TEST_SANITIZED
constexpr int kInterruptedDraws = 500;
#else
constexpr int kInterruptedDraws = 2000;
#endif

TEST(SweepCli, KilledSweepLeavesAConsistentDatabaseAndResumeCompletesIt) {
  const int draws = kInterruptedDraws;
  const fs::path reference = fresh_db("reference.db");
  const Result whole = parley_cli("sweep " + kExample + " --model bdm --draws " + std::to_string(draws) + " --seed 9 --format csv --db " +
                                  reference.string());
  ASSERT_EQ(whole.code, 0) << whole.out;

  const fs::path db = fresh_db("killed.db");
  long stored = 0;
  const int status = interrupted_sweep(db, draws, SIGKILL, stored);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the sweep ended before it could be killed";
  ASSERT_GT(stored, 0);
  ASSERT_LT(stored, draws);
  const Result runs = parley_cli("runs --db " + db.string());
  EXPECT_EQ(runs.code, 0) << runs.out;
  EXPECT_NE(runs.out.find("running"), std::string::npos) << runs.out;
  const Result resumed = parley_cli("sweep --resume 1 --db " + db.string() + " --format csv");
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_EQ(resumed.out, whole.out);
  EXPECT_NE(parley_cli("runs --db " + db.string()).out.find("complete"), std::string::npos);
  for (const char* table : {"outcomes", "inputs", "classes"})
    EXPECT_EQ(parley_cli(std::string("export 1 --format csv --table ") + table + " --db " + db.string()).out,
              parley_cli(std::string("export 1 --format csv --table ") + table + " --db " + reference.string()).out)
        << table;
}

TEST(SweepCli, CtrlCKeepsFinishedDrawsAndSaysHowToResume) {
  const fs::path db = fresh_db("interrupted.db");
  long stored = 0;
  const int status = interrupted_sweep(db, kInterruptedDraws, SIGINT, stored);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping";
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const std::string message = read_text(sweep_messages().string());
  EXPECT_EQ(message.rfind("parley: interrupted; ", 0), 0u) << message;
  EXPECT_NE(message.find(" draws are stored in run 1 of " + db.string() + ".\nComplete it with: parley sweep --resume 1 --db " +
                         db.string() + "\n"),
            std::string::npos)
      << message;
  const Result runs = parley_cli("runs --db " + db.string());
  EXPECT_NE(runs.out.find("interrupted"), std::string::npos) << runs.out;
  EXPECT_GE(stored_draws(db), stored);
  const Result resumed = parley_cli("sweep --resume 1 --db " + db.string() + " --format csv");
  EXPECT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_NE(parley_cli("runs --db " + db.string()).out.find("complete"), std::string::npos);
}

}  // namespace

namespace {

TEST(FeasibilityCli, TheFlagshipHasNoZoneOfAgreementOnUkraineAndSaysWhy) {
  const Result r = parley_cli("feasibility " + source_path("scenarios/us-russia.yaml") + " --draws 500");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("zone           none: russia/ru-president needs at least"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("united-states/us-congress accepts at most 35.0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("P(zone) ≤ 0.008 [0.000, 0.008]"), std::string::npos) << r.out;  // never "0.000" from draws
  const Result json = parley_cli("feasibility " + source_path("scenarios/us-russia.yaml") + " --draws 100 --format json");
  EXPECT_NE(json.out.find("\"schema\": \"parley.feasibility/1\""), std::string::npos);
  EXPECT_EQ(parley_cli("feasibility " + kExample).code, 2);  // no sides
  EXPECT_EQ(parley_cli("feasibility " + kExample + " --format csv").code, 2);
}

}  // namespace
