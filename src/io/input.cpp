// Reading any supported input: detection from content, then the matching reader, then validate().
#include <cctype>
#include <new>

#include "io/document.hpp"
#include "io/importers.hpp"
#include "io/input_file.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_check.hpp"
#include "parley/io.hpp"

namespace parley {

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::automatic:
      return "auto";
    case InputFormat::yaml:
      return "yaml";
    case InputFormat::json:
      return "json";
    case InputFormat::ktab_csv:
      return "ktab-csv";
    case InputFormat::ktab_xml:
      return "ktab-xml";
    case InputFormat::deu:
      return "deu";
    case InputFormat::decide:
      return "decide";
  }
  return "?";
}

std::optional<InputFormat> input_format_from_string(const std::string& text) {
  for (InputFormat f : {InputFormat::automatic, InputFormat::yaml, InputFormat::json, InputFormat::ktab_csv, InputFormat::ktab_xml,
                        InputFormat::deu, InputFormat::decide})
    if (text == to_string(f)) return f;
  return std::nullopt;
}

const char* to_string(DeuCapability capability) {
  switch (capability) {
    case DeuCapability::equal:
      return "equal";
    case DeuCapability::gdp:
      return "gdp";
    case DeuCapability::council:
      return "council";
  }
  return "?";
}

std::optional<DeuCapability> deu_capability_from_string(const std::string& text) {
  for (DeuCapability c : {DeuCapability::equal, DeuCapability::gdp, DeuCapability::council})
    if (text == to_string(c)) return c;
  return std::nullopt;
}

InputFormat detect_format(const std::string& content) {
  std::size_t k = 0;
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) k = 3;  // UTF-8 byte order mark
  while (k < content.size() && std::isspace(static_cast<unsigned char>(content[k]))) ++k;
  if (k < content.size() && (content[k] == '{' || content[k] == '[')) return InputFormat::json;
  if (io::looks_like_xml(content)) return InputFormat::ktab_xml;
  if (io::looks_like_deu(content)) return InputFormat::deu;
  if (io::looks_like_ktab_csv(content)) return InputFormat::ktab_csv;
  if (io::looks_like_decide(content)) return InputFormat::decide;
  return InputFormat::yaml;
}

namespace {

[[noreturn]] void out_of_memory(const std::string& name, std::size_t bytes) {
  throw ResourceError(name + ": error: not enough memory to read the file" + (bytes ? " (" + std::to_string(bytes) + " bytes)" : ""));
}

Scenario read_scenario(const std::string& content, const std::string& name, const ReadOptions& options) {
  io::check_text(content, name);
  const InputFormat format = options.format == InputFormat::automatic ? detect_format(content) : options.format;
  Scenario s;
  switch (format) {
    case InputFormat::json:
      s = io::read_scenario_document(io::parse_json(content, name).root(), name);
      break;
    case InputFormat::ktab_csv:
      s = io::read_ktab_csv(content, name);
      break;
    case InputFormat::ktab_xml:
      s = io::read_ktab_xml(content, name);
      break;
    case InputFormat::deu:
      s = io::read_deu_table(content, name, options.deu_capability);
      break;
    case InputFormat::decide:
      s = io::read_decide(content, name);
      break;
    case InputFormat::yaml:
    case InputFormat::automatic:
      s = io::read_scenario_document(io::parse_yaml(content, name).root(), name);
      break;
  }
  try {
    validate(s);
  } catch (const InputError& e) {
    throw InputError({name, 0, 0}, e.field(), e.problem(), e.expected());
  }
  return s;
}

}  // namespace

Scenario read_scenario_text(const std::string& content, const std::string& name, const ReadOptions& options) {
  try {
    return read_scenario(content, name, options);
  } catch (const std::bad_alloc&) {
    out_of_memory(name, content.size());
  }
}

std::string read_input_file(const std::string& path) { return io::read_input_bytes(path, kMaxInputBytes); }

Scenario read_scenario_file(const std::string& path, const ReadOptions& options) {
  std::string content;
  try {
    content = read_input_file(path);
  } catch (const std::bad_alloc&) {
    out_of_memory(path, 0);
  }
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError({path, 0, 0}, "", "the file is empty", "a scenario");
  return read_scenario_text(content, path, options);
}

}  // namespace parley
