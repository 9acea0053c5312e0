// JSON -> Node through simdjson's On-Demand API. Positions come from each token's place in the
// input buffer; tokens are visited in order, so line counting is one forward pass.
#include <simdjson.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "io/document.hpp"

namespace parley::io {

namespace {

namespace od = simdjson::ondemand;

/// A well-formed JSON number too large for a double.
bool overflows(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && errno == ERANGE && std::isinf(x);
}

/// Offset of the opening quote of a string that is never closed, or of the end of input.
std::size_t unclosed_string_offset(const std::string& content) {
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
  Builder(const std::string& content, const simdjson::padded_string& buffer, const std::string& file)
      : content_(content), base_(buffer.data()), file_(file) {}

  void value(od::value v, Node& out, int depth) {
    place(v.raw_json_token().data(), out);
    if (depth > kMaxDepth) fail(out, "nesting deeper than " + std::to_string(kMaxDepth) + " levels", "a flatter document");
    switch (v.type()) {
      case od::json_type::object:
        object(v.get_object(), out, depth);
        break;
      case od::json_type::array:
        array(v.get_array(), out, depth);
        break;
      case od::json_type::number:
        number(v, out);
        break;
      case od::json_type::string:
        out.type = Node::Type::string;
        out.text = std::string_view(v.get_string());
        break;
      case od::json_type::boolean:
        out.type = Node::Type::boolean;
        out.number = bool(v.get_bool()) ? 1 : 0;
        break;
      case od::json_type::null:
        if (!v.is_null()) fail(out, "an invalid literal", "true, false, null, a number, a string, a list or an object");
        out.type = Node::Type::null;
        break;
    }
  }

  void object(od::object obj, Node& out, int depth) {
    out.type = Node::Type::mapping;
    for (auto field_result : obj) {
      od::field field;
      if (auto error = std::move(field_result).get(field)) throw simdjson::simdjson_error(error);
      out.children.emplace_back();
      Node& key = out.children.back();
      place(field.key().raw() - 1, key);
      key.type = Node::Type::string;
      key.text = std::string_view(field.unescaped_key());
      out.children.emplace_back();
      value(field.value(), out.children.back(), depth + 1);
    }
  }

  void array(od::array arr, Node& out, int depth) {
    out.type = Node::Type::sequence;
    for (auto item : arr) {
      out.children.emplace_back();
      value(item.value(), out.children.back(), depth + 1);
    }
  }

  void number(od::value v, Node& out) {
    out.type = Node::Type::number;
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t')) raw.remove_suffix(1);
    out.text = raw;
    double x;
    auto error = v.get_double().get(x);
    if (error == simdjson::NUMBER_ERROR && overflows(out.text)) {
      // simdjson rejects numbers that overflow a double: keep them as infinite, so the reader
      // reports them with their field.
      out.number = out.text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
      return;
    }
    if (error) throw simdjson::simdjson_error(error);
    out.number = x;
  }

  /// Records the position of the byte at `at` (monotonic: each call is at or after the last).
  void place(const char* at, Node& node) {
    std::size_t offset = static_cast<std::size_t>(at - base_);
    if (offset > content_.size()) offset = content_.size();
    if (offset < offset_) rewind();
    for (; offset_ < offset; ++offset_) {
      if (content_[offset_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
    node.line = line_;
    node.column = column_;
  }

  [[noreturn]] void fail(const Node& at, std::string problem, std::string expected) {
    throw InputError({file_, at.line, at.column}, "", std::move(problem), std::move(expected));
  }

 private:
  void rewind() { offset_ = 0, line_ = 1, column_ = 1; }

  const std::string& content_;
  const char* base_;
  const std::string& file_;
  std::size_t offset_ = 0;
  int line_ = 1, column_ = 1;
};

bool blank(const std::string& content) { return content.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Node parse_json(const std::string& content, const std::string& file) {
  if (blank(content)) throw InputError({file, 0, 0}, "", "the file is empty", "a scenario");
  simdjson::padded_string buffer(content);
  od::parser parser;
  od::document doc;
  Node root;
  Builder builder(content, buffer, file);
  if (auto error = parser.iterate(buffer).get(doc)) {
    // Errors of the first pass (unclosed strings, invalid UTF-8, ...) have no position of their own.
    const std::size_t at = error == simdjson::UNCLOSED_STRING ? unclosed_string_offset(content) : 0;
    throw InputError(position_of(content, at, file), "", std::string("malformed JSON: ") + simdjson::error_message(error),
                     "well-formed JSON");
  }
  try {
    od::json_type type = doc.type();
    if (type == od::json_type::object || type == od::json_type::array) {
      od::value v = doc.get_value();
      builder.value(v, root, 0);
    } else {
      // A scalar document: its position is the start of the text.
      root.line = 1;
      root.column = 1;
      root.type = Node::Type::string;
      if (type == od::json_type::number) root.type = Node::Type::number;
      if (type == od::json_type::null) root.type = Node::Type::null;
    }
    const char* here = nullptr;
    if (doc.current_location().get(here) == simdjson::SUCCESS && here) {
      Node at;
      builder.place(here, at);
      builder.fail(at, "text after the end of the JSON value", "a single JSON value");
    }
  } catch (const simdjson::simdjson_error& e) {
    Node at;
    const char* here = nullptr;
    if (doc.current_location().get(here) == simdjson::SUCCESS && here) {
      builder.place(here, at);
    } else {
      builder.place(buffer.data() + content.size(), at);
    }
    throw InputError({file, at.line, at.column}, "", std::string("malformed JSON: ") + simdjson::error_message(e.error()),
                     "well-formed JSON");
  }
  return root;
}

}  // namespace parley::io
