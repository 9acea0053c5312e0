// The one place that turns errors into exit codes (docs/cli.md): InputError and command-line
// errors 2, OutputError 3, ResourceError and std::bad_alloc 4, Interrupted 130, anything else 1
// (an internal error).
#pragma once

#include <CLI/CLI.hpp>
#include <exception>
#include <iosfwd>

#include "parley/cli.hpp"

namespace parley::cli {

/// The exit code for `error`, after printing its message to `err` as "parley: ..." (CLI11's own
/// messages for command-line errors; --help and --version print to `out` and give 0). `app` is
/// the command line that was being parsed or run.
int exit_code_for(std::exception_ptr error, const CLI::App& app, std::ostream& out, std::ostream& err);

}  // namespace parley::cli
