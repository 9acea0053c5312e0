// parley report FILE --output FILE: the analyst's HTML report, and its summary on the terminal.
#include "parley/report.hpp"

#include <unistd.h>

#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct ReportArgs {
  InputArgs input;
  std::string models;  // comma-separated; empty: every model
  std::string lead;    // empty: the first model with rounds
  std::vector<std::string> overrides;
  std::uint64_t draws = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string output;
  bool progress = true;
};

void add_options(CLI::App& cmd, ReportArgs& a) {
  add_input(cmd, a.input);
  cmd.add_option("--models", a.models, "comma-separated models (default: every model)");
  cmd.add_option("--lead", a.lead, "model for trajectories and tornado (default: the first with rounds)");
  add_draws(cmd, a.overrides, a.seed, a.threads);
  add_count(cmd, "-n,--draws", a.draws, 1, kMaxMemoryDraws, "draws per model");
  cmd.add_option("-o,--output", a.output, "the HTML file to write")->required();
  cmd.add_flag("!--no-progress", a.progress, "no progress line");
}

void report(const ReportArgs& args, Context& context) {
  if (args.output.empty()) throw InputError({}, "--output", "missing", "the HTML file to write, e.g. --output report.html");
  check_outputs({{"--output", args.output, "the report"}}, {{"FILE", args.input.file, "the scenario"}});
  const Scenario s = read_input(args.input, args.overrides);
  ReportOptions o;
  std::stringstream names(args.models);
  for (std::string name; std::getline(names, name, ',');)
    if (!name.empty()) o.models.push_back(&model_named(name));
  if (!args.lead.empty()) o.lead = &model_named(args.lead);
  o.draws = args.draws;
  o.seed = args.seed;
  o.threads = resolve_threads(args.threads);
  o.scenario_file = args.input.file;
  const bool tty = args.progress && ::isatty(STDERR_FILENO) == 1;
  if (tty) o.stage = [](const std::string& what) { std::cerr << "\r\x1b[K" << what << "..." << std::flush; };

  const Report r = build_report(s, o);
  if (tty) std::cerr << "\r\x1b[K";

  write_file_atomically(args.output, r.html);
  context.out << r.summary << "report written to " << args.output << "\n";
}

}  // namespace

Command report_command() {
  return make_command<ReportArgs>("report", "write the analyst's HTML report and print its summary", add_options, report);
}

}  // namespace parley::cli
