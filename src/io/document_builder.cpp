#include "io/document_builder.hpp"

#include <new>

namespace parley::io {

namespace {

constexpr std::uint8_t kind(Node::Type type) { return static_cast<std::uint8_t>(type); }

/// Short texts that repeat (keys, small numbers) are kept once, up to this many distinct ones.
constexpr std::size_t kInternedLength = 16, kInternedCount = std::size_t{1} << 16;

}  // namespace

DocumentBuilder::DocumentBuilder(std::string_view source, Positions positions) {
  document_.source_ = source;
  document_.offsets_ = positions == Positions::offsets;
}

void DocumentBuilder::push(std::uint8_t node_kind, At at, std::uint64_t payload) {
  pending_.push_back({payload, at.position, at.column, node_kind});
}

void DocumentBuilder::add(Node::Type type, At at, double number) { push(kind(type), at, std::bit_cast<std::uint64_t>(number)); }

void DocumentBuilder::add_number_token(At at, double number) {
  push(kind(Node::Type::number) | Document::number_token << 4, at, std::bit_cast<std::uint64_t>(number));
}

void DocumentBuilder::add_source_text(At at, std::uint32_t offset, std::uint32_t length) {
  push(kind(Node::Type::string) | Document::source_text << 4, at, std::uint64_t{offset} << 32 | length);
}

void DocumentBuilder::add_text(Node::Type type, At at, std::string_view text, bool plain) {
  const std::uint8_t flags = static_cast<std::uint8_t>(Document::pool_text << 4 | (plain ? Document::kPlain : 0));
  push(kind(type) | flags, at, std::uint64_t{pooled(text)} << 32 | static_cast<std::uint32_t>(text.size()));
}

std::uint32_t DocumentBuilder::pooled(std::string_view text) {
  if (text.size() > kInternedLength) return document_.pool_.add(text);
  if (auto it = interned_.find(text); it != interned_.end()) return it->second;
  const std::uint32_t offset = document_.pool_.add(text);
  if (interned_.size() < kInternedCount) interned_.emplace(document_.pool_.view(offset, static_cast<std::uint32_t>(text.size())), offset);
  return offset;
}

void DocumentBuilder::open(Node::Type type, At at) {
  push(kind(type), at, 0);
  open_.push_back(pending_.size());
}

void DocumentBuilder::close() {
  const std::size_t start = open_.back();
  open_.pop_back();
  const std::uint64_t first = document_.kind_.size(), count = pending_.size() - start;
  for (std::size_t k = start; k < pending_.size(); ++k) store(pending_[k]);
  pending_.resize(start);
  pending_.back().payload = first << 32 | count;
}

void DocumentBuilder::store(const Item& item) {
  if (document_.kind_.size() == UINT32_MAX) throw std::bad_alloc();
  document_.kind_.push_back(item.kind);
  document_.position_.push_back(item.position);
  if (!document_.offsets_) document_.column_.push_back(item.column);
  document_.payload_.push_back(item.payload);
}

Document DocumentBuilder::finish() {
  while (!open_.empty()) close();
  document_.root_ = static_cast<std::uint32_t>(document_.kind_.size());
  store(pending_.at(0));
  pending_.clear();
  interned_.clear();
  return std::move(document_);
}

}  // namespace parley::io
