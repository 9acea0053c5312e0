// parley sensitivity --db, --shard K/N and --resume (docs/distributed.md): the indices printed from
// stored model runs, whole, resumed or merged from shards, are the bytes of the one-process run.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::expect_refused_in;
using parley::testing::fresh_dir;
using parley::testing::kExample;
using parley::testing::parley_cli_in;
using parley::testing::Result;
using parley::testing::temp;

const std::string kStudyOf = "sensitivity " + kExample + " --seed 3";
const std::string kStudy = kStudyOf + " --samples 8";

/// The indices in all three formats, from `command` run in `dir`.
std::string indices(const fs::path& dir, const std::string& command) {
  std::string text;
  for (const char* format : {"table", "json", "csv"}) {
    const Result r = parley_cli_in(dir, command + " -f " + format);
    EXPECT_EQ(r.code, 0) << command << ": " << r.out;
    text += r.out;
  }
  return text;
}

/// Deletes some stored rows of run 1 of `db`, as an interrupted evaluation leaves it.
void drop_rows(const fs::path& db) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DELETE FROM draw_batches WHERE run_id = 1 AND first_draw = (SELECT max(first_draw) FROM draw_batches); "
                         "UPDATE runs SET status = 'interrupted'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

TEST(SensitivityShardCli, StoredRunPrintsTheOneProcessIndicesAndResumesAPartialOne) {
  const fs::path dir = fresh_dir("sensitivity-shards-whole");
  const std::string plain = indices(dir, kStudy);
  EXPECT_FALSE(fs::exists(dir / "parley.db"));  // without --db nothing is stored
  ASSERT_EQ(parley_cli_in(dir, kStudy + " --db s.db").code, 0);
  EXPECT_EQ(indices(dir, "sensitivity --resume 1 --db s.db"), plain);
  drop_rows(dir / "s.db");
  const Result resumed = parley_cli_in(dir, "sensitivity --resume 1 --db s.db -f json");
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_EQ(indices(dir, "sensitivity --resume 1 --db s.db"), plain);
  EXPECT_TRUE(contains(parley_cli_in(dir, "runs --db s.db").out, "complete"));
  const Result show = parley_cli_in(dir, "show 1 --db s.db");
  EXPECT_EQ(show.code, 2);
  EXPECT_TRUE(contains(show.out,
                       "run 1 holds the model runs of a sensitivity analysis; expected a sweep's run; print its indices with: "
                       "parley sensitivity --resume 1 --db s.db"))
      << show.out;
}

TEST(SensitivityShardCli, MergedShardsPrintTheOneProcessIndices) {
  for (const std::string method : {"both", "tornado"}) {
    const fs::path dir = fresh_dir("sensitivity-shards-merge-" + method);
    const std::string study = kStudy + " --method " + method;
    const std::string plain = indices(dir, study);
    for (int k = 0; k < 4; ++k) {
      const Result r = parley_cli_in(dir, study + " --shard " + std::to_string(k) + "/4 --db s" + std::to_string(k) + ".db");
      ASSERT_EQ(r.code, 0) << r.out;
      EXPECT_TRUE(contains(r.out, "shard " + std::to_string(k) + " of 4: ")) << r.out;
    }
    ASSERT_EQ(parley_cli_in(dir, "merge s0.db s1.db s2.db s3.db --into all.db").code, 0);
    EXPECT_EQ(indices(dir, "sensitivity --resume 1 --db all.db"), plain) << method;
  }
}

TEST(SensitivityShardCli, AnIncompleteShardNamesItsResume) {
  const fs::path dir = fresh_dir("sensitivity-shards-incomplete");
  for (int k = 0; k < 2; ++k)
    ASSERT_EQ(parley_cli_in(dir, kStudy + " --shard " + std::to_string(k) + "/2 --db s" + std::to_string(k) + ".db").code, 0);
  drop_rows(dir / "s1.db");
  const Result refused = parley_cli_in(dir, "merge s0.db s1.db --into all.db");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.out, "s1.db run 1 (shard 1 of 2) is incomplete (interrupted)")) << refused.out;
  EXPECT_TRUE(contains(refused.out, "complete it with 'parley sensitivity --resume 1 --db s1.db'")) << refused.out;
  const Result resumed = parley_cli_in(dir, "sensitivity --resume 1 --db s1.db");
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_TRUE(contains(resumed.out, "shard 1 of 2: ")) << resumed.out;
  ASSERT_EQ(parley_cli_in(dir, "merge s0.db s1.db --into all.db").code, 0);
  EXPECT_EQ(indices(dir, "sensitivity --resume 1 --db all.db"), indices(dir, kStudy));
}

TEST(SensitivityShardCli, RefusesWhatCannotBeStoredOrMerged) {
  const fs::path dir = fresh_dir("sensitivity-shards-refuse");
  ASSERT_EQ(parley_cli_in(dir, kStudy + " --shard 0/2 --db a.db").code, 0);
  ASSERT_EQ(parley_cli_in(dir, kStudyOf + " --shard 1/2 --samples 9 --db samples.db").code, 0);
  ASSERT_EQ(parley_cli_in(dir, kStudy + " --shard 1/2 --method sobol --db method.db").code, 0);
  ASSERT_EQ(parley_cli_in(dir, "sweep " + kExample + " --draws 5 --seed 3 --no-progress --shard 1/2 --db sweep.db").code, 0);
  const std::vector<std::pair<std::string, std::string>> cases{
      {kStudy + " --shard 0/2", "field '--db': missing; expected the results database that --shard and --resume use"},
      {kStudy + " --shard 2/2 --db x.db", "field '--shard': got shard 2 of 2"},
      {"sensitivity " + kExample + " --resume 1 --db a.db", "field 'FILE': not used with --resume"},
      {"sensitivity --resume 1 --shard 0/2 --db a.db", "field '--shard': not used with --resume"},
      {"sensitivity --resume 1 --db sweep.db", "field '--resume': run 1 is a sweep; expected a run of parley sensitivity --db"},
      {"merge a.db samples.db --into x.db",
       "samples.db run 1 (shard 1 of 2) is not a shard of the same sensitivity as a.db run 1 (shard 0 of 2)"},
      {"merge a.db method.db --into x.db", "design (--samples, --method) {\"samples\":8,\"method\":\"sobol\"} instead of"},
      {"merge a.db sweep.db --into x.db", "kind sweep instead of sensitivity"},
      {"show 1 --db a.db", "run 1 holds the model runs of a sensitivity analysis"},
      {"export 1 --db a.db -f csv --table summary", "run 1 holds the model runs of a sensitivity analysis"},
      {"export 1 --db a.db -f json --table all", "run 1 holds the model runs of a sensitivity analysis"},
      {"sweep --resume 1 --db a.db", "run 1 holds the model runs of a sensitivity analysis"},
  };
  for (const auto& [command, message] : cases) expect_refused_in(dir, command, message);
  EXPECT_FALSE(fs::exists(dir / "x.db"));
  EXPECT_TRUE(contains(parley_cli_in(dir, "runs --db a.db").out, "[sensitivity analysis: model runs, not draws]"));
  EXPECT_EQ(parley_cli_in(dir, "export 1 --db a.db -f csv").code, 0);  // its model runs, row by row
}

}  // namespace
