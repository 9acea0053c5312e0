// parley export RUN: writes a stored run as tidy tables (CSV or JSON).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/commands/stored_run.hpp"
#include "cli/options.hpp"
#include "cli/sweep_report.hpp"
#include "io/text_table.hpp"
#include "parley/results_db.hpp"

namespace parley::cli {

namespace {

struct ExportArgs {
  std::int64_t run = 0;
  std::string db = kDefaultDb;
  std::string format;
  std::string table = "outcomes";
  std::string output;
};

void add_options(CLI::App& cmd, ExportArgs& a) {
  cmd.add_option("RUN", a.run, "run id")->required();
  cmd.add_option("--db", a.db, "results database")->capture_default_str();
  cmd.add_option("-f,--format", a.format, "csv or json")->required();
  cmd.add_option("--table", a.table, "outcomes, inputs, classes, summary (or all, JSON only)")->capture_default_str();
  cmd.add_option("-o,--output", a.output, "write to this file");
}

std::string value(double x) { return std::isnan(x) ? "" : fmt::format("{}", x); }

std::string render(const ExportArgs& args, const Loaded& l, OutputFormat format) {
  const bool all = args.table == "all";
  const RunRecord& r = l.run;
  const std::size_t n_in = r.input_names.size(), n_out = r.issue_ids.size(), n_cls = r.class_names.size();
  std::string text;
  if (format == OutputFormat::csv) {
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
  return text;
}

void export_run(const ExportArgs& args, Context& context) {
  const OutputFormat format = parse_format(args.format, {OutputFormat::csv, OutputFormat::json});
  static const std::vector<std::string> tables = {"outcomes", "inputs", "classes", "summary", "all"};
  if (std::find(tables.begin(), tables.end(), args.table) == tables.end() || (args.table == "all" && format == OutputFormat::csv))
    throw InputError({}, "--table", "got '" + args.table + "'", "outcomes, inputs, classes or summary (or all, with --format json)");
  ResultsDb db = open_existing(args.db);

  const Loaded l = load(db, args.run, args.table == "all" || args.table == "inputs");

  emit(args.output, render(args, l, format), context.out);
}

}  // namespace

Command export_command() { return make_command<ExportArgs>("export", "write a stored run as tidy tables", add_options, export_run); }

}  // namespace parley::cli
