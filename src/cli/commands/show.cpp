// parley show RUN: reprints a stored run's provenance and summary from its stored draws.
#include <fmt/format.h>

#include <sstream>

#include "cli/command.hpp"
#include "cli/commands/stored_run.hpp"
#include "cli/options.hpp"
#include "cli/sweep_report.hpp"
#include "parley/results_db.hpp"

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

std::string render(const ShowArgs& args, const Loaded& l, OutputFormat format) {
  const RunRecord& r = l.run;
  std::ostringstream text;
  if (format == OutputFormat::table) {
    text << fmt::format("run {} of {}: {} ({} of {} draws stored)\n", r.id, args.db, r.status, r.stored, r.draws);
    text << fmt::format("scenario: {} (sha256 {})\n", r.scenario_file, r.scenario_sha256);
    text << fmt::format("created {} by parley {}; {} threads, {:.2f} s\n", r.created, r.parley_version, r.threads, r.elapsed_seconds);
    std::string options;
    for (const auto& [k, v] : r.options) options += fmt::format(" {}={}", k, v);
    text << fmt::format("model {}; options:{}\n", r.model, options.empty() ? " (none)" : options);
    for (const std::string& o : r.overrides) text << fmt::format("--set {}\n", o);
    text << fmt::format("seed {}, actor correlation {}\n\n", r.seed, r.actor_correlation);
  }
  text << format_summary(summary_of(l), {l.scenario.metadata.title, r.model, r.seed, r.input_names.size(), r.id, args.db}, format);
  return text.str();
}

void show(const ShowArgs& args, Context& context) {
  const OutputFormat format = parse_format(args.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  ResultsDb db = open_existing(args.db);

  const Loaded l = load(db, args.run, false);

  emit(args.output, render(args, l, format), context.out);
}

}  // namespace

Command show_command() { return make_command<ShowArgs>("show", "reprint a stored run's summary", add_options, show); }

}  // namespace parley::cli
