// parley report: the analyst's HTML report, and its summary on the terminal.
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "parley/parley.hpp"
#include "parley/report.hpp"

namespace parley::cli {

int report(const ReportArgs& args, std::ostream& out) {
  if (args.output.empty()) throw InputError({}, "--output", "missing", "the HTML file to write, e.g. --output report.html");
  if (args.draws == 0) throw InputError({}, "--draws", "got 0", "at least one draw");
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
  out << r.summary << "report written to " << args.output << "\n";
  return kOk;
}

}  // namespace parley::cli
