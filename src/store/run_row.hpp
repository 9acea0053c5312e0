// The row of the `runs` table (docs/results-db.md): what a new sweep and a merged run both insert.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "parley/results_db.hpp"

namespace parley::store {

/// Inserts `run` into `runs` with this status and elapsed time (its id, stored draws and the
/// sha256, which is computed from scenario_text, are not read; created is now when empty; the
/// shard columns are set when run.shard is) and returns its id. The caller holds the transaction.
std::int64_t insert_run_row(sqlite3* db, const RunRecord& run, const std::string& status, double elapsed_seconds);

}  // namespace parley::store
