// parley show RUN: reprints a stored run's provenance and summary from its stored draws.
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct ShowArgs {
  std::int64_t run = 0;
  std::string db = kDefaultDb;
  std::string format = "table";
  std::string output;
};

void add_options(CLI::App& cmd, ShowArgs& a) {
  cmd.add_option("RUN", a.run, "run id (see 'parley runs')")->required();
  cmd.add_option("--db", a.db, "results database")->capture_default_str();
  cmd.add_option("-f,--format", a.format, "table, json or csv")->capture_default_str();
  cmd.add_option("-o,--output", a.output, "write to this file");
}

void show(const ShowArgs& args, Context& context) {
  check_outputs({{"--output", args.output, "the summary"}}, {{"--db", args.db, "the results database"}});
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  ResultsDb db = open_existing(args.db);

  require_sweep_run(db.run(args.run), args.db);
  const StoredRun run = load_stored_run(db, args.run, false);

  std::ostringstream text;
  write_stored_run(text, run, args.db, format);
  emit(args.output, text.str(), context.out);
}

}  // namespace

Command show_command() { return make_command<ShowArgs>("show", "reprint a stored run's summary", add_options, show); }

}  // namespace parley::cli
