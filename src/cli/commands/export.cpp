// parley export RUN: writes a stored run as tidy tables (CSV or JSON).
#include <optional>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

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

void export_run(const ExportArgs& args, Context& context) {
  check_outputs({{"--output", args.output, "the export"}}, {{"--db", args.db, "the results database"}});
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::csv, OutputFormat::json});
  const std::optional<ExportTable> table = export_table_from_string(args.table);
  if (!table || (*table == ExportTable::all && format == OutputFormat::csv))
    throw InputError({}, "--table", "got '" + args.table + "'", "outcomes, inputs, classes or summary (or all, with --format json)");
  ResultsDb db = open_existing(args.db);

  if (*table == ExportTable::summary || *table == ExportTable::all) require_sweep_run(db.run(args.run), args.db);
  const StoredRun run = load_stored_run(db, args.run, *table == ExportTable::all || *table == ExportTable::inputs);

  std::ostringstream text;
  write_export(text, run, *table, format, args.db);
  emit(args.output, text.str(), context.out);
}

}  // namespace

Command export_command() { return make_command<ExportArgs>("export", "write a stored run as tidy tables", add_options, export_run); }

}  // namespace parley::cli
