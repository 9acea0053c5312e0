// A parsed YAML or JSON document: a tree of nodes, each knowing its line and column, so that
// every later check can point at the exact place in the file.
//
// Memory: a Document holds its nodes as compact records (a kind byte, a 4-byte position, an 8-byte
// payload; YAML adds a 4-byte column) in fixed-size blocks, never copied as they grow. A node's
// children sit next to each other, so a container needs only the index of its first child and
// their count. JSON strings without escapes and JSON numbers are not copied: their text is read
// from the source, which must outlive the Document; other text (YAML scalars, escaped JSON
// strings) is kept once in a pool, short repeated YAML scalars ("position", "0.5") only once. A
// Node is a small handle (the Document and an index), passed by value; it is valid while its
// Document lives.
#pragma once

#include <bit>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/error.hpp"

namespace parley::io {

class Document;

/// A line and column (1-based; 0 when not known).
struct Place {
  int line = 0, column = 0;
};

class Node {
 public:
  enum class Type : std::uint8_t { null, boolean, number, string, sequence, mapping };

  Type type() const;
  /// Plain (unquoted) YAML scalars are resolved: "40" is a number, "true" a boolean; plain() says
  /// the scalar was written without quotes.
  bool plain() const;
  Place place() const;
  int line() const { return place().line; }
  int column() const { return place().column; }
  /// The value of a number (a boolean: 1 or 0); 0 for anything else.
  double number() const;
  /// Scalar text as written (strings unescaped, numbers as written); empty for JSON booleans and
  /// nulls and for containers.
  std::string_view text() const;
  /// Items of a sequence; for mappings keys and values (key, value, key, value, ...).
  std::size_t size() const;
  Node child(std::size_t k) const;

  bool is_scalar() const { return type() != Type::sequence && type() != Type::mapping; }
  std::size_t mapping_size() const { return size() / 2; }
  Node key(std::size_t k) const { return child(2 * k); }
  Node value(std::size_t k) const { return child(2 * k + 1); }

 private:
  friend class Document;
  Node(const Document& document, std::uint32_t index) : document_(&document), index_(index) {}

  const Document* document_;
  std::uint32_t index_;
};

namespace detail {

/// An append-only array in blocks of 2^16 elements: growing never copies, and memory not yet
/// used is not touched.
template <typename T>
class Blocks {
 public:
  static constexpr unsigned kShift = 16;
  static constexpr std::size_t kMask = (std::size_t{1} << kShift) - 1;

  void push_back(T value) {
    if ((size_ & kMask) == 0) blocks_.push_back(std::make_unique_for_overwrite<T[]>(kMask + 1));
    blocks_.back()[size_ & kMask] = value;
    ++size_;
  }
  T operator[](std::size_t k) const { return blocks_[k >> kShift][k & kMask]; }
  T& operator[](std::size_t k) { return blocks_[k >> kShift][k & kMask]; }
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return blocks_.size() * (kMask + 1) * sizeof(T); }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

/// Text kept once: blocks of 1 MiB addressed by a 32-bit offset (a longer text gets blocks of its
/// own). add() throws std::bad_alloc when the offsets run out (after about 2 GiB of text).
class TextPool {
 public:
  std::uint32_t add(std::string_view text);
  std::string_view view(std::uint32_t offset, std::uint32_t length) const {
    if (length == 0) return {};
    return {slots_[offset >> kShift] + (offset & kMask), length};
  }
  std::size_t bytes() const { return bytes_; }

 private:
  static constexpr unsigned kShift = 20;
  static constexpr std::uint32_t kMask = (std::uint32_t{1} << kShift) - 1;

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<char*> slots_;  // the start of each 1 MiB of offsets
  std::uint64_t next_ = 0;    // the next free offset
  std::size_t bytes_ = 0;
};

}  // namespace detail

/// The nodes of one parsed file; root() is the top-level node.
class Document {
 public:
  Node root() const { return Node(*this, root_); }
  std::size_t node_count() const { return kind_.size(); }
  /// Bytes held by the nodes and the text pool (not the source).
  std::size_t memory_bytes() const { return kind_.bytes() + position_.bytes() + column_.bytes() + payload_.bytes() + pool_.bytes(); }

 private:
  friend class Node;
  friend class DocumentBuilder;

  // kind_ bits: the Node::Type (3 bits), plain (bit 3), where the text is (bits 4-5).
  enum Text : std::uint8_t { no_text = 0, source_text = 1, pool_text = 2, number_token = 3 };
  static constexpr std::uint8_t kPlain = 8;
  static Text text_of(std::uint8_t kind) { return static_cast<Text>(kind >> 4); }

  std::string_view source_;
  bool offsets_ = true;  // position_ is a byte offset into source_ (JSON), or a line (YAML)
  detail::Blocks<std::uint8_t> kind_;
  detail::Blocks<std::uint32_t> position_;
  detail::Blocks<std::uint32_t> column_;   // YAML only
  detail::Blocks<std::uint64_t> payload_;  // a double, text (offset << 32 | length), or children (first << 32 | count)
  detail::TextPool pool_;
  std::uint32_t root_ = 0;
};

inline Node::Type Node::type() const { return static_cast<Type>(document_->kind_[index_] & 7); }
inline bool Node::plain() const { return (document_->kind_[index_] & Document::kPlain) != 0; }
inline std::size_t Node::size() const { return is_scalar() ? 0 : static_cast<std::uint32_t>(document_->payload_[index_]); }
inline Node Node::child(std::size_t k) const {
  return Node(*document_, static_cast<std::uint32_t>((document_->payload_[index_] >> 32) + k));
}

/// Name of a node type for messages ("a mapping", "a string", ...).
const char* describe(const Node& node);

/// Nesting limit for both parsers: deeper documents are rejected, not recursed into.
inline constexpr int kMaxDepth = 64;

/// Largest document the parsers take (positions and text are 32-bit offsets): 4 GiB less 1 MiB.
inline constexpr std::size_t kMaxDocumentBytes = (std::size_t{1} << 32) - (std::size_t{1} << 20);

/// Parses YAML (libyaml) or JSON (simdjson). Throws InputError with line and column on malformed
/// input, an empty document, more than one document, aliases, or nesting deeper than kMaxDepth;
/// std::bad_alloc when memory runs out. A UTF-8 byte order mark at the start is skipped (line 1,
/// column 1 is the character after it). A JSON Document refers to `content`, which must outlive
/// it (hence no temporaries); JSON is parsed in place when `content` has SIMDJSON_PADDING bytes of
/// spare capacity (see kParsePadding), else from a padded copy.
Document parse_yaml(const std::string& content, const std::string& file);
Document parse_json(const std::string& content, const std::string& file);
Document parse_json(std::string&& content, const std::string& file) = delete;

/// Spare capacity that lets parse_json read a string in place (simdjson reads a little past the end).
inline constexpr std::size_t kParsePadding = 64;

/// Line and column (1-based) of byte `offset` in `content`.
SourcePosition position_of(std::string_view content, std::size_t offset, const std::string& file);

}  // namespace parley::io
