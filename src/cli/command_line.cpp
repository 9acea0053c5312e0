// run_command_line: the command table made into a CLI11 command line, run, and every error turned
// into its exit code.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/mpi/mpi.hpp"
#include "cli/options.hpp"
#include "cli/suggest.hpp"
#include "parley/cli.hpp"
#include "parley/error.hpp"
#include "parley/version.hpp"

namespace parley::cli {

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const std::vector<Command>& commands) {
  CLI::App app{"parley: models and forecasts of negotiations between political actors"};
  app.name(args.empty() ? "parley" : args.front());
  app.set_version_flag("--version", std::string("parley ") + kVersion + "\n" + mpi_version_line());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 internal error, 2 bad input, 3 output could not be written, 4 not enough memory (or another resource), 130 "
      "interrupted.");
  std::vector<std::pair<const CLI::App*, Action>> actions;
  for (const Command& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    actions.emplace_back(sub, c.define(*sub));
  }
  int code = kOk;
  try {
    // A first word that is no option must name a command ("parley runn": did you mean 'run'?).
    if (args.size() > 1 && !args[1].empty() && args[1][0] != '-') find_command(app, args[1]);
    app.parse(std::vector<std::string>(args.rbegin(), args.rend() - (args.empty() ? 0 : 1)));
    check_environment();
    Context context{out, err, app};
    for (auto& [sub, action] : actions)
      if (sub->parsed()) action(context);
  } catch (...) {
    code = exit_code_for(std::current_exception(), app, out, err);
  }
  // What a success printed (a result, or --help and --version) must have reached standard output.
  if (code == kOk && !out.flush())
    code = exit_code_for(std::make_exception_ptr(OutputError("", "cannot write standard output")), app, out, err);
  return code;
}

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return run_command_line(args, out, err, command_table());
}

namespace {

/// A standard stream that was closed (`parley run FILE >&-`) is opened on /dev/null the wrong way
/// round (output streams for reading, input for writing): writing to it still fails, so the command
/// still exits 3, and no file that parley opens later takes its number and receives what was meant
/// for the stream.
void occupy_closed_standard_streams() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  occupy_closed_standard_streams();
  return run_command_line(std::vector<std::string>(argv, argv + argc), std::cout, std::cerr);
}

}  // namespace parley::cli
