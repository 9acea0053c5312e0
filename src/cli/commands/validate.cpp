// parley validate FILE: checks a scenario and prints a summary.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

void validate(const InputArgs& args, Context& context) {
  const Scenario s = read_input(args);

  write_scenario_check(context.out, args.file, s);
}

}  // namespace

Command validate_command() { return make_command<InputArgs>("validate", "check a scenario and print a summary", add_input, validate); }

}  // namespace parley::cli
