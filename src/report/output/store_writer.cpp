// The results database's writers: write_run_list (parley runs), write_stored_run (parley show) and
// write_export (parley export: tidy CSV tables, or JSON kExportSchema).
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "io/text_table.hpp"
#include "parley/error.hpp"
#include "parley/output.hpp"
#include "report/output/numbers.hpp"
#include "report/output/sweep_json.hpp"
#include "report/output/writer_support.hpp"

namespace parley {

namespace {

using report::json_number;
using report::plain;

SweepContext context_of(const StoredRun& l, const std::string& db) {
  return {l.scenario.metadata.title, l.run.model, l.run.seed, l.run.input_names.size(), l.run.id, db};
}

/// How the run was made: status, scenario, model, options, --set, seed.
std::string run_head(const RunRecord& r, const std::string& db) {
  std::string text = fmt::format("run {} of {}: {} ({} of {} draws stored)\n", r.id, db, r.status, r.stored, r.draws);
  if (r.shard) {
    const DrawRange share = shard_draws(r.draws, *r.shard);
    const std::string which = share.size() == 0   ? "none"
                              : share.size() == 1 ? std::to_string(share.first)
                                                  : fmt::format("{}-{}", share.first, share.last - 1);
    text += fmt::format("shard {} of {}: {} of {} draws ({}); parley merge combines the shards\n", r.shard->index, r.shard->count,
                        share.size(), r.draws, which);
  }
  text += fmt::format("scenario: {} (sha256 {})\n", r.scenario_file, r.scenario_sha256);
  text += fmt::format("created {} by parley {}; {} threads, {:.2f} s\n", r.created, r.parley_version, r.threads, r.elapsed_seconds);
  std::string options;
  for (const auto& [k, v] : r.options) options += fmt::format(" {}={}", k, v);
  text += fmt::format("model {}; options:{}\n", r.model, options.empty() ? " (none)" : options);
  for (const std::string& o : r.overrides) text += fmt::format("--set {}\n", o);
  text += fmt::format("seed {}, actor correlation {}\n\n", r.seed, r.actor_correlation);
  return text;
}

std::string csv_table(const StoredRun& l, ExportTable table) {
  const RunRecord& r = l.run;
  const std::size_t n_in = r.input_names.size(), n_out = r.issue_ids.size(), n_cls = r.class_names.size();
  std::string text;
  if (table == ExportTable::outcomes) {
    text = "run,draw,issue,outcome\n";
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t i = 0; i < n_out; ++i)
        text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.issue_ids[i]), plain(l.outcomes[k * n_out + i]));
  } else if (table == ExportTable::inputs) {
    text = "run,draw,input,value\n";
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t i = 0; i < n_in; ++i)
        text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.input_names[i]), plain(l.inputs[k * n_in + i]));
  } else if (table == ExportTable::classes) {
    text = "run,draw,class,member\n";
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t c = 0; c < n_cls; ++c)
        text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.class_names[c]), int{l.classes[k * n_cls + c]});
  }
  return text;
}

nlohmann::ordered_json run_json(const RunRecord& r) {
  return {{"id", r.id},
          {"created", r.created},
          {"parley_version", r.parley_version},
          {"scenario_file", r.scenario_file},
          {"scenario_sha256", r.scenario_sha256},
          {"model", r.model},
          {"options", r.options},
          {"overrides", r.overrides},
          {"seed", r.seed},
          {"draws", r.draws},
          {"stored", r.stored},
          {"actor_correlation", r.actor_correlation},
          {"status", r.status}};
}

/// run_json, with the run's shard when it has one (a plain run's JSON is as it always was).
nlohmann::ordered_json run_json_with_shard(const RunRecord& r) {
  nlohmann::ordered_json j = run_json(r);
  if (r.shard) j["shard"] = {{"index", r.shard->index}, {"count", r.shard->count}};
  if (r.kind != "sweep") j["kind"] = r.kind;  // a sensitivity analysis's model runs (a sweep's says nothing)
  return j;
}

std::string json_tables(const StoredRun& l, ExportTable table, const std::string& db) {
  const RunRecord& r = l.run;
  const std::size_t n_in = r.input_names.size(), n_out = r.issue_ids.size(), n_cls = r.class_names.size();
  const bool all = table == ExportTable::all;
  nlohmann::ordered_json j;
  j["schema"] = kExportSchema;
  j["run"] = run_json_with_shard(r);
  if (all || table == ExportTable::outcomes) {
    auto& rows = j["outcomes"] = nlohmann::json::array();
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t i = 0; i < n_out; ++i)
        rows.push_back({{"draw", l.draws[k]}, {"issue", r.issue_ids[i]}, {"outcome", json_number(l.outcomes[k * n_out + i])}});
  }
  if (all || table == ExportTable::inputs) {
    auto& rows = j["inputs"] = nlohmann::json::array();
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t i = 0; i < n_in; ++i)
        rows.push_back({{"draw", l.draws[k]}, {"input", r.input_names[i]}, {"value", json_number(l.inputs[k * n_in + i])}});
  }
  if (all || table == ExportTable::classes) {
    auto& rows = j["classes"] = nlohmann::json::array();
    for (std::size_t k = 0; k < l.draws.size(); ++k)
      for (std::size_t c = 0; c < n_cls; ++c)
        rows.push_back({{"draw", l.draws[k]}, {"class", r.class_names[c]}, {"member", l.classes[k * n_cls + c] != 0}});
  }
  // Read back as nlohmann::json, as the summary always was: its keys in alphabetical order.
  if (all || table == ExportTable::summary)
    j["summary"] = nlohmann::json::parse(report::sweep_json(summarize_stored_run(l), context_of(l, db)).dump());
  return j.dump(1) + "\n";
}

}  // namespace

void write_run_list(std::ostream& out, const std::vector<RunRecord>& runs, const std::string& db) {
  if (runs.empty()) {
    out << fmt::format("{}: no runs\n", db);
    return;
  }
  out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}\n", "run", "created (UTC)", "model", "draws", "stored",
                     "status", "seed", "scenario");
  for (const RunRecord& r : runs)
    out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}{}{}\n", r.id, r.created, r.model, r.draws, r.stored,
                       r.status, r.seed, r.scenario_file, r.overrides.empty() ? "" : fmt::format(" ({} --set)", r.overrides.size()),
                       r.kind == "sweep" ? "" : fmt::format(" [{} analysis: model runs, not draws]", r.kind));
}

void write_run_list(std::ostream& out, const std::vector<RunRecord>& runs, const std::string& db, OutputFormat format) {
  report::require_format(format, {OutputFormat::table, OutputFormat::json});
  if (format == OutputFormat::table) return write_run_list(out, runs, db);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RunRecord& r : runs) list.push_back(run_json_with_shard(r));
  nlohmann::ordered_json j;
  j["schema"] = kRunsSchema;
  j["db"] = db;
  j["runs"] = std::move(list);
  out << j.dump(2) << '\n';
}

void write_stored_run(std::ostream& out, const StoredRun& run, const std::string& db, OutputFormat format) {
  if (format == OutputFormat::table) out << run_head(run.run, db);
  write_sweep_summary(out, summarize_stored_run(run), context_of(run, db), format);
}

std::optional<ExportTable> export_table_from_string(const std::string& text) {
  if (text == "outcomes") return ExportTable::outcomes;
  if (text == "inputs") return ExportTable::inputs;
  if (text == "classes") return ExportTable::classes;
  if (text == "summary") return ExportTable::summary;
  if (text == "all") return ExportTable::all;
  return std::nullopt;
}

void write_export(std::ostream& out, const StoredRun& run, ExportTable table, OutputFormat format, const std::string& db) {
  report::require_format(format, {OutputFormat::csv, OutputFormat::json});
  if (format == OutputFormat::json) {
    out << json_tables(run, table, db);
    return;
  }
  if (table == ExportTable::all)
    throw InputError({}, "--table", "got 'all'", "outcomes, inputs, classes or summary (or all, with --format json)");
  if (table == ExportTable::summary)
    write_sweep_summary(out, summarize_stored_run(run), {}, OutputFormat::csv);
  else
    out << csv_table(run, table);
}

}  // namespace parley
