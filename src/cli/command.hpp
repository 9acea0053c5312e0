// A parley subcommand as the command table holds it: a name, a line for `parley --help`, and a
// function that declares its options and returns what to do once they are parsed.
//
// Adding a command (docs/cli.md): a file commands/NAME.cpp that defines `Command NAME_command()`,
// and its line in command_table.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace parley::cli {

/// What an action may use: `out` for its result, `err` for messages, and the whole command line
/// (for `parley help`).
struct Context {
  std::ostream& out;
  std::ostream& err;
  const CLI::App& app;
};

/// A command's work once its options are parsed: parse (check the values, read the input),
/// compute, write. Success returns; failures throw InputError, OutputError or Interrupted
/// (include/parley/error.hpp), which run_command_line turns into the exit code.
using Action = std::function<void(Context&)>;

struct Command {
  std::string name;
  std::string description;  // one line for `parley --help`
  /// Declares the options on `cmd`, bound to state the returned action owns.
  std::function<Action(CLI::App& cmd)> define;
};

/// A command whose options fill an `Args` (declared on the subcommand by `options`) and whose action
/// is `act(args, context)`: how each file under commands/ builds its Command.
template <typename Args>
Command make_command(std::string name, std::string description, void (*options)(CLI::App&, Args&), void (*act)(const Args&, Context&)) {
  return {std::move(name), std::move(description), [options, act](CLI::App& cmd) -> Action {
            auto args = std::make_shared<Args>();
            options(cmd, *args);
            return [args, act](Context& context) { act(*args, context); };
          }};
}

/// Every command, in the order `parley --help` lists them (command_table.cpp).
const std::vector<Command>& command_table();

/// run_command_line (include/parley/cli.hpp) with another table: a program that adds commands of
/// its own (a test, a tool built on parley) runs the same command line.
int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const std::vector<Command>& commands);

}  // namespace parley::cli
