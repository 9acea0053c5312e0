// parley's command line with two more commands, added the way any program built on parley adds its
// own (src/cli/command.hpp): the tests run it to see that such a program gets the same commands,
// help and exit codes. `crash` throws a std::logic_error, standing for a bug: the shipped
// executable has no way to provoke one on purpose, and this one exercises the same mapping of
// errors to exit codes (exit code 1, "parley: internal error: ...").
#include <iostream>
#include <stdexcept>

#include "cli/command.hpp"

int main(int argc, char** argv) {
  using parley::cli::Action;
  using parley::cli::Context;
  std::vector<parley::cli::Command> commands = parley::cli::command_table();
  commands.push_back({"crash", "fail as a bug would (tests only)",
                      [](CLI::App&) -> Action { return [](Context&) { throw std::logic_error("a bug, on purpose"); }; }});
  commands.push_back({"hello", "print a greeting (tests only)", [](CLI::App& cmd) -> Action {
                        auto name = std::make_shared<std::string>("world");
                        cmd.add_option("--name", *name, "whom to greet")->capture_default_str();
                        return [name](Context& c) { c.out << "hello, " << *name << "\n"; };
                      }});
  return parley::cli::run_command_line({argv, argv + argc}, std::cout, std::cerr, commands);
}
