// Reading scenarios and writing forecasts.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "parley/forecast.hpp"
#include "parley/scenario.hpp"

namespace parley {

enum class InputFormat { automatic, yaml, json, ktab_csv, ktab_xml, deu };
const char* to_string(InputFormat format);
std::optional<InputFormat> input_format_from_string(const std::string& text);

/// How DEU III capabilities are set: all equal to 1, or the GDP proxy of the table's second row.
enum class DeuCapability { equal, gdp };

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  DeuCapability deu_capability = DeuCapability::equal;
};

/// Recognises the format from the content (JSON object, DEU III header, KTAB CSV header, else
/// YAML).
InputFormat detect_format(const std::string& content);

/// Reads and validates a scenario from a file. Throws InputError (with file, line, column, field
/// and what was expected) on any problem.
Scenario read_scenario_file(const std::string& path, const ReadOptions& options = {});
/// The same from text; `name` is used as the file name in messages.
Scenario read_scenario_text(const std::string& content, const std::string& name,
                            const ReadOptions& options = {});

enum class OutputFormat { table, json, csv };
std::optional<OutputFormat> output_format_from_string(const std::string& text);

/// The version of the JSON forecast schema (docs/json-output.md).
inline constexpr const char* kForecastSchema = "parley.forecast/1";

/// Writes a forecast for `scenario` in the given format.
void write_forecast(std::ostream& out, const Scenario& scenario, const Forecast& forecast,
                    OutputFormat format);

/// The version of the JSON trace schema written by `parley run --trace` (docs/json-output.md).
inline constexpr const char* kTraceSchema = "parley.trace/1";
/// The schema of the trace of a model that moves all issues together (smp): one line per turn.
inline constexpr const char* kSpatialTraceSchema = "parley.spatial-trace/1";

/// Writes the round-by-round detail of a forecast with rounds (risk exponents, expected
/// utilities where recorded, accepted offers, positions, median and mean), keyed by actor id.
void write_trace(std::ostream& out, const Scenario& scenario, const Forecast& forecast);

/// Writes `content` to `path` atomically: to a temporary file beside it, then renamed, so a
/// failure never leaves a partial file. Throws OutputError (exit code 3) on failure.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace parley
