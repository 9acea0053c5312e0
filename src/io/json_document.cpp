// JSON -> Document through simdjson's On-Demand API. Positions are each token's byte offset in
// the input; line and column are counted only when a message needs them. Strings without escapes
// and numbers keep no copy: their text is read from the input.
#include <simdjson.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "io/document_builder.hpp"

namespace parley::io {

namespace {

namespace od = simdjson::ondemand;
using At = DocumentBuilder::At;

static_assert(kParsePadding >= simdjson::SIMDJSON_PADDING);

/// A well-formed JSON number too large for a double.
bool overflows(std::string_view text) {
  if (text.empty()) return false;
  const std::string copy(text);
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && errno == ERANGE && std::isinf(x);
}

/// Offset of the opening quote of a string that is never closed, or of the end of input.
std::size_t unclosed_string_offset(std::string_view content) {
  bool in_string = false;
  std::size_t open = content.size();
  for (std::size_t k = 0; k < content.size(); ++k) {
    if (in_string && content[k] == '\\') {
      ++k;
    } else if (content[k] == '"') {
      in_string = !in_string;
      if (in_string) open = k;
    }
  }
  return in_string ? open : content.size();
}

class Builder {
 public:
  Builder(std::string_view source, const char* base, const od::parser& parser, const std::string& file)
      : source_(source), base_(base), parser_(parser), file_(file), document_(source, DocumentBuilder::Positions::offsets) {}

  void value(od::value v, int depth) {
    const At at = place(v.raw_json_token().data());
    if (depth > kMaxDepth) fail(at, "nesting deeper than " + std::to_string(kMaxDepth) + " levels", "a flatter document");
    switch (v.type()) {
      case od::json_type::object:
        object(v.get_object(), at, depth);
        break;
      case od::json_type::array:
        array(v.get_array(), at, depth);
        break;
      case od::json_type::number:
        number(v, at);
        break;
      case od::json_type::string:
        string(at, v.get_raw_json_string());
        break;
      case od::json_type::boolean:
        document_.add(Node::Type::boolean, at, bool(v.get_bool()) ? 1 : 0);
        break;
      case od::json_type::null:
        if (!v.is_null()) fail(at, "an invalid literal", "true, false, null, a number, a string, a list or an object");
        document_.add(Node::Type::null, at);
        break;
    }
  }

  void object(od::object obj, At at, int depth) {
    document_.open(Node::Type::mapping, at);
    for (auto field_result : obj) {
      od::field field;
      if (auto error = std::move(field_result).get(field)) throw simdjson::simdjson_error(error);
      const od::raw_json_string key = field.key();
      string(place(key.raw() - 1), key);
      value(field.value(), depth + 1);
    }
    document_.close();
  }

  void array(od::array arr, At at, int depth) {
    document_.open(Node::Type::sequence, at);
    for (auto item : arr) value(item.value(), depth + 1);
    document_.close();
  }

  /// A string (or key) whose text starts at `raw`, just after its opening quote: kept as a place
  /// in the input when it has no escapes, else unescaped into the document's pool.
  void string(At at, od::raw_json_string raw) {
    const char* begin = raw.raw();
    const char* end = begin;
    while (*end != '"' && *end != '\\') ++end;  // the input is padded and every string is closed
    if (*end == '"') return document_.add_source_text(at, offset(begin), static_cast<std::uint32_t>(end - begin));
    while (*end != '"') end += *end == '\\' ? 2 : 1;
    scratch_.resize(static_cast<std::size_t>(end - begin) + simdjson::SIMDJSON_PADDING);
    std::uint8_t* out = scratch_.data();
    std::string_view text;
    if (auto error = parser_.unescape(raw, out).get(text)) throw simdjson::simdjson_error(error);
    document_.add_text(Node::Type::string, at, text);
  }

  void number(od::value v, At at) {
    double x;
    auto error = v.get_double().get(x);
    if (error == simdjson::NUMBER_ERROR) {
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t')) raw.remove_suffix(1);
      // simdjson rejects numbers that overflow a double: keep them as infinite, so the reader
      // reports them with their field.
      if (overflows(raw)) return document_.add_number_token(at, raw[0] == '-' ? -HUGE_VAL : HUGE_VAL);
    }
    if (error) throw simdjson::simdjson_error(error);
    document_.add_number_token(at, x);
  }

  /// The position of the byte at `at` in the input.
  At place(const char* at) const { return {offset(at), 0}; }

  std::uint32_t offset(const char* at) const {
    const auto k = static_cast<std::size_t>(at - base_);
    return static_cast<std::uint32_t>(k > source_.size() ? source_.size() : k);
  }

  [[noreturn]] void fail(At at, std::string problem, std::string expected) const {
    throw InputError(position_of(source_, at.position, file_), "", std::move(problem), std::move(expected));
  }

  DocumentBuilder& document() { return document_; }

 private:
  std::string_view source_;
  const char* base_;
  const od::parser& parser_;
  const std::string& file_;
  DocumentBuilder document_;
  std::vector<std::uint8_t> scratch_;
};

bool blank(std::string_view content) { return content.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/// `content` without a UTF-8 byte order mark.
std::string_view without_bom(const std::string& content) {
  std::string_view text(content);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

}  // namespace

Document parse_json(const std::string& content, const std::string& file) {
  check_document_size(content.size(), file);
  const std::string_view source = without_bom(content);
  if (blank(source)) throw InputError({file, 0, 0}, "", "the file is empty", "a scenario");
  // In place when the string has room for simdjson's padding; else from a padded copy.
  std::optional<simdjson::padded_string> copy;
  simdjson::padded_string_view buffer;
  if (content.capacity() - content.size() >= simdjson::SIMDJSON_PADDING) {
    buffer = simdjson::padded_string_view(source.data(), source.size(), source.size() + content.capacity() - content.size());
  } else {
    copy.emplace(source);
    buffer = *copy;
  }
  od::parser parser;
  od::document doc;
  Builder builder(source, buffer.data(), parser, file);
  if (auto error = parser.iterate(buffer).get(doc)) {
    if (error == simdjson::MEMALLOC) throw std::bad_alloc();
    // Errors of the first pass (unclosed strings, invalid UTF-8, ...) have no position of their own.
    const std::size_t at = error == simdjson::UNCLOSED_STRING ? unclosed_string_offset(source) : 0;
    throw InputError(position_of(source, at, file), "", std::string("malformed JSON: ") + simdjson::error_message(error),
                     "well-formed JSON");
  }
  try {
    od::json_type type = doc.type();
    if (type == od::json_type::object || type == od::json_type::array) {
      od::value v = doc.get_value();
      builder.value(v, 0);
    } else {
      // A scalar document: its position is the start of the text.
      Node::Type scalar = Node::Type::string;
      if (type == od::json_type::number) scalar = Node::Type::number;
      if (type == od::json_type::null) scalar = Node::Type::null;
      builder.document().add(scalar, {0, 0});
    }
    const char* here = nullptr;
    if (doc.current_location().get(here) == simdjson::SUCCESS && here)
      builder.fail(builder.place(here), "text after the end of the JSON value", "a single JSON value");
  } catch (const simdjson::simdjson_error& e) {
    const char* here = nullptr;
    if (doc.current_location().get(here) != simdjson::SUCCESS || !here) here = buffer.data() + source.size();
    throw InputError(position_of(source, builder.place(here).position, file), "",
                     std::string("malformed JSON: ") + simdjson::error_message(e.error()), "well-formed JSON");
  }
  return builder.document().finish();
}

}  // namespace parley::io
