// Concurrent writers of one results database (issue #14, item 3; docs/results-db.md, "One writer
// per run"): a second writer of a run is refused while the first holds it, so no draw is stored
// twice; sweeps of different runs share the database.
//
// A writer is caught mid-run deterministically: it runs a step at a time (stepped_process.hpp) until
// its lock file names it (it has claimed the run) and it stands between two transactions, holding
// no lock on the database, only its claim; it stays stopped until the second writer has been
// refused.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/stepped_process.hpp"
#include "sanitizers.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::fresh_dir;
using parley::testing::kExample;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::shell;
using parley::testing::source_path;
using parley::testing::temp;

/// The first column of the first row of `sql` on `db`, read as any other SQLite client would; -1 if
/// it cannot be read.
long long query(const fs::path& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  long long value = -1;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(raw, 2000);
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      value = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
  }
  sqlite3_close(raw);
  return value;
}

long long stored(const fs::path& db) { return fs::exists(db) ? query(db, "SELECT coalesce(sum(draw_count), 0) FROM draw_batches") : -1; }

/// True when nobody holds any lock on `db` (an exclusive transaction starts without waiting).
bool unlocked(const fs::path& db) {
  sqlite3* raw = nullptr;
  bool free = false;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
    free = sqlite3_exec(raw, "BEGIN EXCLUSIVE; ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(raw);
  return free;
}

/// True once `pid` has claimed run 1 (its lock file names it) or, for a parley that takes no
/// claims, once `db` holds more than `more_than` draws; and it holds no lock on `db`, so that it is
/// between two transactions and its run, if it has just created it, is committed.
bool claimed_between_batches(pid_t pid, const fs::path& db, long long more_than) {
  const fs::path lock = db.string() + ".run-1.lock";
  const std::string holder = "pid " + std::to_string(pid) + " on ";
  std::ifstream in(lock);
  std::string line;
  const bool claimed = std::getline(in, line) && line.rfind(holder, 0) == 0;
  return fs::exists(db) && unlocked(db) && (claimed || stored(db) > more_than);
}

/// Starts parley with `args`, its standard output and error into `log`, and runs it until it has
/// claimed run 1 and stands between two batches. False if it ended first.
bool start_and_catch(pid_t& pid, const std::vector<std::string>& args, const fs::path& log, const fs::path& db, long long more_than) {
  pid = parley::testing::start_stopped(args, log, log);
  return parley::testing::step_until(pid, [&] { return claimed_between_batches(pid, db, more_than); });
}

/// Lets a stopped `pid` go on; its exit code (-1 if a signal ended it).
int resume_and_wait(pid_t pid) {
  const int status = parley::testing::continue_and_wait(pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Draws of the sweeps caught mid-run: they must outlast the step that claims the run, and a
/// sanitizer build runs bdm some twenty times slower.
#ifdef PARLEY_TEST_SANITIZED
constexpr int kDraws = 400;
#else
constexpr int kDraws = 2000;
#endif

std::vector<std::string> sweep_args(const fs::path& db, int draws) {
  return {"sweep", kExample, "--model", "bdm", "--draws", std::to_string(draws), "--seed", "3", "--format", "csv", "--db", db.string()};
}

/// The run holds each of its draws once: counted in SQL, and in the export (3 issues a draw).
void expect_each_draw_once(const fs::path& db, int run, long long draws) {
  const std::string r = std::to_string(run);
  EXPECT_EQ(query(db, "SELECT coalesce(sum(draw_count), 0) FROM draw_batches WHERE run_id = " + r), draws) << "run " << r;
  EXPECT_EQ(query(db, "SELECT draws FROM runs WHERE id = " + r), draws) << "run " << r;
  EXPECT_EQ(query(db, "SELECT status = 'complete' FROM runs WHERE id = " + r), 1) << "run " << r;
  const Result csv = parley_cli("export " + r + " --format csv --db " + db.string());
  EXPECT_EQ(csv.code, 0) << csv.out.substr(0, 300);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 1 + draws * 3) << "run " << r;
}

void expect_intact(const fs::path& db) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "ok");
  sqlite3_finalize(q);
  sqlite3_close(raw);
}

std::string refusal(pid_t holder) {
  return "error: field '--db': run 1 is being written by another parley process (pid " + std::to_string(holder) + " on ";
}

TEST(ConcurrentWriters, AResumeWhileTheSweepStillRunsIsRefusedAndNothingIsStoredTwice) {
  const fs::path dir = fresh_dir("concurrent-resume-while-running"), db = dir / "results.db";
  const int draws = kDraws;
  pid_t sweep = 0;
  ASSERT_TRUE(start_and_catch(sweep, sweep_args(db, draws), dir / "sweep.log", db, 0)) << "the sweep ended before it could be caught";
  ASSERT_LT(stored(db), draws);

  const Result second = parley_cli("sweep --resume 1 --format csv --db " + db.string());
  EXPECT_EQ(second.code, 2) << second.out;
  EXPECT_NE(second.out.find(db.string() + ": " + refusal(sweep)), std::string::npos) << second.out;

  EXPECT_EQ(resume_and_wait(sweep), 0);
  expect_intact(db);
  expect_each_draw_once(db, 1, draws);
  // Its claim ended with it: a resume of the complete run is free to go (and has nothing to add).
  const Result again = parley_cli("sweep --resume 1 --format csv --db " + db.string());
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(stored(db), draws);
}

TEST(ConcurrentWriters, TwoResumesOfOneRunStoreEachDrawOnce) {
  const fs::path dir = fresh_dir("concurrent-two-resumes"), db = dir / "results.db";
  const int draws = kDraws;
  // A sweep killed with -9 leaves its run 'running', and a claim that died with it.
  pid_t killed = 0;
  ASSERT_TRUE(start_and_catch(killed, sweep_args(db, draws), dir / "killed.log", db, 0)) << "the sweep ended before it could be caught";
  kill(killed, SIGKILL);
  waitpid(killed, nullptr, 0);
  const long long before = stored(db);
  ASSERT_LT(before, draws) << "the sweep ended before it could be killed";

  pid_t first = 0;
  ASSERT_TRUE(start_and_catch(first, {"sweep", "--resume", "1", "--format", "csv", "--db", db.string()}, dir / "first.log", db, before))
      << "the first resume ended before it could be caught";
  ASSERT_LT(stored(db), draws);

  const Result second = parley_cli("sweep --resume 1 --format csv --db " + db.string());
  EXPECT_EQ(second.code, 2) << second.out;
  EXPECT_NE(second.out.find(refusal(first)), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("expected one writer per run: wait until it has finished"), std::string::npos) << second.out;

  EXPECT_EQ(resume_and_wait(first), 0);
  expect_intact(db);
  expect_each_draw_once(db, 1, draws);
}

TEST(ConcurrentWriters, FourSweepsIntoOneNewDatabaseAtOnce) {
  const fs::path dir = fresh_dir("concurrent-four-sweeps"), db = dir / "results.db";
  const std::vector<int> draws{200, 300, 400, 500};
  std::string line = "cd '" + dir.string() + "' || exit 9; ";
  for (std::size_t k = 0; k < draws.size(); ++k) {
    const std::string n = std::to_string(k);
    const std::string sweep = std::string(PARLEY_EXE) + " sweep " + kExample + " --draws " + std::to_string(draws[k]) + " --seed " + n;
    line += "(" + sweep + " --format csv --db results.db > out" + n + " 2>&1; echo $? > code" + n + ") & ";
  }
  line += "wait";
  ASSERT_EQ(shell(line).code, 0);
  for (std::size_t k = 0; k < draws.size(); ++k) {
    const std::string n = std::to_string(k);
    EXPECT_EQ(parley::testing::read_text((dir / ("code" + n)).string()), "0\n") << parley::testing::read_text((dir / ("out" + n)).string());
  }
  expect_intact(db);
  ASSERT_EQ(query(db, "SELECT count(*) FROM runs"), 4);
  std::multiset<long long> asked;
  for (int run = 1; run <= 4; ++run) {
    const long long n = query(db, "SELECT draws FROM runs WHERE id = " + std::to_string(run));
    asked.insert(n);
    expect_each_draw_once(db, run, n);
  }
  EXPECT_EQ(asked, (std::multiset<long long>{200, 300, 400, 500}));
  EXPECT_EQ(std::count_if(fs::directory_iterator(dir), fs::directory_iterator(),
                          [](const fs::directory_entry& e) { return e.path().extension() == ".lock"; }),
            0);  // every claim let go, and took its file with it
}

}  // namespace
