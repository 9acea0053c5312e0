#include "parley/results_db.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <queue>
#include <stdexcept>
#include <type_traits>

#include "parley/error.hpp"
#include "store/run_lock.hpp"
#include "store/run_row.hpp"
#include "store/sqlite.hpp"

namespace parley {

static_assert(std::endian::native == std::endian::little, "draw blobs are little-endian IEEE 754 (docs/results-db.md)");

namespace {

using store::Statement;

/// Each migration takes the schema from version k to k + 1 (docs/results-db.md).
const char* const kMigrations[] = {
    // 0 -> 1: runs, their inputs, issues and classes, and the draws.
    R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created TEXT NOT NULL,
  parley_version TEXT NOT NULL,
  scenario_file TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  scenario_sha256 TEXT NOT NULL,
  input_format TEXT NOT NULL,
  capability TEXT NOT NULL,
  model TEXT NOT NULL,
  options TEXT NOT NULL,
  overrides TEXT NOT NULL,
  seed INTEGER NOT NULL,
  draws INTEGER NOT NULL CHECK (draws >= 0),
  actor_correlation REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted')));
CREATE TABLE run_inputs (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  field TEXT NOT NULL,
  actor TEXT,
  issue TEXT,
  distribution TEXT NOT NULL,
  PRIMARY KEY (run_id, idx));
CREATE TABLE run_issues (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  issue TEXT NOT NULL,
  PRIMARY KEY (run_id, idx));
CREATE TABLE run_classes (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  expression TEXT NOT NULL,
  PRIMARY KEY (run_id, idx));
CREATE TABLE draw_batches (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  first_draw INTEGER NOT NULL,
  draw_count INTEGER NOT NULL CHECK (draw_count > 0),
  draws BLOB NOT NULL,
  inputs BLOB NOT NULL,
  outcomes BLOB NOT NULL,
  classes BLOB NOT NULL,
  PRIMARY KEY (run_id, first_draw));
)sql",
    // 1 -> 2: how long a sweep took and on how many threads.
    R"sql(
ALTER TABLE runs ADD COLUMN threads INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN elapsed_seconds REAL NOT NULL DEFAULT 0;
)sql",
    // 2 -> 3: shards (docs/distributed.md) and runs of other kinds than sweeps.
    R"sql(
ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'sweep';
ALTER TABLE runs ADD COLUMN design TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN shard_index INTEGER;
ALTER TABLE runs ADD COLUMN shard_count INTEGER;
)sql",
};
static_assert(std::size(kMigrations) == ResultsDb::kSchemaVersion);

std::uint64_t as_unsigned(std::int64_t x) { return std::bit_cast<std::uint64_t>(x); }

std::vector<std::string> column_list(sqlite3* db, const char* sql, std::int64_t run) {
  Statement q(db, sql);
  q.bind(1, run);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

/// How many draws a run must hold to be complete: its draws, or its shard's share of them.
std::uint64_t expected_draws(std::uint64_t draws, const std::optional<Shard>& shard) {
  return shard ? shard_draws(draws, *shard).size() : draws;
}

}  // namespace

DrawRange shard_draws(std::uint64_t draws, const Shard& shard) {
  if (shard.count < 1 || shard.count > Shard::kMaxShards || shard.index >= shard.count)
    throw std::invalid_argument("shard " + std::to_string(shard.index) + " of " + std::to_string(shard.count));
  // floor(k * draws / count) without overflow: k * (draws % count) < count² <= 10^12.
  const auto boundary = [&](std::uint64_t k) { return k * (draws / shard.count) + k * (draws % shard.count) / shard.count; };
  return {boundary(shard.index), boundary(shard.index + 1)};
}

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) throw std::runtime_error("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned k = 0; k < length; ++k) {
    out += hex[digest[k] >> 4];
    out += hex[digest[k] & 15];
  }
  return out;
}

ResultsDb::ResultsDb(const std::string& path, int migrate_to) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError({path, 0, 0}, "--db", "cannot open: " + message, "a writable SQLite file");
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    // A file that is not SQLite fails on its first read.
    if (sqlite3_exec(db_, "PRAGMA page_size = 16384; PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
      throw InputError({path, 0, 0}, "--db", std::string("not a results database: ") + sqlite3_errmsg(db_),
                       "a parley results database (SQLite)");
    migrate(migrate_to);
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

ResultsDb::~ResultsDb() {
  sqlite3_close(db_);
  claims_.clear();  // the locks go after the connection: nothing of the run is written after its writer has let go
}

int ResultsDb::schema_version() const {
  Statement q(db_, "PRAGMA user_version");
  return q.step() ? static_cast<int>(q.integer(0)) : 0;
}

void ResultsDb::migrate(int target) {
  auto check = [this](int version) {
    if (version > kSchemaVersion)
      throw InputError({path_, 0, 0}, "--db", "schema version " + std::to_string(version) + " was written by a newer parley",
                       "schema version " + std::to_string(kSchemaVersion) + " or older");
  };
  check(schema_version());
  if (schema_version() >= target) return;  // readers of a current database never wait for the write lock
  // Read the version again under the write lock: two sweeps that open one new file at once must not
  // both create its tables.
  store::Transaction t(db_);
  int version = schema_version();
  check(version);
  if (version == 0) {
    // A new file, or some other SQLite database: refuse the latter.
    Statement tables(db_, "SELECT count(*) FROM sqlite_schema");
    if (tables.step() && tables.integer(0) > 0)
      throw InputError({path_, 0, 0}, "--db", "an SQLite database with other tables", "a parley results database, or a new file");
  }
  for (; version < target; ++version) {
    store::exec(db_, kMigrations[version]);
    store::exec(db_, "PRAGMA user_version = " + std::to_string(version + 1));
  }
  t.commit();
}

void ResultsDb::damaged(std::int64_t run, const std::string& what) const {
  throw InputError({path_, 0, 0}, "--db", "run " + std::to_string(run) + ": " + what, "an intact parley results database");
}

void ResultsDb::claim(std::int64_t run) {
  if (claimed(run)) return;
  const bool in_memory = path_.empty() || path_ == ":memory:";
  claims_.emplace(run, in_memory ? nullptr : std::make_unique<store::RunLock>(path_, run));
}

void ResultsDb::require_claim(std::int64_t run, const char* what) const {
  if (!claimed(run)) throw std::logic_error(std::string(what) + " run " + std::to_string(run) + " without claiming it (ResultsDb::claim)");
}

std::int64_t ResultsDb::create_run(RunRecord r, const SweepSetup& setup) {
  store::Transaction t(db_);
  const std::int64_t id = store::insert_run_row(db_, r, "running", 0);
  claim(id);  // before the run is visible to anyone who might resume it
  const Scenario& s = setup.scenario();
  Statement input(db_, "INSERT INTO run_inputs VALUES (?, ?, ?, ?, ?, ?, ?)");
  const auto& inputs = setup.sampler().inputs();
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const UncertainInput& in = inputs[k];
    input.bind(1, id).bind(2, static_cast<std::int64_t>(k)).bind(3, in.name).bind(4, std::string(to_string(in.field)));
    if (in.actor != UncertainInput::none) input.bind(5, s.actor(in.actor).id);
    if (in.issue != UncertainInput::none) input.bind(6, s.issue(in.issue).id);
    input.bind(7, in.distribution.to_string());
    input.run();
  }
  Statement issue(db_, "INSERT INTO run_issues VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < s.issues().size(); ++i) issue.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, s.issue(i).id).run();
  Statement cls(db_, "INSERT INTO run_classes VALUES (?, ?, ?, ?, ?)");
  for (std::size_t c = 0; c < s.outcome_classes.size(); ++c) {
    const OutcomeClass& oc = s.outcome_classes[c];
    cls.bind(1, id).bind(2, static_cast<std::int64_t>(c)).bind(3, oc.name).bind(4, oc.label).bind(5, oc.expression).run();
  }
  t.commit();
  return id;
}

void ResultsDb::insert(std::int64_t run, const DrawChunk& chunk) {
  require_claim(run, "insert into");
  if (chunk.size() == 0) return;
  // One row per chunk: a row per draw would cost more than the model for cheap models.
  Statement insert(
      db_, "INSERT INTO draw_batches (run_id, first_draw, draw_count, draws, inputs, outcomes, classes) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, run).bind(2, static_cast<std::int64_t>(chunk.draws.front())).bind(3, static_cast<std::int64_t>(chunk.size()));
  insert.bind_blob(4, chunk.draws.data(), chunk.draws.size() * sizeof(std::uint64_t));
  insert.bind_blob(5, chunk.inputs.data(), chunk.inputs.size() * sizeof(double));
  insert.bind_blob(6, chunk.outcomes.data(), chunk.outcomes.size() * sizeof(double));
  insert.bind_blob(7, chunk.classes.data(), chunk.classes.size());
  insert.run();
}

void ResultsDb::finish(std::int64_t run, const std::string& status, double elapsed_seconds, unsigned threads) {
  require_claim(run, "finish");
  store::Transaction t(db_);
  if (status == "complete") {
    // The last line of defence against a draw stored twice (by a parley without run claims, say):
    // every draw below the run's count is stored, so the count says whether one is there twice.
    // A shard's share is its whole.
    Statement count(
        db_,
        "SELECT draws, (SELECT coalesce(sum(draw_count), 0) FROM draw_batches WHERE run_id = runs.id), shard_index, shard_count "
        "FROM runs WHERE id = ?");
    count.bind(1, run);
    if (count.step()) {
      std::optional<Shard> shard;
      if (!count.is_null(2)) shard = Shard{static_cast<std::uint64_t>(count.integer(2)), static_cast<std::uint64_t>(count.integer(3))};
      const std::uint64_t expected = expected_draws(static_cast<std::uint64_t>(count.integer(0)), shard);
      if (static_cast<std::uint64_t>(count.integer(1)) != expected)
        damaged(run, std::to_string(count.integer(1)) + " draws stored for a run of " + std::to_string(expected) +
                         (shard ? " (its shard's share)" : "") + " (written by more than one process at once?)");
    }
  }
  Statement q(db_, "UPDATE runs SET status = ?, elapsed_seconds = elapsed_seconds + ?, threads = ? WHERE id = ?");
  q.bind(1, status).bind(2, elapsed_seconds).bind(3, static_cast<std::int64_t>(threads)).bind(4, run).run();
  t.commit();
}

std::vector<RunRecord> ResultsDb::runs() {
  std::vector<RunRecord> out;
  std::vector<std::int64_t> ids;
  Statement q(db_, "SELECT id FROM runs ORDER BY id");
  while (q.step()) ids.push_back(q.integer(0));
  for (std::int64_t id : ids) out.push_back(run(id));
  return out;
}

RunRecord ResultsDb::run(std::int64_t id) {
  Statement q(db_,
              "SELECT created, parley_version, scenario_file, scenario_text, scenario_sha256, input_format, capability, model, options, "
              "overrides, seed, draws, actor_correlation, status, threads, elapsed_seconds, "
              "(SELECT coalesce(sum(draw_count), 0) FROM draw_batches WHERE run_id = runs.id), "
              "(SELECT coalesce(sum(length(draws)), 0) FROM draw_batches WHERE run_id = runs.id), "
              "typeof(seed) = 'integer' AND typeof(draws) = 'integer' AND draws >= 0, kind, design, shard_index, shard_count "
              "FROM runs WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) throw InputError({path_, 0, 0}, "RUN", "no run " + std::to_string(id), "the id of a stored run (see 'parley runs')");
  RunRecord r;
  r.id = id;
  r.created = q.text(0);
  r.parley_version = q.text(1);
  r.scenario_file = q.text(2);
  r.scenario_text = q.text(3);
  r.scenario_sha256 = q.text(4);
  r.input_format = q.text(5);
  r.capability = q.text(6);
  r.model = q.text(7);
  try {
    r.options = nlohmann::json::parse(q.text(8)).get<ModelOptions>();
    r.overrides = nlohmann::json::parse(q.text(9)).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    damaged(id, std::string("unreadable options or overrides: ") + e.what());
  }
  if (q.integer(18) == 0) damaged(id, "its seed or number of draws is not a non-negative integer");
  if (q.integer(17) != q.integer(16) * static_cast<std::int64_t>(sizeof(std::uint64_t)))
    damaged(id, "a batch of draws is truncated or damaged: its draw count disagrees with its draw numbers");
  r.seed = as_unsigned(q.integer(10));
  r.draws = static_cast<std::uint64_t>(q.integer(11));
  r.actor_correlation = q.real(12);
  r.status = q.text(13);
  r.threads = static_cast<unsigned>(q.integer(14));
  r.elapsed_seconds = q.real(15);
  r.stored = static_cast<std::uint64_t>(q.integer(16));
  r.kind = q.text(19);
  r.design = q.text(20);
  if (!q.is_null(21)) {
    const std::int64_t index = q.integer(21), count = q.integer(22);
    if (index < 0 || count < 1 || index >= count || static_cast<std::uint64_t>(count) > Shard::kMaxShards)
      damaged(id, "its shard " + std::to_string(index) + " of " + std::to_string(count) + " is not a shard");
    r.shard = Shard{static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(count)};
  }
  r.input_names = column_list(db_, "SELECT name FROM run_inputs WHERE run_id = ? ORDER BY idx", id);
  r.issue_ids = column_list(db_, "SELECT issue FROM run_issues WHERE run_id = ? ORDER BY idx", id);
  r.class_names = column_list(db_, "SELECT name FROM run_classes WHERE run_id = ? ORDER BY idx", id);
  return r;
}

std::vector<std::uint64_t> ResultsDb::stored_draws(std::int64_t run) {
  std::vector<std::uint64_t> out;
  Statement q(db_, "SELECT draws FROM draw_batches WHERE run_id = ?");
  q.bind(1, run);
  while (q.step()) {
    const std::size_t n = q.bytes(0) / sizeof(std::uint64_t);
    const std::size_t at = out.size();
    out.resize(at + n);
    if (n) std::memcpy(out.data() + at, q.blob(0), n * sizeof(std::uint64_t));
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ResultsDb::load(std::int64_t run, const std::function<void(const StoredDraw&)>& each, bool with_inputs) {
  const RunRecord r = this->run(run);
  const std::size_t n_in = with_inputs ? r.input_names.size() : 0, n_out = r.issue_ids.size(), n_cls = r.class_names.size();
  // Batches hold draws in the order a thread finished them. Read by first draw, a batch's draws
  // are visited once no batch still to read can hold a smaller one, so that only the batches
  // that interleave are held at once (one or two, unless resumed runs left scattered gaps).
  struct Batch {
    std::vector<std::uint64_t> draws;
    std::vector<double> inputs, outcomes;
    std::vector<unsigned char> classes;
    std::vector<std::size_t> order;  // positions in draw order
    std::size_t next = 0;
  };
  std::map<std::uint64_t, Batch> held;                   // by a sequence number
  using Next = std::pair<std::uint64_t, std::uint64_t>;  // (draw, batch)
  std::priority_queue<Next, std::vector<Next>, std::greater<>> ready;
  bool visited = false;
  std::uint64_t last = 0;
  auto visit_under = [&](std::uint64_t limit, bool all) {
    while (!ready.empty() && (all || ready.top().first < limit)) {
      const std::uint64_t id = ready.top().second;
      ready.pop();
      Batch& b = held.at(id);
      const std::size_t k = b.order[b.next++];
      // A draw is a function of the seed and its number: one beyond the run or stored twice is
      // damage (or, for the latter, two writers at once before runs were claimed), never a sample.
      if (b.draws[k] >= r.draws)
        damaged(run, "draw number " + std::to_string(b.draws[k]) + " is beyond the run's " + std::to_string(r.draws) + " draws");
      if (visited && b.draws[k] == last)
        damaged(run, "draw " + std::to_string(b.draws[k]) + " is stored twice (written by more than one process at once?)");
      visited = true, last = b.draws[k];
      each({b.draws[k], with_inputs ? b.inputs.data() + k * n_in : nullptr, b.outcomes.data() + k * n_out, b.classes.data() + k * n_cls});
      if (b.next < b.order.size())
        ready.emplace(b.draws[b.order[b.next]], id);
      else
        held.erase(id);
    }
  };
  Statement q(db_,
              with_inputs
                  ? "SELECT draws, inputs, outcomes, classes, first_draw, draw_count FROM draw_batches WHERE run_id = ? ORDER BY first_draw"
                  : "SELECT draws, x'', outcomes, classes, first_draw, draw_count FROM draw_batches WHERE run_id = ? ORDER BY first_draw");
  q.bind(1, run);
  auto read = [&q, this, run](auto& v, int col, std::size_t expected) {
    using T = typename std::remove_reference_t<decltype(v)>::value_type;
    if (q.bytes(col) != expected * sizeof(T)) damaged(run, "corrupt draw batch: blob sizes disagree with the run's inputs");
    v.resize(expected);
    if (expected) std::memcpy(v.data(), q.blob(col), expected * sizeof(T));
  };
  std::uint64_t sequence = 0;
  while (q.step()) {
    Batch b;
    const std::size_t n = static_cast<std::size_t>(std::max<std::int64_t>(q.integer(5), 0));
    read(b.draws, 0, n);
    read(b.inputs, 1, n * n_in);
    read(b.outcomes, 2, n * n_out);
    read(b.classes, 3, n * n_cls);
    if (n == 0) continue;
    b.order.resize(n);
    for (std::size_t k = 0; k < n; ++k) b.order[k] = k;
    std::sort(b.order.begin(), b.order.end(), [&](std::size_t x, std::size_t y) { return b.draws[x] < b.draws[y]; });
    // Every draw visited so far lies below this batch's first draw, unless a draw is stored twice
    // or the batch's first_draw is false (parley stores each batch's draws in increasing order).
    if (visited && b.draws[b.order[0]] <= last)
      damaged(run, "draw " + std::to_string(b.draws[b.order[0]]) +
                       " is stored twice or out of order (written by more than one process at once?)");
    // No batch still to read starts below this one's first draw (the smallest, unless damaged).
    visit_under(std::min(b.draws[b.order[0]], static_cast<std::uint64_t>(q.integer(4))), false);
    ready.emplace(b.draws[b.order[0]], sequence);
    held.emplace(sequence++, std::move(b));
  }
  visit_under(0, true);
}

}  // namespace parley
