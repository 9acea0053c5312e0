#include "io/document.hpp"

#include <algorithm>
#include <cstring>
#include <new>

#include "io/document_builder.hpp"

namespace parley::io {

namespace {

/// Line and column (1-based, counting bytes) of byte `offset` in `text`.
Place place_of(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  Place at{1, 1};
  std::size_t line_start = 0;
  const char* begin = text.data();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', offset - static_cast<std::size_t>(p - begin))));) {
    ++at.line;
    line_start = static_cast<std::size_t>(++p - begin);
  }
  at.column = static_cast<int>(offset - line_start + 1);
  return at;
}

bool json_number_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}'; }

}  // namespace

const char* describe(const Node& node) {
  switch (node.type()) {
    case Node::Type::null:
      return "null";
    case Node::Type::boolean:
      return "a boolean";
    case Node::Type::number:
      return "a number";
    case Node::Type::string:
      return node.plain() ? "a plain scalar" : "a string";
    case Node::Type::sequence:
      return "a list";
    case Node::Type::mapping:
      return "a mapping";
  }
  return "?";
}

SourcePosition position_of(std::string_view content, std::size_t offset, const std::string& file) {
  const Place at = place_of(content, offset);
  return {file, at.line, at.column};
}

void check_document_size(std::size_t bytes, const std::string& file) {
  if (bytes > kMaxDocumentBytes)
    throw InputError({file, 0, 0}, "", "the file has " + std::to_string(bytes) + " bytes",
                     "at most 4 GiB less 1 MiB (" + std::to_string(kMaxDocumentBytes) + " bytes)");
}

Place Node::place() const {
  const Document& d = *document_;
  if (d.offsets_) return place_of(d.source_, d.position_[index_]);
  return {static_cast<int>(d.position_[index_]), static_cast<int>(d.column_[index_])};
}

std::string_view Node::text() const {
  const Document& d = *document_;
  const std::uint64_t payload = d.payload_[index_];
  const auto offset = static_cast<std::uint32_t>(payload >> 32), length = static_cast<std::uint32_t>(payload);
  switch (Document::text_of(d.kind_[index_])) {
    case Document::no_text:
      return {};
    case Document::source_text:
      return d.source_.substr(offset, length);
    case Document::pool_text:
      return d.pool_.view(offset, length);
    case Document::number_token: {
      const std::string_view rest = d.source_.substr(std::min<std::size_t>(d.position_[index_], d.source_.size()));
      std::size_t end = 0;
      while (end < rest.size() && !json_number_end(rest[end])) ++end;
      return rest.substr(0, end);
    }
  }
  return {};
}

double Node::number() const {
  const Type t = type();
  if (t != Type::number && t != Type::boolean) return 0;
  if (Document::text_of(document_->kind_[index_]) == Document::pool_text) {
    // A YAML scalar keeps only its text, resolved again here as when it was read.
    const std::string_view s = text();
    if (t == Type::boolean) return (s[0] == 't' || s[0] == 'T') ? 1 : 0;
    double x = 0;
    parse_yaml_number(s, x);
    return x;
  }
  return std::bit_cast<double>(document_->payload_[index_]);
}

namespace detail {

std::uint32_t TextPool::add(std::string_view text) {
  constexpr std::uint64_t kBlock = std::uint64_t{kMask} + 1;
  const std::uint64_t end = slots_.size() * kBlock;
  if (next_ + text.size() > end) {
    const std::uint64_t size = text.size() <= kBlock ? kBlock : (text.size() + kBlock - 1) / kBlock * kBlock;
    if (end + size > (std::uint64_t{1} << 32)) throw std::bad_alloc();
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    bytes_ += size;
    for (std::uint64_t k = 0; k < size; k += kBlock) slots_.push_back(blocks_.back().get() + k);
    next_ = end;
  }
  const auto offset = static_cast<std::uint32_t>(next_);
  if (!text.empty()) std::memcpy(slots_[offset >> kShift] + (offset & kMask), text.data(), text.size());
  next_ += text.size();
  return offset;
}

}  // namespace detail

}  // namespace parley::io
