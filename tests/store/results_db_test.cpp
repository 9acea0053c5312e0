#include "parley/results_db.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"
#include "store/sqlite.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

fs::path fresh(const std::string& name) {
  const fs::path p = parley::testing::removed_at_exit(fs::temp_directory_path() / ("parley-db-test-" + name));
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p;
}

SweepSetup setup() {
  Scenario s = testing::one_issue({{10}, {90}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);
  s.outcome_classes.push_back({"low", "a label", "i < 50", ""});
  return SweepSetup(s, *find_model("compromise"), {}, {1, 0});
}

TEST(Sha256, MatchesTheFipsExample) { EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); }

TEST(ResultsDb, StoresRunsAndDrawsBitForBit) {
  const fs::path path = fresh("roundtrip.db");
  const SweepSetup su = setup();
  std::int64_t id;
  DrawChunk chunk;
  chunk.draws = {4, 1};
  chunk.inputs = {1.0 / 3, std::nextafter(7.0, 8.0)};
  chunk.outcomes = {std::nan(""), 42.125};
  chunk.classes = {0, 1};
  {
    ResultsDb db(path.string());
    EXPECT_EQ(db.schema_version(), ResultsDb::kSchemaVersion);
    RunRecord r;
    r.parley_version = "9.9";
    r.scenario_file = "x.yaml";
    r.scenario_text = "abc";
    r.model = "compromise";
    r.options = {{"tie", "low"}};
    r.overrides = {"a0.i.position=3"};
    r.seed = ~std::uint64_t{0};  // above INT64_MAX
    r.draws = 10;
    id = db.create_run(r, su);
    db.insert(id, chunk);
    db.finish(id, "interrupted", 1.5, 2);
  }
  ResultsDb db(path.string());
  const RunRecord r = db.run(id);
  EXPECT_EQ(r.seed, ~std::uint64_t{0});
  EXPECT_EQ(r.scenario_sha256, sha256_hex("abc"));
  EXPECT_EQ(r.options.at("tie"), "low");
  EXPECT_EQ(r.overrides.at(0), "a0.i.position=3");
  EXPECT_EQ(r.status, "interrupted");
  EXPECT_EQ(r.stored, 2u);
  EXPECT_EQ(r.threads, 2u);
  EXPECT_EQ(r.input_names, std::vector<std::string>{"a0.i.position"});
  EXPECT_EQ(r.class_names, std::vector<std::string>{"low"});
  EXPECT_EQ(db.stored_draws(id), (std::vector<std::uint64_t>{1, 4}));
  std::vector<std::uint64_t> order;
  db.load(id, [&](const StoredDraw& d) {
    order.push_back(d.draw);
    const std::size_t k = d.draw == 4 ? 0 : 1;
    EXPECT_EQ(std::memcmp(d.inputs, &chunk.inputs[k], sizeof(double)), 0);
    EXPECT_EQ(std::memcmp(d.outcomes, &chunk.outcomes[k], sizeof(double)), 0);
    EXPECT_EQ(d.classes[0], chunk.classes[k]);
  });
  EXPECT_EQ(order, (std::vector<std::uint64_t>{1, 4}));
  db.claim(id);
  EXPECT_THROW(db.insert(id, chunk), std::runtime_error);  // a draw is stored once
  EXPECT_THROW(db.run(id + 1), InputError);
}

TEST(ResultsDb, MigratesAnOlderSchemaKeepingItsRuns) {
  const fs::path path = fresh("migrate.db");
  {
    ResultsDb v1(path.string(), 1);
    EXPECT_EQ(v1.schema_version(), 1);
  }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(raw,
                     "INSERT INTO runs (created, parley_version, scenario_file, scenario_text, scenario_sha256, input_format, "
                     "capability, model, options, overrides, seed, draws, actor_correlation, status) VALUES "
                     "('2026-01-01T00:00:00Z', '0.1.0', 'old.yaml', '', '', 'auto', 'equal', 'median', '{}', '[]', 5, 100, 0, 'complete')",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(raw);
  }
  ResultsDb db(path.string());
  EXPECT_EQ(db.schema_version(), 3);
  const auto runs = db.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].model, "median");
  EXPECT_EQ(runs[0].threads, 0u);
}

TEST(ResultsDb, RefusesFilesItDidNotWrite) {
  const fs::path text = fresh("not-a-db.db");
  std::ofstream(text) << "hello, this is not SQLite at all, just some text to fill the header page";
  EXPECT_THROW(ResultsDb{text.string()}, InputError);
  const fs::path other = fresh("other.db");
  {
    sqlite3* raw = nullptr;
    sqlite3_open(other.c_str(), &raw);
    sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  EXPECT_THROW(ResultsDb{other.string()}, InputError);
  const fs::path newer = fresh("newer.db");
  {
    sqlite3* raw = nullptr;
    sqlite3_open(newer.c_str(), &raw);
    sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  try {
    ResultsDb db(newer.string());
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("newer parley"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ResultsDb{"/nonexistent-dir/x.db"}, InputError);
}

TEST(ResultsDb, ADamagedFileIsInputErrorNamingIt) {
  const fs::path path = fresh("damaged.db");
  {
    ResultsDb db(path.string());
    RunRecord r;
    r.draws = 1;
    db.create_run(r, setup());
  }
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(16384);  // the header of the second page: a malformed b-tree
    f.write("\x0d\xff\xff\xff\xff\xff\xff\xff", 8);
  }
  try {
    ResultsDb db(path.string());
    db.runs();
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path.string());
    EXPECT_EQ(e.field(), "--db");
    EXPECT_NE(e.problem().find("malformed"), std::string::npos) << e.what();
  }
}

TEST(ResultsDb, ALockedFileIsOutputErrorAndABugIsNeither) {
  const fs::path path = fresh("locked.db");
  sqlite3 *holder = nullptr, *writer = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_open(path.c_str(), &writer), SQLITE_OK);
  EXPECT_THROW(store::exec(writer, "INSERT INTO t VALUES (2)"), OutputError);  // SQLITE_BUSY: the data was not stored
  sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  store::exec(writer, "CREATE TABLE u (x PRIMARY KEY); INSERT INTO u VALUES (1)");
  try {
    store::exec(writer, "INSERT INTO u VALUES (1)");  // SQLITE_CONSTRAINT: parley's own mistake
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    ADD_FAILURE() << "a user-facing error for a bug: " << e.what();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("UNIQUE constraint failed"), std::string::npos) << e.what();
  }
  sqlite3_close(writer);
  sqlite3_close(holder);
}

}  // namespace
}  // namespace parley
