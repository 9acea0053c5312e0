// The results database: every sweep, its inputs and every draw, in SQLite (docs/results-db.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/model.hpp"
#include "parley/sweep.hpp"

struct sqlite3;

namespace parley {

namespace store {
class RunLock;
}

/// Shard `index` of `count` (0 <= index < count, 1 <= count <= kMaxShards): the contiguous draws
/// [floor(index * draws / count), floor((index + 1) * draws / count)) of a run (docs/distributed.md).
struct Shard {
  std::uint64_t index = 0, count = 1;
  static constexpr std::uint64_t kMaxShards = 1'000'000;
  bool operator==(const Shard&) const = default;
};

/// The draws of shard `shard` of a run of `draws` draws (empty when count > draws and the shard
/// gets none). std::invalid_argument when the shard is not 0 <= index < count <= kMaxShards.
DrawRange shard_draws(std::uint64_t draws, const Shard& shard);

/// What a sweep was asked to do, and how far it got.
struct RunRecord {
  std::int64_t id = 0;
  std::string created;  // UTC, ISO 8601
  std::string parley_version;
  std::string scenario_file;    // as given on the command line
  std::string scenario_text;    // the file's bytes
  std::string scenario_sha256;  // of scenario_text, hex
  std::string input_format = "auto";
  std::string capability = "equal";
  std::string model;
  ModelOptions options;
  std::vector<std::string> overrides;  // --set assignments, in order
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;  // draws asked for
  double actor_correlation = 0;
  unsigned threads = 0;
  std::string status = "running";  // running, complete or interrupted
  double elapsed_seconds = 0;      // summed over the sweep and its resumptions
  std::uint64_t stored = 0;        // draws in the database (read only)
  std::string kind = "sweep";      // sweep or sensitivity (schema 3)
  std::string design;              // a sensitivity run's design (JSON: samples, method); empty for a sweep
  std::optional<Shard> shard;      // set for a run that computes one shard of the draws (schema 3)
  std::vector<std::string> input_names, issue_ids, class_names;
};

/// One stored draw, as handed to ResultsDb::load's callback.
struct StoredDraw {
  std::uint64_t draw = 0;
  const double* inputs = nullptr;
  const double* outcomes = nullptr;
  const unsigned char* classes = nullptr;
};

class ResultsDb {
 public:
  /// The current schema version; older databases are migrated on open.
  static constexpr int kSchemaVersion = 3;
  /// How long a statement waits for another connection's lock (a reader's transaction, another
  /// sweep's batch) before it gives up with OutputError.
  static constexpr int kBusyTimeoutMs = 60'000;

  /// Opens or creates the database and migrates it. Throws InputError when it is not a parley
  /// results database or was written by a newer parley.
  ///
  /// Every member throws InputError (naming the file and "--db") when the file turns out to be
  /// damaged (SQLite reports corruption, a table is missing, a stored blob has the wrong size) and
  /// OutputError when it cannot take or give the data (disk full, read-only, locked, I/O error).
  explicit ResultsDb(const std::string& path, int migrate_to = kSchemaVersion);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  int schema_version() const;
  const std::string& path() const { return path_; }

  /// Stores a new run (status "running") with the setup's inputs, issues and classes, claimed by
  /// this connection (see claim); returns its id.
  std::int64_t create_run(RunRecord run, const SweepSetup& setup);
  /// Makes this connection the one writer of `run` until it is destroyed (docs/results-db.md, "One
  /// writer per run"): a lock that the system releases when the process ends, kill -9 included.
  /// Throws InputError (field "--db", naming the run and the process holding it) when another
  /// connection, in this process or another, holds it. Claim before reading which draws are stored.
  void claim(std::int64_t run);
  bool claimed(std::int64_t run) const { return claims_.count(run) > 0; }
  /// Stores a chunk of draws in one transaction. The run must be claimed (std::logic_error if not).
  void insert(std::int64_t run, const DrawChunk& chunk);
  /// Sets the run's status, adds the elapsed time. The run must be claimed. A run marked "complete"
  /// must hold exactly its number of draws (a shard's: those of its share): InputError (field
  /// "--db") if not.
  void finish(std::int64_t run, const std::string& status, double elapsed_seconds, unsigned threads);

  std::vector<RunRecord> runs();
  /// Throws InputError (field "RUN") when there is no such run.
  RunRecord run(std::int64_t id);
  std::vector<std::uint64_t> stored_draws(std::int64_t run);
  /// Calls `each` for every stored draw of the run, in draw order (inputs nullptr unless
  /// `with_inputs`). InputError (field "--db") when a batch is damaged: a blob of the wrong size, a
  /// draw number beyond the run's draws or stored twice.
  void load(std::int64_t run, const std::function<void(const StoredDraw&)>& each, bool with_inputs = true);
  /// Stores `merged` as a new run, status "complete", with the inputs, issues and classes of the
  /// first part and every stored batch of every part (a run of another ResultsDb, or of this one),
  /// all in one transaction: on any error nothing of it is left. The caller has checked that the
  /// parts are the shards of one sweep (merge_shards); the draw count is checked again here.
  std::int64_t store_merged_run(const RunRecord& merged, const std::vector<std::pair<ResultsDb*, std::int64_t>>& parts);

 private:
  void migrate(int target);
  void require_claim(std::int64_t run, const char* what) const;
  [[noreturn]] void damaged(std::int64_t run, const std::string& what) const;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::map<std::int64_t, std::unique_ptr<store::RunLock>> claims_;  // null for a database in memory
};

/// SHA-256 of `bytes`, as 64 lowercase hex digits.
std::string sha256_hex(const std::string& bytes);

}  // namespace parley
