// parley help [CMD]: the help of a command (as `parley CMD --help`), or of parley itself.
#include "cli/command.hpp"
#include "cli/suggest.hpp"

namespace parley::cli {

namespace {

struct HelpArgs {
  std::string command;
};

void add_options(CLI::App& cmd, HelpArgs& a) { cmd.add_option("CMD", a.command, "the command to explain (default: all of parley)"); }

void help(const HelpArgs& args, Context& context) {
  const CLI::App& app = context.app;
  if (args.command.empty())
    context.out << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
  else
    context.out << find_command(app, args.command).help(app.get_name());
}

}  // namespace

Command help_command() { return make_command<HelpArgs>("help", "print the help of a command: parley help CMD", add_options, help); }

}  // namespace parley::cli
