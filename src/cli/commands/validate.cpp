// parley validate FILE: checks a scenario and prints a summary.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct ValidateArgs {
  InputArgs input;
  std::string format = "table";
};

void add_options(CLI::App& cmd, ValidateArgs& a) {
  add_input(cmd, a.input);
  cmd.add_option("-f,--format", a.format, "table or json")->capture_default_str();
}

void validate(const ValidateArgs& args, Context& context) {
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json});
  const Scenario s = read_input(args.input);

  write_scenario_check(context.out, args.input.file, s, format);
}

}  // namespace

Command validate_command() { return make_command<ValidateArgs>("validate", "check a scenario and print a summary", add_options, validate); }

}  // namespace parley::cli
