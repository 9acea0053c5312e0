// A damaged results database is bad input (issue #14, item 10; docs/results-db.md): every command
// that reads it exits with 2 and a message naming the file and --db, never 1 (internal error), 3 or
// 0 with wrong numbers. Each test damages a copy of a good database with the SQLite C API.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::source_path;
using parley::testing::temp;

/// A good database: one complete run of 200 draws of the example (made once per process, removed
/// at exit).
const fs::path& good_db() {
  struct Made {
    fs::path path = temp("damaged-good-" + std::to_string(getpid()) + ".db");
    Made() {
      fs::remove(path);
      const Result r = parley_cli("sweep " + source_path("scenarios/examples/arms-control.yaml") + " --draws 200 --db " + path.string());
      if (r.code != 0) throw std::runtime_error(r.out);
    }
    ~Made() {
      fs::remove(path);
      fs::remove(path.string() + "-journal");
    }
  };
  static const Made made;
  return made.path;
}

/// A copy of the good database with `sql` run on it.
fs::path damaged(const std::string& name, const std::string& sql) {
  const fs::path p = temp("damaged-" + name + ".db");
  fs::copy_file(good_db(), p, fs::copy_options::overwrite_existing);
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(p.c_str(), &raw), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(raw);
  return p;
}

/// Every command that reads run 1 exits with 2, naming the file, --db and `what`.
void expect_refused(const fs::path& db, const std::string& what, bool runs_too = true) {
  std::vector<std::string> commands{"show 1", "export 1 --format csv", "export 1 --format json --table all", "sweep --resume 1"};
  if (runs_too) commands.push_back("runs");
  for (const std::string& command : commands) {
    const Result r = parley_cli(command + " --db " + db.string());
    EXPECT_EQ(r.code, 2) << command << ": " << r.out;
    EXPECT_EQ(r.out.rfind("parley: " + db.string() + ": error: field '--db': ", 0), 0u) << command << ": " << r.out;
    EXPECT_NE(r.out.find(what), std::string::npos) << command << ": " << r.out;
  }
}

TEST(DamagedDb, BadJsonInARunsOptions) {
  expect_refused(damaged("options", "UPDATE runs SET options = '{\"tie\": '"), "run 1: unreadable options or overrides");
}

TEST(DamagedDb, ATruncatedBlobOfOutcomes) {
  expect_refused(damaged("outcomes", "UPDATE draw_batches SET outcomes = substr(outcomes, 1, length(outcomes) - 8) WHERE rowid = 1"),
                 "run 1: corrupt draw batch", false);
}

TEST(DamagedDb, ATruncatedBlobOfDrawNumbers) {
  expect_refused(damaged("draw-numbers", "UPDATE draw_batches SET draws = substr(draws, 1, length(draws) - 8) WHERE rowid = 1"),
                 "run 1: a batch of draws is truncated or damaged");
}

TEST(DamagedDb, ADrawNumberBeyondTheRun) {
  expect_refused(damaged("beyond", "UPDATE draw_batches SET draws = CAST(x'00e1f50500000000' || substr(draws, 9) AS BLOB) WHERE rowid = 1"),
                 "run 1: draw number 100000000 is beyond the run's 200 draws", false);
}

TEST(DamagedDb, ADrawStoredTwice) {
  expect_refused(damaged("twice",
                         "INSERT INTO draw_batches SELECT run_id, first_draw + 1000, draw_count, draws, inputs, outcomes, classes "
                         "FROM draw_batches WHERE rowid = 1"),
                 "is stored twice", false);
}

TEST(DamagedDb, ASeedThatIsNotANumber) {
  expect_refused(damaged("seed", "UPDATE runs SET seed = 'x'"), "run 1: its seed or number of draws is not a non-negative integer");
}

TEST(DamagedDb, ANegativeNumberOfDraws) {
  expect_refused(damaged("negative", "PRAGMA ignore_check_constraints = ON; UPDATE runs SET draws = -1"),
                 "run 1: its seed or number of draws is not a non-negative integer");
}

TEST(DamagedDb, AMissingTable) { expect_refused(damaged("table", "DROP TABLE run_issues"), "no such table: run_issues"); }

TEST(DamagedDb, AFileThatIsNotADatabase) {
  const fs::path p = temp("damaged-text.db");
  std::ofstream(p) << "hello, this is not SQLite at all, just some text to fill the header page";
  expect_refused(p, "not a results database: file is not a database");
}

TEST(DamagedDb, ATruncatedFile) {
  const fs::path p = temp("damaged-truncated.db");
  fs::copy_file(good_db(), p, fs::copy_options::overwrite_existing);
  fs::resize_file(p, fs::file_size(p) / 2);
  expect_refused(p, "database disk image is malformed");
}

}  // namespace
