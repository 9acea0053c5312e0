// run_command_line: the command table made into a CLI11 command line, run, and every error turned
// into its exit code.
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/suggest.hpp"
#include "parley/cli.hpp"
#include "parley/error.hpp"
#include "parley/version.hpp"

namespace parley::cli {

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const std::vector<Command>& commands) {
  CLI::App app{"parley: models and forecasts of negotiations between political actors"};
  app.name(args.empty() ? "parley" : args.front());
  app.set_version_flag("--version", std::string("parley ") + kVersion);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 internal error, 2 bad input, 3 output could not be written, 130 interrupted.");
  std::vector<std::pair<const CLI::App*, Action>> actions;
  for (const Command& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    actions.emplace_back(sub, c.define(*sub));
  }
  try {
    // A first word that is no option must name a command ("parley runn": did you mean 'run'?).
    if (args.size() > 1 && !args[1].empty() && args[1][0] != '-') find_command(app, args[1]);
    app.parse(std::vector<std::string>(args.rbegin(), args.rend() - (args.empty() ? 0 : 1)));
    check_environment();
    Context context{out, err, app};
    for (auto& [sub, action] : actions)
      if (sub->parsed()) action(context);
    out.flush();
    if (!out) throw OutputError("", "cannot write standard output");
    return kOk;
  } catch (...) {
    return exit_code_for(std::current_exception(), app, out, err);
  }
}

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return run_command_line(args, out, err, command_table());
}

int main(int argc, char** argv) { return run_command_line(std::vector<std::string>(argv, argv + argc), std::cout, std::cerr); }

}  // namespace parley::cli
