// Errors that parley reports to its user.
#pragma once

#include <stdexcept>
#include <string>

namespace parley {

/// Where something sits in an input file. Lines and columns count from 1;
/// 0 means "not known" (for example a whole-file problem such as an empty file).
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Bad input: a file that cannot be read, parsed or validated, or a bad option.
/// Every InputError names where (file, line, column), which field, what was
/// found and what was expected. The CLI turns it into exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourcePosition where, std::string field, std::string problem, std::string expected);

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

/// Formats "file:line:column: error: field 'f': problem; expected e" (parts that are unknown are
/// left out; with no file, "error: field 'f': ...").
std::string format_input_error(const SourcePosition& where, const std::string& field,
                               const std::string& problem, const std::string& expected);

}  // namespace parley
