// YAML -> Node through libyaml's event parser (fast, and every event carries its position).
#include <yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <memory>
#include <new>
#include <string_view>

#include "io/document_builder.hpp"

namespace parley::io {

namespace {

struct Parser {
  yaml_parser_t parser;
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event;
  bool live = false;
  ~Event() {
    if (live) yaml_event_delete(&event);
  }
};

/// The type a plain scalar resolves to.
Node::Type resolve_plain(std::string_view t) {
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return Node::Type::null;
  if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE") return Node::Type::boolean;
  double x;
  return parse_yaml_number(t, x) ? Node::Type::number : Node::Type::string;
}

[[noreturn]] void fail_at(const std::string& file, const yaml_mark_t& mark, std::string problem, std::string expected) {
  throw InputError({file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1}, "", std::move(problem), std::move(expected));
}

}  // namespace

bool parse_yaml_number(std::string_view text, double& out) {
  if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf") {
    out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (text == "-.inf" || text == "-.Inf" || text == "-.INF") {
    out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  if (begin == end) return false;
  // from_chars accepts "inf"/"nan"; YAML does not treat those as numbers.
  if (!(std::isdigit(static_cast<unsigned char>(*begin)) || *begin == '-' || *begin == '.')) return false;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ptr != end) return false;
  if (ec == std::errc::result_out_of_range) {
    // Too large (an infinity, which the reader rejects) or too small (underflow to zero)?
    const std::size_t e = text.find_first_of("eE");
    const bool underflow = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
    out = underflow ? 0.0 : (text[0] == '-' ? -1 : 1) * std::numeric_limits<double>::infinity();
    return true;
  }
  return ec == std::errc();
}

Document parse_yaml(const std::string& content, const std::string& file) {
  check_document_size(content.size(), file);
  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  DocumentBuilder builder(content, DocumentBuilder::Positions::lines);
  int documents = 0;
  bool have_root = false;
  for (;;) {
    Event ev;
    if (!yaml_parser_parse(&p.parser, &ev.event)) {
      if (p.parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
      std::string problem = "malformed YAML: ";
      problem += p.parser.problem ? p.parser.problem : "parse error";
      if (p.parser.context) problem += std::string(" (") + p.parser.context + ")";
      fail_at(file, p.parser.problem_mark, problem, "well-formed YAML");
    }
    ev.live = true;
    const yaml_event_t& e = ev.event;
    if (e.type == YAML_STREAM_END_EVENT) break;
    if (e.type == YAML_DOCUMENT_START_EVENT) {
      if (++documents > 1) fail_at(file, e.start_mark, "a second YAML document", "one document per file");
      continue;
    }
    if (e.type == YAML_ALIAS_EVENT) fail_at(file, e.start_mark, "a YAML alias", "no anchors or aliases");
    if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT) {
      builder.close();
      continue;
    }
    if (e.type != YAML_SCALAR_EVENT && e.type != YAML_SEQUENCE_START_EVENT && e.type != YAML_MAPPING_START_EVENT) continue;
    if (builder.depth() == 0) have_root = true;
    const DocumentBuilder::At at{static_cast<std::uint32_t>(e.start_mark.line + 1), static_cast<std::uint32_t>(e.start_mark.column + 1)};
    if (e.type == YAML_SCALAR_EVENT) {
      const std::string_view text(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
      const bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      builder.add_text(plain && e.data.scalar.tag == nullptr ? resolve_plain(text) : Node::Type::string, at, text, plain);
    } else {
      if (static_cast<int>(builder.depth()) >= kMaxDepth)
        fail_at(file, e.start_mark, "nesting deeper than " + std::to_string(kMaxDepth) + " levels", "a flatter document");
      builder.open(e.type == YAML_MAPPING_START_EVENT ? Node::Type::mapping : Node::Type::sequence, at);
    }
  }
  if (!have_root) throw InputError({file, 0, 0}, "", "the file is empty", "a scenario");
  return builder.finish();
}

}  // namespace parley::io
