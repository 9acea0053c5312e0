#include "parley/error.hpp"

#include <fmt/format.h>

#include <utility>

namespace parley {

std::string format_input_error(const SourcePosition& where, const std::string& field, const std::string& problem,
                               const std::string& expected) {
  // Problems with neither file nor line (a command-line option, a scenario built in code) have
  // no location; text with no file name is "<input>".
  std::string out = where.file.empty() && where.line > 0 ? "<input>" : where.file;
  if (where.line > 0) {
    out += fmt::format(":{}", where.line);
    if (where.column > 0) out += fmt::format(":{}", where.column);
  }
  out += out.empty() ? "error: " : ": error: ";
  if (!field.empty()) out += fmt::format("field '{}': ", field);
  out += problem;
  if (!expected.empty()) out += fmt::format("; expected {}", expected);
  return out;
}

InputError::InputError(SourcePosition where, std::string field, std::string problem, std::string expected)
    : Error(format_input_error(where, field, problem, expected)),
      where_(std::move(where)),
      field_(std::move(field)),
      problem_(std::move(problem)),
      expected_(std::move(expected)) {}

}  // namespace parley
