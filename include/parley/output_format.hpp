// The formats parley writes its results in, and reading one from a --format option. The writers
// themselves are in parley/output.hpp (the report layer).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace parley {

enum class OutputFormat { table, json, csv };

/// "table", "json" or "csv".
const char* to_string(OutputFormat format);
std::optional<OutputFormat> output_format_from_string(const std::string& text);

/// The format `text` names when it is one of `accepted`. Otherwise throws InputError naming
/// "--format", with what it got and the accepted names in the order given ("table, json or csv").
OutputFormat parse_output_format(const std::string& text, const std::vector<OutputFormat>& accepted);

}  // namespace parley
