// Errors that parley reports to its user: one hierarchy, which the command line maps to its exit
// codes in one place (src/cli/exit_codes.cpp, docs/cli.md):
//
//   parley::Error         what the user can act on (never thrown itself)
//     InputError    -> 2  bad input: a file, option or argument
//     OutputError   -> 3  an output (file, standard output, results database) could not be written
//     ResourceError -> 4  not enough memory (or another resource of the machine) for the work
//     Interrupted   -> 130  stopped by the user (Ctrl-C); what was finished is kept
//   std::bad_alloc  -> 4  memory ran out where no ResourceError names the work
//   anything else   -> 1  an internal error: a bug (std::logic_error, ...)
//
// Library code throws the one that says whose problem it is; it never prints or exits.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace parley {

/// Where something sits in an input file. Lines and columns count from 1;
/// 0 means "not known" (for example a whole-file problem such as an empty file).
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

/// The base of the errors above; what() is the whole message, without the "parley: " prefix.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input: a file that cannot be read, parsed or validated, or a bad option.
/// Every InputError names where (file, line, column), which field, what was
/// found and what was expected. The CLI turns it into exit code 2.
class InputError : public Error {
 public:
  InputError(SourcePosition where, std::string field, std::string problem, std::string expected);
  /// A problem with no file or field to name, said in its own words (an unknown command).
  explicit InputError(const std::string& message) : Error(message), problem_(message) {}

  const SourcePosition& where() const { return where_; }
  const std::string& field() const { return field_; }
  const std::string& problem() const { return problem_; }
  const std::string& expected() const { return expected_; }

 private:
  SourcePosition where_;
  std::string field_;
  std::string problem_;
  std::string expected_;
};

/// An output that could not be written: a file (path() names it; empty for standard output), or a
/// results database that refuses to store (disk full, read-only, locked). Exit code 3.
class OutputError : public Error {
 public:
  OutputError(std::string path, const std::string& message) : Error(message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Not enough memory (or another resource of the machine) to finish: what() names the file or the
/// work that needed it ("big.json: error: not enough memory to read the file (...)"). Exit code 4.
class ResourceError : public Error {
 public:
  using Error::Error;
};

/// Work stopped by the user (Ctrl-C) after keeping what was finished; what() says how to go on.
/// Exit code 130.
class Interrupted : public Error {
 public:
  using Error::Error;
};

/// Formats "file:line:column: error: field 'f': problem; expected e" (parts that are unknown are
/// left out; with no file, "error: field 'f': ...").
std::string format_input_error(const SourcePosition& where, const std::string& field, const std::string& problem,
                               const std::string& expected);

}  // namespace parley
