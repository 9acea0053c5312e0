// parley runs: lists the runs in a results database.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct RunsArgs {
  std::string db = kDefaultDb;
  std::string format = "table";
};

void add_options(CLI::App& cmd, RunsArgs& a) {
  cmd.add_option("--db", a.db, "results database")->capture_default_str();
  cmd.add_option("-f,--format", a.format, "table or json")->capture_default_str();
}

void list_runs(const RunsArgs& args, Context& context) {
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json});
  ResultsDb db = open_existing(args.db);

  write_run_list(context.out, db.runs(), args.db, format);
}

}  // namespace

Command runs_command() { return make_command<RunsArgs>("runs", "list the runs in a results database", add_options, list_runs); }

}  // namespace parley::cli
