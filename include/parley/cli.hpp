// parley's command line as a library function: the `parley` executable is main() calling it, and
// any other program (a test with a model of its own, a tool built on parley) can run the same
// commands. docs/cli.md lists the commands and the exit codes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace parley::cli {

/// The exit codes (docs/cli.md); src/cli/exit_codes.cpp maps errors to them, in one place.
enum ExitCode { kOk = 0, kInternalError = 1, kBadInput = 2, kOutputError = 3, kResourceError = 4, kInterrupted = 130 };

/// Runs one command line. `args` is argv: the program's name first (it appears in usage lines),
/// then the command and its options. Results go to `out`, messages (`parley: ...`) to `err`.
/// Returns the exit code; never throws.
int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// run_command_line on argv with standard output and standard error.
int main(int argc, char** argv);

}  // namespace parley::cli
