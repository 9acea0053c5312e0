// A parsed YAML or JSON document: a tree of nodes, each knowing its line and column, so that
// every later check can point at the exact place in the file.
#pragma once

#include <string>
#include <vector>

#include "parley/error.hpp"

namespace parley::io {

struct Node {
  enum class Type { null, boolean, number, string, sequence, mapping };
  Type type = Type::null;
  /// Plain (unquoted) YAML scalars still need resolving: "40" is a number, "true" a boolean.
  /// JSON numbers arrive as Type::number with `number` set.
  bool plain = false;
  int line = 0, column = 0;
  double number = 0;
  std::string text;  // scalar text (strings, and numbers as written)
  /// Sequence items; for mappings key, value, key, value, ... (keys are string nodes).
  std::vector<Node> children;

  bool is_scalar() const { return type != Type::sequence && type != Type::mapping; }
  std::size_t mapping_size() const { return children.size() / 2; }
  const Node& key(std::size_t k) const { return children[2 * k]; }
  const Node& value(std::size_t k) const { return children[2 * k + 1]; }
};

/// Name of a node type for messages ("a mapping", "a string", ...).
const char* describe(const Node& node);

/// Nesting limit for both parsers: deeper documents are rejected, not recursed into.
inline constexpr int kMaxDepth = 64;

/// Parses YAML (libyaml) or JSON (simdjson). Throws InputError with line and column on malformed
/// input, an empty document, more than one document, aliases, or nesting deeper than kMaxDepth.
Node parse_yaml(const std::string& content, const std::string& file);
Node parse_json(const std::string& content, const std::string& file);

/// Line and column (1-based) of byte `offset` in `content`.
SourcePosition position_of(const std::string& content, std::size_t offset, const std::string& file);

}  // namespace parley::io
