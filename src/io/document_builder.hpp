// Builds a Document node by node, in the order of the file, for the YAML and JSON parsers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/document.hpp"

namespace parley::io {

/// A YAML plain scalar as a number: decimal, or .inf/.nan forms; false (with `out` unspecified)
/// when it is not one. Too large is infinite, too small is zero.
bool parse_yaml_number(std::string_view text, double& out);

/// Refuses (InputError naming `file`) a document longer than kMaxDocumentBytes.
void check_document_size(std::size_t bytes, const std::string& file);

class DocumentBuilder {
 public:
  /// JSON: positions are byte offsets into `source` (line and column are counted when asked).
  /// YAML: positions are a line and a column, and all text goes to the pool.
  enum class Positions { offsets, lines };
  DocumentBuilder(std::string_view source, Positions positions);

  /// Where the next node goes: the root, the next item of the innermost open sequence, or the
  /// next key or value of the innermost open mapping.
  struct At {
    std::uint32_t position = 0;  // a byte offset, or a line
    std::uint32_t column = 0;    // YAML only
  };

  /// A scalar with no text of its own (JSON booleans, nulls; `number` is its value).
  void add(Node::Type type, At at, double number = 0);
  /// A JSON number: its text is read from the source at its position.
  void add_number_token(At at, double number);
  /// A JSON string without escapes, `length` bytes from `offset` in the source.
  void add_source_text(At at, std::uint32_t offset, std::uint32_t length);
  /// A scalar whose text is copied to the pool (YAML scalars, with `plain` and the type they
  /// resolve to; escaped JSON strings). A YAML number or boolean keeps only its text.
  void add_text(Node::Type type, At at, std::string_view text, bool plain = false);

  void open(Node::Type type, At at);
  void close();
  /// Containers open now.
  std::size_t depth() const { return open_.size(); }

  Document finish();

 private:
  struct Item {
    std::uint64_t payload;
    std::uint32_t position, column;
    std::uint8_t kind;
  };
  void push(std::uint8_t kind, At at, std::uint64_t payload);
  std::uint32_t pooled(std::string_view text);
  void store(const Item& item);

  Document document_;
  std::vector<Item> pending_;      // nodes whose container is still open, in order
  std::vector<std::size_t> open_;  // where each open container's children start in pending_
  std::unordered_map<std::string_view, std::uint32_t> interned_;
};

}  // namespace parley::io
