// parley runs, show and export: reading the results database.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/sweep_report.hpp"
#include "io/text_table.hpp"
#include "parley/parley.hpp"
#include "parley/results_db.hpp"

namespace parley::cli {

namespace {

/// The stored draws of a run, compacted in draw order, and the scenario they came from.
struct Loaded {
  RunRecord run;
  Scenario scenario;
  std::vector<std::uint64_t> draws;
  std::vector<double> inputs, outcomes;
  std::vector<unsigned char> classes;
};

Loaded load(ResultsDb& db, std::int64_t id, bool with_inputs) {
  Loaded l;
  l.run = db.run(id);
  l.scenario = read_scenario_text(l.run.scenario_text, l.run.scenario_file,
                                  read_options({l.run.scenario_file, l.run.input_format, l.run.capability}));
  apply_overrides(l.scenario, l.run.overrides);
  const std::size_t n_in = l.run.input_names.size(), n_out = l.run.issue_ids.size(), n_cls = l.run.class_names.size();
  db.load(id, [&](const StoredDraw& d) {
    l.draws.push_back(d.draw);
    if (with_inputs) l.inputs.insert(l.inputs.end(), d.inputs, d.inputs + n_in);
    l.outcomes.insert(l.outcomes.end(), d.outcomes, d.outcomes + n_out);
    l.classes.insert(l.classes.end(), d.classes, d.classes + n_cls);
  }, with_inputs);
  return l;
}

SweepSummary summary_of(const Loaded& l) {
  return summarize_sweep(l.scenario, l.draws.size(), l.outcomes.data(), l.classes.data());
}

std::string value(double x) { return std::isnan(x) ? "" : fmt::format("{}", x); }

}  // namespace

int list_runs(const StoreArgs& args, std::ostream& out) {
  ResultsDb db = open_existing(args.db);
  const std::vector<RunRecord> runs = db.runs();
  if (runs.empty()) {
    out << fmt::format("{}: no runs\n", args.db);
    return kOk;
  }
  out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}\n", "run", "created (UTC)", "model", "draws", "stored", "status",
                     "seed", "scenario");
  for (const RunRecord& r : runs)
    out << fmt::format("{:>4}  {:<20}  {:<10}  {:>9}  {:>9}  {:<11}  {:>6}  {}{}\n", r.id, r.created, r.model, r.draws, r.stored, r.status,
                       r.seed, r.scenario_file, r.overrides.empty() ? "" : fmt::format(" ({} --set)", r.overrides.size()));
  return kOk;
}

int show(const StoreArgs& args, std::ostream& out) {
  const auto format = output_format_from_string(args.format);
  if (!format) throw InputError({}, "--format", "got '" + args.format + "'", "table, json or csv");
  ResultsDb db = open_existing(args.db);
  const Loaded l = load(db, args.run, false);
  const RunRecord& r = l.run;
  std::ostringstream text;
  if (*format == OutputFormat::table) {
    text << fmt::format("run {} of {}: {} ({} of {} draws stored)\n", r.id, args.db, r.status, r.stored, r.draws);
    text << fmt::format("scenario: {} (sha256 {})\n", r.scenario_file, r.scenario_sha256);
    text << fmt::format("created {} by parley {}; {} threads, {:.2f} s\n", r.created, r.parley_version, r.threads, r.elapsed_seconds);
    std::string options;
    for (const auto& [k, v] : r.options) options += fmt::format(" {}={}", k, v);
    text << fmt::format("model {}; options:{}\n", r.model, options.empty() ? " (none)" : options);
    for (const std::string& o : r.overrides) text << fmt::format("--set {}\n", o);
    text << fmt::format("seed {}, actor correlation {}\n\n", r.seed, r.actor_correlation);
  }
  text << format_summary(summary_of(l), {l.scenario.metadata.title, r.model, r.seed, r.input_names.size(), r.id, args.db}, *format);
  emit(args.output, text.str(), out);
  return kOk;
}

int export_run(const StoreArgs& args, std::ostream& out) {
  if (args.format != "csv" && args.format != "json") throw InputError({}, "--format", "got '" + args.format + "'", "csv or json");
  static const std::vector<std::string> tables = {"outcomes", "inputs", "classes", "summary", "all"};
  if (std::find(tables.begin(), tables.end(), args.table) == tables.end() || (args.table == "all" && args.format == "csv"))
    throw InputError({}, "--table", "got '" + args.table + "'", "outcomes, inputs, classes or summary (or all, with --format json)");
  ResultsDb db = open_existing(args.db);
  const bool all = args.table == "all";
  const Loaded l = load(db, args.run, all || args.table == "inputs");
  const RunRecord& r = l.run;
  const std::size_t n_in = r.input_names.size(), n_out = r.issue_ids.size(), n_cls = r.class_names.size();
  std::string text;
  if (args.format == "csv") {
    if (args.table == "outcomes") {
      text = "run,draw,issue,outcome\n";
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t i = 0; i < n_out; ++i)
          text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.issue_ids[i]), value(l.outcomes[k * n_out + i]));
    } else if (args.table == "inputs") {
      text = "run,draw,input,value\n";
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t i = 0; i < n_in; ++i)
          text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.input_names[i]), value(l.inputs[k * n_in + i]));
    } else if (args.table == "classes") {
      text = "run,draw,class,member\n";
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t c = 0; c < n_cls; ++c)
          text += fmt::format("{},{},{},{}\n", r.id, l.draws[k], io::csv_quote(r.class_names[c]), int{l.classes[k * n_cls + c]});
    } else {
      text = format_summary(summary_of(l), {}, OutputFormat::csv);
    }
  } else {
    nlohmann::ordered_json j;
    j["schema"] = "parley.export/1";
    j["run"] = {{"id", r.id},         {"created", r.created}, {"parley_version", r.parley_version}, {"scenario_file", r.scenario_file},
                {"scenario_sha256", r.scenario_sha256}, {"model", r.model}, {"options", r.options}, {"overrides", r.overrides},
                {"seed", r.seed},     {"draws", r.draws},     {"stored", r.stored}, {"actor_correlation", r.actor_correlation},
                {"status", r.status}};
    auto number = [](double x) { return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x); };
    if (all || args.table == "outcomes") {
      auto& rows = j["outcomes"] = nlohmann::json::array();
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t i = 0; i < n_out; ++i) rows.push_back({{"draw", l.draws[k]}, {"issue", r.issue_ids[i]}, {"outcome", number(l.outcomes[k * n_out + i])}});
    }
    if (all || args.table == "inputs") {
      auto& rows = j["inputs"] = nlohmann::json::array();
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t i = 0; i < n_in; ++i) rows.push_back({{"draw", l.draws[k]}, {"input", r.input_names[i]}, {"value", number(l.inputs[k * n_in + i])}});
    }
    if (all || args.table == "classes") {
      auto& rows = j["classes"] = nlohmann::json::array();
      for (std::size_t k = 0; k < l.draws.size(); ++k)
        for (std::size_t c = 0; c < n_cls; ++c) rows.push_back({{"draw", l.draws[k]}, {"class", r.class_names[c]}, {"member", l.classes[k * n_cls + c] != 0}});
    }
    if (all || args.table == "summary")
      j["summary"] = nlohmann::json::parse(format_summary(summary_of(l), {l.scenario.metadata.title, r.model, r.seed, n_in, r.id, args.db}, OutputFormat::json));
    text = j.dump(1) + "\n";
  }
  emit(args.output, text, out);
  return kOk;
}

}  // namespace parley::cli
