#include "parley/output_format.hpp"

#include <algorithm>

#include "parley/error.hpp"

namespace parley {

const char* to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::json:
      return "json";
    case OutputFormat::csv:
      return "csv";
    case OutputFormat::table:
      break;
  }
  return "table";
}

std::optional<OutputFormat> output_format_from_string(const std::string& text) {
  if (text == "table") return OutputFormat::table;
  if (text == "json") return OutputFormat::json;
  if (text == "csv") return OutputFormat::csv;
  return std::nullopt;
}

OutputFormat parse_output_format(const std::string& text, const std::vector<OutputFormat>& accepted) {
  const auto format = output_format_from_string(text);
  if (format && std::find(accepted.begin(), accepted.end(), *format) != accepted.end()) return *format;
  std::string names;
  for (std::size_t k = 0; k < accepted.size(); ++k)
    names += (k == 0 ? "" : k + 1 == accepted.size() ? " or " : ", ") + std::string(to_string(accepted[k]));
  throw InputError({}, "--format", "got '" + text + "'", names);
}

}  // namespace parley
