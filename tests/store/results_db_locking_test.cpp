// One writer per run, and writers that wait for readers (docs/results-db.md, "One writer per run").
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"
#include "parley/results_db.hpp"
#include "store/run_lock.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

fs::path fresh(const std::string& name) {
  const fs::path p = parley::testing::removed_at_exit(fs::temp_directory_path() / ("parley-lock-test-" + name));
  for (const char* suffix : {"", "-journal", "-wal", "-shm", ".run-1.lock"}) fs::remove(p.string() + suffix);
  return p;
}

SweepSetup setup() {
  Scenario s = testing::one_issue({{10}, {90}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);
  return SweepSetup(s, *find_model("compromise"), {}, {1, 0});
}

RunRecord record(std::uint64_t draws) {
  RunRecord r;
  r.model = "compromise";
  r.draws = draws;
  return r;
}

DrawChunk chunk(std::vector<std::uint64_t> draws) {
  DrawChunk c;
  c.draws = std::move(draws);
  c.inputs.assign(c.draws.size(), 1.0);
  c.outcomes.assign(c.draws.size(), 2.0);
  return c;
}

TEST(ResultsDbLocking, ASecondWriterOfARunIsRefusedNamingTheRunAndTheProcess) {
  const fs::path path = fresh("second-writer.db");
  auto first = std::make_unique<ResultsDb>(path.string());
  const std::int64_t id = first->create_run(record(4), setup());
  EXPECT_TRUE(first->claimed(id));
  EXPECT_TRUE(fs::exists(store::run_lock_path(path.string(), id)));
  ResultsDb second(path.string());
  try {
    second.claim(id);
    ADD_FAILURE() << "two writers of one run";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path.string());
    EXPECT_EQ(e.field(), "--db");
    EXPECT_NE(e.problem().find("run 1 is being written by another parley process (pid " + std::to_string(getpid()) + " on "),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(second.claimed(id));
  EXPECT_THROW(second.insert(id, chunk({0})), std::logic_error);  // writing without the claim is a bug
  EXPECT_THROW(second.finish(id, "interrupted", 0, 1), std::logic_error);
  first->insert(id, chunk({0, 1}));
  first.reset();  // lets go, and removes its lock file
  EXPECT_FALSE(fs::exists(store::run_lock_path(path.string(), id)));
  second.claim(id);
  second.insert(id, chunk({2, 3}));
  second.finish(id, "complete", 0, 1);
  EXPECT_EQ(second.run(id).stored, 4u);
}

TEST(ResultsDbLocking, AClaimDiesWithItsProcessEvenUnderKillMinus9) {
  const fs::path path = fresh("killed-writer.db");
  { ResultsDb(path.string()).create_run(record(2), setup()); }
  const pid_t child = fork();
  if (child == 0) {
    ResultsDb db(path.string());
    db.claim(1);
    raise(SIGKILL);  // no destructor, no unlink: the lock file stays behind
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_TRUE(fs::exists(store::run_lock_path(path.string(), 1)));  // left behind, but nobody holds it
  ResultsDb db(path.string());
  db.claim(1);
  db.insert(1, chunk({1, 0}));
  db.finish(1, "complete", 0, 1);
}

TEST(ResultsDbLocking, TwoNamesOfOneDatabaseShareTheirLocks) {
  const fs::path path = fresh("named-twice.db"), link = fresh("named-twice-link.db");
  ResultsDb db(path.string());
  const std::int64_t id = db.create_run(record(1), setup());
  fs::create_symlink(path, link);
  ResultsDb other(link.string());
  EXPECT_THROW(other.claim(id), InputError);
  fs::remove(link);
}

TEST(ResultsDbLocking, ARunIsCompleteOnlyWithEachOfItsDrawsOnce) {
  const fs::path path = fresh("each-once.db");
  ResultsDb db(path.string());
  const std::int64_t id = db.create_run(record(2), setup());
  db.insert(id, chunk({0, 1}));
  db.insert(id, chunk({1}));  // as two writers without claims stored it
  try {
    db.finish(id, "complete", 0, 1);
    ADD_FAILURE() << "marked complete with a draw stored twice";
  } catch (const InputError& e) {
    EXPECT_NE(e.problem().find("run 1: 3 draws stored for a run of 2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(db.run(id).status, "running");
  EXPECT_THROW(db.load(id, [](const StoredDraw&) {}), InputError);  // never counted twice
}

TEST(ResultsDbLocking, SweepsOpeningOneNewFileAtOnceCreateItsTablesOnce) {
  const fs::path path = fresh("opened-at-once.db");
  // Hold the write lock while two connections open the new file: both find it empty, then wait.
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::atomic<int> opened{0};
  std::vector<std::string> errors(2);
  std::vector<std::thread> openers;
  for (int k = 0; k < 2; ++k)
    openers.emplace_back([&, k] {
      try {
        ResultsDb db(path.string());
        ++opened;
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(k)] = e.what();
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(80));
  sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  for (std::thread& t : openers) t.join();
  sqlite3_close(holder);
  EXPECT_EQ(opened, 2) << errors[0] << errors[1];
  EXPECT_EQ(ResultsDb(path.string()).schema_version(), ResultsDb::kSchemaVersion);
}

// A VFS that sleeps a thousandth of what SQLite asks, and counts what it asked: a minute of
// SQLite's waiting in a few hundred milliseconds.
std::atomic<long long> asked_to_sleep_us{0};
sqlite3_vfs* real_vfs = nullptr;

int fast_sleep(sqlite3_vfs*, int us) {
  asked_to_sleep_us += us;
  std::this_thread::sleep_for(std::chrono::microseconds(us / 1000));
  return us;
}

TEST(ResultsDbLocking, AWriterWaitsForAReaderThatHoldsItsTransactionLongerThanFiveSeconds) {
  const fs::path path = fresh("slow-reader.db");
  real_vfs = sqlite3_vfs_find(nullptr);
  static sqlite3_vfs fast = *real_vfs;
  fast.zName = "parley-test-fast-sleep";
  fast.xSleep = fast_sleep;
  ASSERT_EQ(sqlite3_vfs_register(&fast, 1), SQLITE_OK);
  {
    ResultsDb db(path.string());
    const std::int64_t id = db.create_run(record(2), setup());
    sqlite3* reader = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &reader), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM runs", nullptr, nullptr, nullptr), SQLITE_OK);
    asked_to_sleep_us = 0;
    std::string error;
    std::atomic<bool> done{false};
    std::thread writer([&] {
      try {
        db.insert(id, chunk({0, 1}));
      } catch (const std::exception& e) {
        error = e.what();
      }
      done = true;
    });
    // The reader lets go once the writer has waited 8 s of SQLite's time (or 5 s of ours).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (asked_to_sleep_us < 8'000'000 && !done && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_GE(asked_to_sleep_us, 8'000'000);
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    writer.join();
    sqlite3_close(reader);
    EXPECT_EQ(error, "");
    EXPECT_EQ(db.run(id).stored, 2u);
  }
  sqlite3_vfs_register(real_vfs, 1);
  sqlite3_vfs_unregister(&fast);
}

}  // namespace
}  // namespace parley
