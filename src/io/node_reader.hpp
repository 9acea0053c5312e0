// Typed access to document nodes with precise errors: the building blocks of the scenario reader.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/document.hpp"
#include "parley/scenario.hpp"

namespace parley::io {

class NodeReader {
 public:
  NodeReader(const std::string& file, Scenario& scenario) : file_(file), scenario_(scenario) {}

  [[noreturn]] void fail(const Node& at, const std::string& field, std::string problem, std::string expected) const;
  [[noreturn]] void fail(Place at, const std::string& field, std::string problem, std::string expected) const;

  /// Fails unless `node` has type `type`; `expected` describes it ("a list of actors").
  void expect(const Node& node, Node::Type type, const std::string& field, const std::string& expected) const;
  /// Any non-null scalar, as written.
  std::string text(const Node& node, const std::string& field) const;
  /// A finite number.
  double number(const Node& node, const std::string& field) const;
  /// A number in any uncertain form, optionally wrapped as {value: ..., source: ...}. Sets
  /// `citation` when a source is given. Callers check the distribution against its allowed
  /// interval (checks::within or checks::positive), which also checks that it is well formed.
  Parameter parameter(const Node& node, const std::string& field) const;
  /// `source: ref-id` or `source: {ref: ref-id, note: text}`: the index of a new citation.
  int citation(const Node& node, const std::string& field) const;

  /// Indexes the references once metadata.sources has been read.
  void index_references();

  const std::string& file() const { return file_; }

 private:
  Uncertain distribution(const Node& node, const std::string& field) const;

  const std::string& file_;
  Scenario& scenario_;
  std::unordered_map<std::string, std::size_t> reference_index_;
};

/// The keys of one mapping, checked against the allowed set: unknown and duplicate keys are errors.
class Fields {
 public:
  Fields(const NodeReader& reader, const Node& mapping, std::string field, std::initializer_list<const char*> allowed);
  /// The value of `key`, or nothing when absent (a null value counts as absent).
  std::optional<Node> get(const char* key) const;
  /// The value of `key`; fails naming the key when absent.
  Node require(const char* key) const;
  /// The text of `key` (any non-null scalar), or `fallback` when absent.
  std::string text_or(const char* key, const std::string& fallback) const;
  std::string path(const char* key) const { return field_.empty() ? key : field_ + "." + key; }

 private:
  const NodeReader& reader_;
  Node mapping_;
  std::string field_;
  std::vector<const char*> allowed_;
  std::vector<std::optional<Node>> values_;
};

}  // namespace parley::io
