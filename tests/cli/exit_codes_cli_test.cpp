// Every exit code of the command line (docs/cli.md), each from a real case: 0 success, 1 internal
// error, 2 bad input (including a damaged results database and --correlation out of range in
// every command that takes it), 3 output not written, 130 interrupted (SweepCli.CtrlC... in
// sweep_cli_test.cpp, which also checks the message).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::shell;
using parley::testing::source_path;
using parley::testing::temp;
using parley::testing::contains;
using parley::testing::kExample;
using parley::testing::kFlagship;



/// A results database with one complete 50-draw run.
fs::path stored_run(const std::string& name) {
  const fs::path db = temp(name);
  for (const char* suffix : {"", "-journal"}) fs::remove(db.string() + suffix);
  const Result r = parley_cli("sweep " + kExample + " --draws 50 --no-progress --db " + db.string());
  EXPECT_EQ(r.code, 0) << r.out;
  return db;
}

void sql(const fs::path& db, const char* statement) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(raw, statement, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

TEST(ExitCodes, SuccessIsZero) {
  EXPECT_EQ(parley_cli("validate " + kExample).code, 0);
  const Result version = parley_cli("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_TRUE(contains(version.out, "parley ")) << version.out;
  EXPECT_EQ(parley_cli("--help").code, 0);
}

TEST(ExitCodes, AnInternalErrorIsOneAndSaysSo) {
  const Result r = shell(std::string(PARLEY_TEST_COMMANDS_EXE) + " crash 2>&1");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "parley: internal error: a bug, on purpose\n");
}

TEST(ExitCodes, BadInputIsTwo) {
  EXPECT_EQ(parley_cli("validate /nonexistent.yaml").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --no-such-option").code, 2);
  EXPECT_EQ(parley_cli("run " + kExample + " --model nope").code, 2);
}

TEST(ExitCodes, AFormatACommandDoesNotWriteIsBadInputListingThoseItDoes) {
  const std::pair<std::string, std::string> cases[] = {{"run " + kExample, "table, json or csv"},
                                                       {"sweep " + kExample, "table, json or csv"},
                                                       {"sensitivity " + kExample, "table, json or csv"},
                                                       {"compare " + kExample + " " + kExample, "table, json or csv"},
                                                       {"feasibility " + kFlagship, "table or json"},
                                                       {"show 1", "table, json or csv"},
                                                       {"export 1", "csv or json"}};
  for (const auto& [command, formats] : cases) {
    const Result r = parley_cli(command + " --format xml");
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_EQ(r.out, "parley: error: field '--format': got 'xml'; expected " + formats + "\n") << command;
  }
  EXPECT_EQ(parley_cli("feasibility " + kFlagship + " --format csv").out,
            "parley: error: field '--format': got 'csv'; expected table or json\n");
  EXPECT_EQ(parley_cli("export 1 --format table").out, "parley: error: field '--format': got 'table'; expected csv or json\n");
}

TEST(ExitCodes, ADamagedResultsDatabaseIsBadInputNamingTheFile) {
  const fs::path db = stored_run("damaged.db");
  // The header of the second page (16 KiB pages): SQLite finds the b-tree malformed.
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(16384);
    f.write("\x0d\xff\xff\xff\xff\xff\xff\xff", 8);
  }
  for (const char* command : {"runs", "show 1", "export 1 --format csv"}) {
    const Result r = parley_cli(std::string(command) + " --db " + db.string());
    EXPECT_EQ(r.code, 2) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "parley: " + db.string() + ": error: field '--db': ")) << command << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "malformed")) << r.out;
  }
}

TEST(ExitCodes, DamagedDrawsOrRunRecordsAreBadInputNamingTheFile) {
  const fs::path blobs = stored_run("damaged-blobs.db");
  sql(blobs, "UPDATE draw_batches SET outcomes = x'00'");
  const Result r = parley_cli("show 1 --db " + blobs.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, blobs.string() + ": error: field '--db': run 1: corrupt draw batch")) << r.out;
  const fs::path options = stored_run("damaged-options.db");
  sql(options, "UPDATE runs SET options = '{not json'");
  const Result o = parley_cli("runs --db " + options.string());
  EXPECT_EQ(o.code, 2) << o.out;
  EXPECT_TRUE(contains(o.out, options.string() + ": error: field '--db': run 1: unreadable options")) << o.out;
  const fs::path table = stored_run("missing-table.db");
  sql(table, "DROP TABLE run_classes");
  const Result t = parley_cli("runs --db " + table.string());
  EXPECT_EQ(t.code, 2) << t.out;
  EXPECT_TRUE(contains(t.out, "no such table: run_classes")) << t.out;
}

TEST(ExitCodes, ACorrelationOutsideTheUnitIntervalIsBadInputInEveryCommand) {
  const std::string message = "parley: error: field '--correlation': got 2.000000; expected a number in [0, 1]\n";
  const Result feasibility = parley_cli("feasibility " + kFlagship + " --correlation 2");
  EXPECT_EQ(feasibility.code, 2);
  EXPECT_EQ(feasibility.out, message);
  const fs::path db = temp("correlation.db");
  fs::remove(db);
  for (const std::string& command : {"sweep " + kExample + " --db " + db.string(), "compare " + kExample + " " + kExample}) {
    const Result r = parley_cli(command + " --correlation 2 --no-progress");
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_EQ(r.out, message) << command;
  }
}

TEST(ExitCodes, AnOutputThatCannotBeWrittenIsThree) {
  const Result file = parley_cli("run " + kExample + " --output /nonexistent-dir/out.txt");
  EXPECT_EQ(file.code, 3);
  EXPECT_TRUE(contains(file.out, "parley: cannot write /nonexistent-dir/out.txt")) << file.out;
  // Standard output on a full disk: the result was not written, so not a success.
  const Result full = shell(std::string(PARLEY_EXE) + " run " + kExample + " 2>&1 >/dev/full");
  EXPECT_EQ(full.code, 3);
  EXPECT_EQ(full.out, "parley: cannot write standard output\n");
}

}  // namespace
