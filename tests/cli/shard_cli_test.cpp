// parley sweep --shard K/N and parley merge (docs/distributed.md): the merged run exports the same
// bytes as the sweep run in one process, a shard resumes alone, and merge refuses what is not the
// complete set of one sweep's shards.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <regex>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::expect_refused_in;
using parley::testing::fresh_dir;
using parley::testing::kExample;
using parley::testing::parley_cli;
using parley::testing::parley_cli_in;
using parley::testing::Result;
using parley::testing::temp;

const std::string kUnseededSweep = "sweep " + kExample + " --draws 7 --no-progress";
const std::string kShardSweep = kUnseededSweep + " --seed 11";

/// Runs shard k of n into `db` (in `dir`).
Result run_shard(const fs::path& dir, std::uint64_t k, std::uint64_t n, const std::string& db, const std::string& extra = "") {
  return parley_cli_in(dir, kShardSweep + " --shard " + std::to_string(k) + "/" + std::to_string(n) + " --db " + db + extra);
}

/// Every export of run 1 of `db` in `dir`: the CSV tables and JSON's all, without its creation time.
std::string exports(const fs::path& dir, const std::string& db) {
  std::string text;
  for (const char* table : {"outcomes", "inputs", "classes", "summary"}) {
    const Result r = parley_cli_in(dir, std::string("export 1 -f csv --table ") + table + " --db " + db);
    EXPECT_EQ(r.code, 0) << r.out;
    text += r.out;
  }
  const Result json = parley_cli_in(dir, "export 1 -f json --table all --db " + db);
  EXPECT_EQ(json.code, 0) << json.out;
  return text + std::regex_replace(json.out, std::regex("\"created\": \"[^\"]*\""), "\"created\": \"\"");
}

/// Shards 0..n-1 (shards 3 and 4 into one database, to merge a database holding two) merged in a
/// new folder, against the same sweep run in one process.
void expect_merge_equals_one_process(std::uint64_t n) {
  const fs::path one = fresh_dir("shards-one-" + std::to_string(n)), parts = fresh_dir("shards-parts-" + std::to_string(n));
  ASSERT_EQ(parley_cli_in(one, kShardSweep + " --db x.db").code, 0);
  std::string inputs;
  for (std::uint64_t k = 0; k < n; ++k) {
    const std::string db = "s" + std::to_string(k < 4 ? k : 3) + ".db";
    const Result r = run_shard(parts, k, n, db);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(contains(r.out, "shard " + std::to_string(k) + " of " + std::to_string(n) + ": ")) << r.out;
    if (k < 4) inputs += " " + db;
  }
  const Result merged = parley_cli_in(parts, "merge" + inputs + " --into x.db");
  ASSERT_EQ(merged.code, 0) << merged.out;
  EXPECT_TRUE(contains(merged.out, "merged " + std::to_string(n) + " shards (7 draws) into run 1 of x.db")) << merged.out;
  EXPECT_EQ(exports(parts, "x.db"), exports(one, "x.db"));
}

TEST(ShardCli, MergedExportIsTheOneProcessExportForOneShard) { expect_merge_equals_one_process(1); }
TEST(ShardCli, MergedExportIsTheOneProcessExportForTwoShards) { expect_merge_equals_one_process(2); }
TEST(ShardCli, MergedExportIsTheOneProcessExportForThreeShards) { expect_merge_equals_one_process(3); }
TEST(ShardCli, MergedExportIsTheOneProcessExportForFiveShards) { expect_merge_equals_one_process(5); }

TEST(ShardCli, AShardStoresOnlyItsDrawsAndShowSaysWhichShard) {
  const fs::path dir = fresh_dir("shards-show");
  const Result r = run_shard(dir, 1, 3, "s.db");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "shard 1 of 3: 2 draws of 7 (2-3); the summary is over this shard's draws only")) << r.out;
  EXPECT_TRUE(contains(r.out, "model compromise, 2 draws")) << r.out;
  const Result show = parley_cli_in(dir, "show 1 --db s.db");
  EXPECT_TRUE(contains(show.out, "run 1 of s.db: complete (2 of 7 draws stored)\nshard 1 of 3: 2 of 7 draws (2-3)")) << show.out;
  const Result outcomes = parley_cli_in(dir, "export 1 -f csv --db s.db");
  EXPECT_EQ(outcomes.out.rfind("run,draw,issue,outcome\n1,2,", 0), 0u) << outcomes.out;
  EXPECT_FALSE(contains(outcomes.out, "\n1,1,"));
  EXPECT_FALSE(contains(outcomes.out, "\n1,4,"));
  const Result runs = parley_cli_in(dir, "runs -f json --db s.db");
  EXPECT_TRUE(contains(runs.out, "\"shard\": {\n        \"index\": 1,\n        \"count\": 3\n      }")) << runs.out;
  // JSON stays JSON: the note goes to standard error.
  const Result json = parley::testing::shell("cd '" + dir.string() + "' && " + PARLEY_EXE + " " + kShardSweep +
                                             " --shard 0/3 --db t.db -f json 2>/dev/null");
  EXPECT_EQ(json.out.rfind("{", 0), 0u) << json.out;
  // More shards than draws: an empty shard is complete at once.
  const Result empty = parley_cli_in(dir, "sweep " + kExample + " --draws 2 --shard 0/5 --no-progress --db e.db");
  EXPECT_EQ(empty.code, 0) << empty.out;
  EXPECT_TRUE(contains(empty.out, "shard 0 of 5: 0 draws of 2 (none)")) << empty.out;
}

TEST(ShardCli, RefusesABadShardNamingTheOption) {
  const fs::path dir = fresh_dir("shards-bad");
  for (const char* bad : {"3/3", "a/3", "1/0", "-1/3", "1", "1/", "0/2000000", "1/2/3"}) {
    const Result r = parley_cli_in(dir, kShardSweep + " --shard " + bad + " --db s.db");
    EXPECT_EQ(r.code, 2) << bad << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "field '--shard'")) << r.out;
    EXPECT_TRUE(contains(r.out, "expected K/N with 0 <= K < N")) << r.out;
  }
  EXPECT_FALSE(fs::exists(dir / "s.db"));
  ASSERT_EQ(run_shard(dir, 0, 2, "s.db").code, 0);
  const Result resume = parley_cli_in(dir, "sweep --resume 1 --shard 1/2 --db s.db");
  EXPECT_EQ(resume.code, 2);
  EXPECT_TRUE(contains(resume.out, "field '--shard': not used with --resume")) << resume.out;
}

/// Deletes the stored draws of run 1 of `db` and marks it interrupted, as a killed shard leaves it.
void drop_draws(const fs::path& db) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(raw, "DELETE FROM draw_batches WHERE run_id = 1; UPDATE runs SET status = 'interrupted'", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(raw);
}

TEST(ShardCli, AnIncompleteShardIsRefusedUntilItsResumeCompletesItsShareOnly) {
  const fs::path dir = fresh_dir("shards-resume"), one = fresh_dir("shards-resume-one");
  ASSERT_EQ(parley_cli_in(one, kShardSweep + " --db x.db").code, 0);
  for (std::uint64_t k = 0; k < 3; ++k) ASSERT_EQ(run_shard(dir, k, 3, "s" + std::to_string(k) + ".db").code, 0);
  drop_draws(dir / "s1.db");
  const Result refused = parley_cli_in(dir, "merge s0.db s1.db s2.db --into x.db");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.out,
                       "s1.db run 1 (shard 1 of 3) is incomplete (interrupted): it lacks draws 2-3 of its share 2-3; expected complete "
                       "shards: complete it with 'parley sweep --resume 1 --db s1.db'"))
      << refused.out;
  EXPECT_FALSE(fs::exists(dir / "x.db"));
  const Result resumed = parley_cli_in(dir, "sweep --resume 1 --db s1.db --no-progress");
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_TRUE(contains(resumed.out, "shard 1 of 3: 2 draws of 7 (2-3)")) << resumed.out;
  EXPECT_TRUE(contains(parley_cli_in(dir, "show 1 --db s1.db").out, "complete (2 of 7 draws stored)"));
  ASSERT_EQ(parley_cli_in(dir, "merge s0.db s1.db s2.db --into x.db").code, 0);
  EXPECT_EQ(exports(dir, "x.db"), exports(one, "x.db"));
}

TEST(ShardCli, MergeRefusesShardsOfDifferentSweepsNamingTheFileAndRun) {
  const fs::path dir = fresh_dir("shards-differ");
  ASSERT_EQ(run_shard(dir, 0, 2, "a.db").code, 0);
  ASSERT_EQ(run_shard(dir, 1, 2, "b.db").code, 0);
  struct Case {
    std::string sweep, what;
  };
  const std::string arms = kExample;
  const std::vector<Case> cases{
      {kUnseededSweep + " --shard 1/2 --seed 12", "seed 12 instead of 11"},
      {kShardSweep + " --shard 1/2 --model bdm", "model bdm instead of compromise"},
      {"sweep " + arms + " --draws 8 --seed 11 --no-progress --shard 1/2", "total draws 8 instead of 7"},
      {kShardSweep + " --shard 1/3", "shard count 3 instead of 2"},
      {kShardSweep + " --shard 1/2 --set ru-president.warhead-cap.salience=0.3", "--set overrides"},
      {kShardSweep + " --shard 1/2 --correlation 0.5", "actor correlation 0.5 instead of 0"},
      {"sweep " + parley::testing::kFlagship + " --draws 7 --seed 11 --no-progress --shard 1/2", "scenario (sha256)"},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const std::string db = "c" + std::to_string(k) + ".db";
    const Result made = parley_cli_in(dir, cases[k].sweep + " --db " + db);
    ASSERT_EQ(made.code, 0) << cases[k].sweep << ": " << made.out;
    const Result r = parley_cli_in(dir, "merge a.db " + db + " --into x.db");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_TRUE(contains(r.out, db + " run 1 (shard 1 of ")) << r.out;
    EXPECT_TRUE(contains(r.out, "is not a shard of the same sweep as a.db run 1 (shard 0 of 2): " + cases[k].what)) << r.out;
    EXPECT_FALSE(fs::exists(dir / "x.db"));
  }
}

TEST(ShardCli, MergeRefusesDuplicatesGapsAndItsOwnInputs) {
  const fs::path dir = fresh_dir("shards-refuse");
  ASSERT_EQ(run_shard(dir, 0, 3, "a.db").code, 0);
  ASSERT_EQ(run_shard(dir, 1, 3, "b.db").code, 0);
  ASSERT_EQ(run_shard(dir, 1, 3, "b2.db").code, 0);
  ASSERT_EQ(run_shard(dir, 2, 3, "c.db").code, 0);
  ASSERT_EQ(parley_cli_in(dir, kShardSweep + " --db plain.db").code, 0);
  ASSERT_EQ(parley_cli_in(dir, kShardSweep + " --db all.db").code, 0);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"merge a.db b.db b2.db c.db --into x.db", "b2.db run 1 (shard 1 of 3) and b.db run 1 (shard 1 of 3) are the same shard"},
      {"merge a.db c.db --into x.db", "1 of 3 shards are missing: shard 1 (draws 2-3)"},
      {"merge a.db b.db c.db --into b.db", "field '--into': 'b.db' is the same file as a shard database"},
      {"merge a.db b.db ./a.db c.db --into x.db", "./a.db: error: field 'DB': is named twice (also as a.db)"},
      {"merge a.db b.db c.db plain.db --into x.db", "plain.db: error: field 'DB': holds no shard run"},
      {"merge a.db b.db c.db missing.db --into x.db", "missing.db: error: field 'DB': no such database"},
      {"merge a.db b.db c.db --into all.db b.db", "b.db: error: field 'DB': is named twice (also as b.db)"},
  };
  for (const auto& [command, message] : cases) {
    expect_refused_in(dir, command, message);
    EXPECT_FALSE(fs::exists(dir / "x.db")) << command;
  }
  // all.db holds the run of one process; a refused merge leaves it as it was, one that succeeds adds run 2.
  EXPECT_TRUE(contains(parley_cli_in(dir, "runs --db all.db").out, "   1  "));
  EXPECT_FALSE(contains(parley_cli_in(dir, "runs --db all.db").out, "   2  "));
  const Result merged = parley_cli_in(dir, "merge a.db b.db c.db --into all.db");
  ASSERT_EQ(merged.code, 0) << merged.out;
  EXPECT_TRUE(contains(merged.out, "into run 2 of all.db")) << merged.out;
  const Result one = parley_cli_in(dir, "export 1 -f csv --table summary --db all.db");
  EXPECT_EQ(parley_cli_in(dir, "export 2 -f csv --table summary --db all.db").out, one.out);
}

}  // namespace
