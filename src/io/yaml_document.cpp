// YAML -> Node through libyaml's event parser (fast, and every event carries its position).
#include <yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <memory>

#include "io/document.hpp"

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

bool parse_number(const std::string& text, double& out) {
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
    const bool underflow = e != std::string::npos && e + 1 < text.size() && text[e + 1] == '-';
    out = underflow ? 0.0 : (text[0] == '-' ? -1 : 1) * std::numeric_limits<double>::infinity();
    return true;
  }
  return ec == std::errc();
}

void resolve_plain(Node& node) {
  const std::string& t = node.text;
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") {
    node.type = Node::Type::null;
  } else if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE") {
    node.type = Node::Type::boolean;
    node.number = (t[0] == 't' || t[0] == 'T') ? 1 : 0;
  } else if (parse_number(t, node.number)) {
    node.type = Node::Type::number;
  }
}

[[noreturn]] void fail_at(const std::string& file, const yaml_mark_t& mark, std::string problem, std::string expected) {
  throw InputError({file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1}, "", std::move(problem), std::move(expected));
}

}  // namespace

Node parse_yaml(const std::string& content, const std::string& file) {
  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  Node root;
  std::vector<Node*> open;  // containers being filled, innermost last
  int documents = 0;
  bool have_root = false;
  for (;;) {
    Event ev;
    if (!yaml_parser_parse(&p.parser, &ev.event)) {
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
      open.pop_back();
      continue;
    }
    if (e.type != YAML_SCALAR_EVENT && e.type != YAML_SEQUENCE_START_EVENT && e.type != YAML_MAPPING_START_EVENT) continue;
    Node* target;
    if (open.empty()) {
      have_root = true;
      target = &root;
    } else {
      open.back()->children.emplace_back();
      target = &open.back()->children.back();
    }
    target->line = static_cast<int>(e.start_mark.line) + 1;
    target->column = static_cast<int>(e.start_mark.column) + 1;
    if (e.type == YAML_SCALAR_EVENT) {
      target->type = Node::Type::string;
      target->text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
      target->plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      if (target->plain && e.data.scalar.tag == nullptr) resolve_plain(*target);
    } else {
      if (static_cast<int>(open.size()) >= kMaxDepth)
        fail_at(file, e.start_mark, "nesting deeper than " + std::to_string(kMaxDepth) + " levels", "a flatter document");
      target->type = e.type == YAML_MAPPING_START_EVENT ? Node::Type::mapping : Node::Type::sequence;
      open.push_back(target);
    }
  }
  if (!have_root) throw InputError({file, 0, 0}, "", "the file is empty", "a scenario");
  return root;
}

}  // namespace parley::io
