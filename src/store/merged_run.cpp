// ResultsDb::store_merged_run: a merged run of shards, written in one transaction (merge_shards.cpp
// checks the shards; docs/distributed.md, "Merge").
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parley/error.hpp"
#include "parley/results_db.hpp"
#include "store/run_row.hpp"
#include "store/sqlite.hpp"

namespace parley {

std::int64_t ResultsDb::store_merged_run(const RunRecord& m, const std::vector<std::pair<ResultsDb*, std::int64_t>>& parts) {
  if (parts.empty()) throw std::logic_error("store_merged_run without parts");
  store::Transaction t(db_);
  const std::int64_t id = store::insert_run_row(db_, m, "complete", m.elapsed_seconds);
  // The inputs, issues and classes of the first part (the parts' are equal: same scenario and overrides).
  {
    ResultsDb& src = *parts.front().first;
    const std::int64_t from = parts.front().second;
    store::Statement in(src.db_, "SELECT idx, name, field, actor, issue, distribution FROM run_inputs WHERE run_id = ? ORDER BY idx");
    in.bind(1, from);
    store::Statement put(db_, "INSERT INTO run_inputs VALUES (?, ?, ?, ?, ?, ?, ?)");
    while (in.step()) {
      put.bind(1, id).bind(2, in.integer(0)).bind(3, in.text(1)).bind(4, in.text(2));
      if (!in.is_null(3)) put.bind(5, in.text(3));
      if (!in.is_null(4)) put.bind(6, in.text(4));
      put.bind(7, in.text(5)).run();
    }
    store::Statement is(src.db_, "SELECT idx, issue FROM run_issues WHERE run_id = ? ORDER BY idx");
    is.bind(1, from);
    store::Statement put_issue(db_, "INSERT INTO run_issues VALUES (?, ?, ?)");
    while (is.step()) put_issue.bind(1, id).bind(2, is.integer(0)).bind(3, is.text(1)).run();
    store::Statement cl(src.db_, "SELECT idx, name, label, expression FROM run_classes WHERE run_id = ? ORDER BY idx");
    cl.bind(1, from);
    store::Statement put_class(db_, "INSERT INTO run_classes VALUES (?, ?, ?, ?, ?)");
    while (cl.step()) put_class.bind(1, id).bind(2, cl.integer(0)).bind(3, cl.text(1)).bind(4, cl.text(2)).bind(5, cl.text(3)).run();
  }
  // Every batch as stored, one at a time.
  store::Statement put(
      db_, "INSERT INTO draw_batches (run_id, first_draw, draw_count, draws, inputs, outcomes, classes) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& [src, from] : parts) {
    store::Statement batch(src->db_, "SELECT first_draw, draw_count, draws, inputs, outcomes, classes FROM draw_batches WHERE run_id = ?");
    batch.bind(1, from);
    while (batch.step()) {
      put.bind(1, id).bind(2, batch.integer(0)).bind(3, batch.integer(1));
      for (int c = 2; c < 6; ++c) put.bind_blob(c + 2, batch.blob(c), batch.bytes(c));
      put.run();
    }
  }
  store::Statement count(db_, "SELECT coalesce(sum(draw_count), 0) FROM draw_batches WHERE run_id = ?");
  count.bind(1, id);
  if (count.step() && static_cast<std::uint64_t>(count.integer(0)) != m.draws)
    throw InputError({path_, 0, 0}, "--into",
                     "the shards hold " + std::to_string(count.integer(0)) + " draws, not the run's " + std::to_string(m.draws),
                     "every draw once");
  t.commit();
  return id;
}

}  // namespace parley
