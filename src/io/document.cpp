#include "io/document.hpp"

namespace parley::io {

const char* describe(const Node& node) {
  switch (node.type) {
    case Node::Type::null:
      return "null";
    case Node::Type::boolean:
      return "a boolean";
    case Node::Type::number:
      return "a number";
    case Node::Type::string:
      return node.plain ? "a plain scalar" : "a string";
    case Node::Type::sequence:
      return "a list";
    case Node::Type::mapping:
      return "a mapping";
  }
  return "?";
}

SourcePosition position_of(const std::string& content, std::size_t offset, const std::string& file) {
  SourcePosition pos{file, 1, 1};
  if (offset > content.size()) offset = content.size();
  for (std::size_t k = 0; k < offset; ++k) {
    if (content[k] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace parley::io
