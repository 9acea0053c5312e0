// Reading scenarios, and writing files atomically. The writers of forecasts and every other result
// are in parley/output.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "parley/output_format.hpp"  // the formats parley writes (the writers: parley/output.hpp)
#include "parley/scenario.hpp"

namespace parley {

enum class InputFormat { automatic, yaml, json, ktab_csv, ktab_xml, deu, decide };
const char* to_string(InputFormat format);
std::optional<InputFormat> input_format_from_string(const std::string& text);

/// How DEU III capabilities are set: all equal to 1; the GDP proxy of the table's second row; or,
/// issue by issue, the member states' Council votes of the treaty era the proposal was introduced
/// in, relative to the mean of the states taking part, with the Commission and the Parliament at 1
/// (docs/importers.md).
enum class DeuCapability { equal, gdp, council };
/// Parses "equal", "gdp" or "council"; std::nullopt for anything else.
std::optional<DeuCapability> deu_capability_from_string(const std::string& text);
/// Its name, as the option is written.
const char* to_string(DeuCapability capability);

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  DeuCapability deu_capability = DeuCapability::equal;
};

/// Recognises the format from the content (JSON object, KTAB XML, DEU III header, KTAB CSV header,
/// Decide records, else YAML).
InputFormat detect_format(const std::string& content);

/// The largest input parley reads: 256 MiB (docs/cli.md).
inline constexpr std::uint64_t kMaxInputBytes = std::uint64_t{256} << 20;

/// The bytes of an input file, read whole: a regular file of at most kMaxInputBytes (refused from
/// its size before reading), or a pipe (a FIFO, `<(...)`) that has a writer when it is opened and
/// ends within kMaxInputBytes. Anything else (a directory, a device such as /dev/zero, a FIFO that
/// nothing writes to) is refused without waiting. Throws InputError naming the file.
std::string read_input_file(const std::string& path);

/// Reads and validates a scenario from a file (read_input_file, then read_scenario_text). Throws
/// InputError (with file, line, column, field and what was expected) on any problem.
Scenario read_scenario_file(const std::string& path, const ReadOptions& options = {});
/// The same from text; `name` is used as the file name in messages. The text must be UTF-8 with
/// no control characters but tab and line breaks: anything else is refused at its line and column
/// before any reader sees it.
Scenario read_scenario_text(const std::string& content, const std::string& name, const ReadOptions& options = {});

/// A scenario as a parley format v1 document (docs/scenario-format.md, "Writing scenarios"), in
/// JSON: indented by `indent` spaces and ending in a line break, or (indent < 0) compact on one
/// line without one. Lossless: read_scenario_text() of the result gives a scenario equal to `s` in
/// every field but Scenario::model_option_origins (which then point into the written text), with
/// citations renumbered but citing the same references with the same notes; numbers are written
/// in their shortest form that reads back bit for bit. Deterministic: the same scenario gives the
/// same bytes. `s` must be valid (validate()): every index in range, every number finite.
std::string scenario_to_json(const Scenario& s, int indent = 2);
/// The same document as YAML, block style, every string double-quoted (so that "yes", "1.0",
/// "null" or "# note" stay text); as lossless and deterministic as scenario_to_json().
std::string scenario_to_yaml(const Scenario& s);

/// Writes `content` to `path`. A regular file (new or existing) is written atomically: to a
/// temporary file with a short name in the same folder, flushed to disk, then renamed over it, so a
/// failure never leaves a partial file; an existing file keeps its permissions. A symbolic link is
/// followed and the file it names replaced, so the link stays. What exists and is no regular file (a
/// device such as /dev/null, a FIFO, /dev/stdout) is opened and written as it is, never replaced.
/// Throws OutputError (exit code 3) on failure.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace parley
