// Shards in the results database (docs/distributed.md): which draws a shard holds, its record,
// when it is complete, and a merged run stored all at once or not at all.
#include <gtest/gtest.h>

#include <filesystem>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"
#include "parley/results_db.hpp"
#include "parley/stored_sweep.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

fs::path fresh_shard_db(const std::string& name) {
  const fs::path p =
      parley::testing::removed_at_exit(fs::temp_directory_path() / ("parley-shard-test-" + std::to_string(::getpid()) + "-" + name));
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
  return p;
}

SweepSetup shard_setup() {
  Scenario s = testing::one_issue({{10}, {90}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);
  s.outcome_classes.push_back({"low", "a label", "i < 50", ""});
  return SweepSetup(s, *find_model("compromise"), {}, {1, 0});
}

RunRecord shard_record(std::uint64_t draws, std::optional<Shard> shard) {
  RunRecord r;
  r.parley_version = "9.9";
  r.scenario_file = "x.yaml";
  r.scenario_text = "abc";
  r.model = "compromise";
  r.draws = draws;
  r.shard = shard;
  return r;
}

TEST(ShardDraws, PartitionTheDrawsInOrderWithSharesThatDifferByAtMostOne) {
  for (std::uint64_t draws = 0; draws < 40; ++draws)
    for (std::uint64_t count = 1; count < 12; ++count) {
      std::uint64_t next = 0, smallest = draws, largest = 0;
      for (std::uint64_t k = 0; k < count; ++k) {
        const DrawRange r = shard_draws(draws, {k, count});
        ASSERT_EQ(r.first, next) << draws << " " << k << "/" << count;
        ASSERT_EQ(r.first, k * draws / count);
        next = r.last;
        smallest = std::min(smallest, r.size());
        largest = std::max(largest, r.size());
      }
      EXPECT_EQ(next, draws);
      EXPECT_LE(largest - smallest, 1u);
    }
  // No overflow at the limits: a billion draws over a million shards.
  EXPECT_EQ(shard_draws(1'000'000'000, {999'999, 1'000'000}).first, 999'999'000u);
  EXPECT_EQ(shard_draws(1'000'000'000, {999'999, 1'000'000}).last, 1'000'000'000u);
}

TEST(ShardDraws, RefusesWhatIsNotAShard) {
  EXPECT_THROW(shard_draws(10, {3, 3}), std::invalid_argument);
  EXPECT_THROW(shard_draws(10, {0, 0}), std::invalid_argument);
  EXPECT_THROW(shard_draws(10, {0, Shard::kMaxShards + 1}), std::invalid_argument);
}

TEST(ShardRun, StoresItsShardAndIsCompleteWithItsShare) {
  const fs::path path = fresh_shard_db("share.db");
  const SweepSetup su = shard_setup();
  ResultsDb db(path.string());
  const std::int64_t id = db.create_run(shard_record(10, Shard{1, 3}), su);
  EXPECT_EQ(db.run(id).shard, (Shard{1, 3}));
  EXPECT_EQ(db.run(id).kind, "sweep");
  const std::vector<DrawRange> todo = missing_draws(db, id, 10);
  ASSERT_EQ(todo.size(), 1u);
  EXPECT_EQ(todo[0].first, 3u);
  EXPECT_EQ(todo[0].last, 6u);
  SweepControl control;
  EXPECT_EQ(evaluate_and_store(db, id, su, todo, 10, control), 10u);  // the shard's 3 and the 7 it leaves to others
  EXPECT_EQ(db.run(id).status, "complete");
  EXPECT_EQ(db.run(id).stored, 3u);
  EXPECT_TRUE(missing_draws(db, id, 10).empty());
  // A plain run of the same draws is not complete with three.
  const std::int64_t plain = db.create_run(shard_record(10, std::nullopt), su);
  EXPECT_FALSE(db.run(plain).shard.has_value());
  evaluate_draws(su, std::vector<DrawRange>{{3, 6}}, control, [&](const DrawChunk& c) { db.insert(plain, c); });
  EXPECT_THROW(db.finish(plain, "complete", 0, 1), InputError);
}

TEST(ShardRun, AMergedRunIsStoredWholeOrNotAtAll) {
  const fs::path path = fresh_shard_db("merge-store.db");
  const SweepSetup su = shard_setup();
  ResultsDb db(path.string());
  SweepControl control;
  std::vector<std::pair<ResultsDb*, std::int64_t>> parts;
  for (std::uint64_t k = 0; k < 2; ++k) {
    const std::int64_t id = db.create_run(shard_record(9, Shard{k, 2}), su);
    evaluate_and_store(db, id, su, missing_draws(db, id, 9), 9, control);
    parts.emplace_back(&db, id);
  }
  RunRecord merged = shard_record(9, std::nullopt);
  const std::int64_t id = db.store_merged_run(merged, parts);
  EXPECT_EQ(db.run(id).status, "complete");
  EXPECT_EQ(db.run(id).stored, 9u);
  EXPECT_EQ(db.stored_draws(id), (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
  // One part short: refused, and no run is left behind.
  const std::size_t runs = db.runs().size();
  EXPECT_THROW(db.store_merged_run(merged, {parts[0]}), InputError);
  EXPECT_EQ(db.runs().size(), runs);
}

}  // namespace
}  // namespace parley
