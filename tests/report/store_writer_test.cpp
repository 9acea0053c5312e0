// write_run_list, write_stored_run and write_export: what `parley runs`, `show` and `export` print
// for a database holding the three sweeps of generate.sh (golden files).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "parley/parley.hpp"
#include "parley/results_db.hpp"
#include "parley/stored_run.hpp"
#include "report/golden_support.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_golden;
using testing::written;

const char* const kDb = "OUT/s.db";  // the database as generate.sh names it

/// Stores a complete sweep of `file` as `parley sweep FILE --threads 2` does, created at the time
/// generate.sh masks every creation time with, in no time.
void store_sweep(ResultsDb& db, const std::string& file, const std::string& model, std::uint64_t draws, std::uint64_t seed,
                 double correlation, const std::vector<std::string>& overrides) {
  const std::string content = testing::read_text(testing::source_path(file));
  Scenario scenario = read_scenario_text(content, file);
  apply_overrides(scenario, overrides);
  const SweepSetup setup(std::move(scenario), *find_model(model), {}, {seed, correlation});
  RunRecord r;
  r.created = "2000-01-01T00:00:00Z";
  r.parley_version = kVersion;
  r.scenario_file = file;
  r.scenario_text = content;
  r.model = model;
  r.options = setup.options();
  r.overrides = overrides;
  r.seed = seed;
  r.draws = draws;
  r.actor_correlation = correlation;
  r.threads = 2;
  const std::int64_t id = db.create_run(r, setup);
  std::vector<std::uint64_t> todo(draws);
  for (std::uint64_t d = 0; d < draws; ++d) todo[d] = d;
  SweepControl control;
  control.threads = 2;
  evaluate_draws(setup, todo, control, [&](const DrawChunk& chunk) { db.insert(id, chunk); });
  db.finish(id, "complete", 0, 2);
}

/// A database holding generate.sh's three sweeps, made once per process (ctest runs each test in its
/// own process, two at a time: hence a file per process) and removed at exit.
const std::string& database() {
  static const struct Database {
    std::string path =
        (parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / fmt::format("parley-store-writer-{}.db", ::getpid())))
            .string();
    Database() {
      std::filesystem::remove(path);
      ResultsDb db(path);
      store_sweep(db, "scenarios/us-russia.yaml", "compromise", 300, 1, 0, {});
      store_sweep(db, "scenarios/us-russia.yaml", "bdm", 60, 1, 0, {});
      store_sweep(db, "scenarios/examples/arms-control.yaml", "median", 50, 7, 0.5, {"us-president.warhead-cap.position=45"});
    }
    ~Database() { std::filesystem::remove(path); }
  } db;
  return db.path;
}

StoredRun load(std::int64_t id, bool with_inputs = true) {
  ResultsDb db(database());
  return load_stored_run(db, id, with_inputs);
}

TEST(StoreWriter, ListsTheRunsAsParleyRuns) {
  ResultsDb db(database());
  expect_golden("runs.txt", written([&](std::ostream& out) { write_run_list(out, db.runs(), kDb); }));
  EXPECT_EQ(written([](std::ostream& out) { write_run_list(out, {}, "empty.db"); }), "empty.db: no runs\n");
}

TEST(StoreWriter, ShowsAStoredRunAsParleyShow) {
  const StoredRun one = load(1, false), two = load(2, false), three = load(3, false);
  expect_golden("show-1-table.txt", written([&](std::ostream& out) { write_stored_run(out, one, kDb, OutputFormat::table); }));
  expect_golden("show-3-table.txt", written([&](std::ostream& out) { write_stored_run(out, three, kDb, OutputFormat::table); }));
  expect_golden("show-2-json.txt", written([&](std::ostream& out) { write_stored_run(out, two, kDb, OutputFormat::json); }));
  expect_golden("show-1-csv.txt", written([&](std::ostream& out) { write_stored_run(out, one, kDb, OutputFormat::csv); }));
}

TEST(StoreWriter, ExportsTheTablesAsParleyExport) {
  const StoredRun three = load(3);
  for (const char* table : {"outcomes", "inputs", "classes", "summary"})
    expect_golden(fmt::format("export-3-{}-csv.txt", table),
                  written([&](std::ostream& out) { write_export(out, three, *export_table_from_string(table), OutputFormat::csv, kDb); }));
  expect_golden("export-3-all-json.txt",
                written([&](std::ostream& out) { write_export(out, three, ExportTable::all, OutputFormat::json, kDb); }));
  expect_golden("export-1-summary-json.txt",
                written([&](std::ostream& out) { write_export(out, load(1, false), ExportTable::summary, OutputFormat::json, kDb); }));
}

TEST(StoreWriter, RefusesWhatExportCannotWrite) {
  const StoredRun three = load(3, false);
  std::ostringstream out;
  try {
    write_export(out, three, ExportTable::all, OutputFormat::csv, kDb);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--table");
  }
  try {
    write_export(out, three, ExportTable::outcomes, OutputFormat::table, kDb);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--format");
    EXPECT_EQ(e.expected(), "csv or json");
  }
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(export_table_from_string("everything"), std::nullopt);
}

TEST(StoreWriter, LoadsTheDrawsInOrderWithTheScenarioAsStored) {
  const StoredRun three = load(3);
  EXPECT_EQ(three.draws.size(), 50u);
  EXPECT_TRUE(std::is_sorted(three.draws.begin(), three.draws.end()));
  EXPECT_EQ(three.inputs.size(), 50 * three.run.input_names.size());
  EXPECT_EQ(three.outcomes.size(), 50 * three.run.issue_ids.size());
  EXPECT_EQ(three.scenario.stance(three.scenario.find_issue("warhead-cap").value(), three.scenario.find_actor("us-president").value())
                .position->value.point_value(),
            45);  // the --set override applied again
  EXPECT_TRUE(load(3, false).inputs.empty());
}

}  // namespace
}  // namespace parley
