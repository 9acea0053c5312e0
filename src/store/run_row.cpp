#include "store/run_row.hpp"

#include <bit>
#include <ctime>
#include <nlohmann/json.hpp>

#include "store/sqlite.hpp"

namespace parley::store {

namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::int64_t insert_run_row(sqlite3* db, const RunRecord& r, const std::string& status, double elapsed_seconds) {
  Statement insert(db,
                   "INSERT INTO runs (created, parley_version, scenario_file, scenario_text, scenario_sha256, input_format, capability, "
                   "model, options, overrides, seed, draws, actor_correlation, status, threads, elapsed_seconds, kind, design, "
                   "shard_index, shard_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, r.created.empty() ? utc_now() : r.created)
      .bind(2, r.parley_version)
      .bind(3, r.scenario_file)
      .bind(4, r.scenario_text)
      .bind(5, sha256_hex(r.scenario_text))
      .bind(6, r.input_format)
      .bind(7, r.capability)
      .bind(8, r.model)
      .bind(9, nlohmann::json(r.options).dump())
      .bind(10, nlohmann::json(r.overrides).dump())
      .bind(11, std::bit_cast<std::int64_t>(r.seed))
      .bind(12, static_cast<std::int64_t>(r.draws))
      .bind(13, r.actor_correlation)
      .bind(14, status)
      .bind(15, static_cast<std::int64_t>(r.threads))
      .bind(16, elapsed_seconds)
      .bind(17, r.kind)
      .bind(18, r.design);
  if (r.shard) {
    shard_draws(r.draws, *r.shard);  // std::invalid_argument unless a valid shard
    insert.bind(19, static_cast<std::int64_t>(r.shard->index)).bind(20, static_cast<std::int64_t>(r.shard->count));
  }
  insert.run();
  return sqlite3_last_insert_rowid(db);
}

}  // namespace parley::store
