#include "io/node_reader.hpp"

#include <cstring>

#include "core/checks.hpp"

namespace parley::io {

void NodeReader::fail(const Node& at, const std::string& field, std::string problem, std::string expected) const {
  fail(at.place(), field, std::move(problem), std::move(expected));
}

void NodeReader::fail(Place at, const std::string& field, std::string problem, std::string expected) const {
  throw InputError({file_, at.line, at.column}, field, std::move(problem), std::move(expected));
}

void NodeReader::expect(const Node& node, Node::Type type, const std::string& field, const std::string& expected) const {
  if (node.type() != type) fail(node, field, std::string("got ") + describe(node), expected);
}

std::string NodeReader::text(const Node& node, const std::string& field) const {
  if (!node.is_scalar() || node.type() == Node::Type::null) fail(node, field, std::string("got ") + describe(node), "text");
  return std::string(node.text());
}

double NodeReader::number(const Node& node, const std::string& field) const {
  if (node.type() != Node::Type::number) {
    std::string got = std::string("got ") + describe(node);
    if (node.is_scalar() && node.type() != Node::Type::null) got += " '" + std::string(node.text()) + "'";
    fail(node, field, got, "a number");
  }
  const double x = node.number();
  if (auto bad = checks::finite(x)) fail(node, field, bad->problem, bad->expected);
  return x;
}

namespace {

constexpr const char* kNumberForms = "a number, [low, high], normal(mean, sd), triangular(low, mode, high), or {value: ..., source: ...}";

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

Uncertain NodeReader::distribution(const Node& node, const std::string& field) const {
  if (node.type() == Node::Type::number) return Uncertain::point(number(node, field));
  if (node.type() == Node::Type::sequence) {
    if (node.size() != 2) fail(node, field, "a list of " + std::to_string(node.size()) + " items", "[low, high]");
    return Uncertain::range(number(node.child(0), field + "[0]"), number(node.child(1), field + "[1]"));
  }
  if (node.type() == Node::Type::string) {
    const std::string t(node.text());
    const std::size_t open = t.find('('), close = t.rfind(')');
    const std::string kind = open == std::string::npos ? "" : trim(t.substr(0, open));
    const bool known = kind == "normal" || kind == "triangular" || kind == "uniform";
    if (!known || close == std::string::npos || close < open || !trim(t.substr(close + 1)).empty())
      fail(node, field, "got '" + t + "'", kNumberForms);
    std::vector<double> args;
    const std::string rest = t.substr(open + 1, close - open - 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
      std::size_t comma = rest.find(',', start);
      if (comma == std::string::npos) comma = rest.size();
      const std::string arg = trim(rest.substr(start, comma - start));
      char* end = nullptr;
      const double x = std::strtod(arg.c_str(), &end);
      if (arg.empty() || *end != '\0') fail(node, field, "argument '" + arg + "' in '" + t + "'", "numbers");
      if (auto bad = checks::finite(x)) fail(node, field, bad->problem + " in '" + t + "'", bad->expected);
      args.push_back(x);
      start = comma + 1;
    }
    const std::size_t want = kind == "triangular" ? 3 : 2;
    if (args.size() != want)
      fail(node, field, kind + " with " + std::to_string(args.size()) + " arguments",
           kind == "triangular" ? "triangular(low, mode, high)" : kind + "(two numbers)");
    if (kind == "normal") return Uncertain::normal(args[0], args[1]);
    if (kind == "uniform") return Uncertain::range(args[0], args[1]);
    return Uncertain::triangular(args[0], args[1], args[2]);
  }
  std::string got = std::string("got ") + describe(node);
  if (node.is_scalar() && node.type() != Node::Type::null) got += " '" + std::string(node.text()) + "'";
  fail(node, field, got, kNumberForms);
}

Parameter NodeReader::parameter(const Node& node, const std::string& field) const {
  Parameter p;
  if (node.type() == Node::Type::mapping) {
    Fields f(*this, node, field, {"value", "source"});
    p.value = distribution(f.require("value"), f.path("value"));
    if (const auto src = f.get("source")) p.citation = citation(*src, f.path("source"));
  } else {
    p.value = distribution(node, field);
  }
  return p;
}

int NodeReader::citation(const Node& node, const std::string& field) const {
  Citation c;
  Node ref = node;
  if (node.type() == Node::Type::mapping) {
    Fields f(*this, node, field, {"ref", "note"});
    ref = f.require("ref");
    if (const auto note = f.get("note")) c.note = text(*note, f.path("note"));
  }
  const std::string id = text(ref, field);
  auto it = reference_index_.find(id);
  if (it == reference_index_.end()) fail(ref, field, "unknown source '" + id + "'", "the id of an entry in metadata.sources");
  c.reference = it->second;
  scenario_.citations.push_back(std::move(c));
  return static_cast<int>(scenario_.citations.size() - 1);
}

void NodeReader::index_references() {
  reference_index_.clear();
  for (std::size_t k = 0; k < scenario_.metadata.sources.size(); ++k) reference_index_.emplace(scenario_.metadata.sources[k].id, k);
}

Fields::Fields(const NodeReader& reader, const Node& mapping, std::string field, std::initializer_list<const char*> allowed)
    : reader_(reader), mapping_(mapping), field_(std::move(field)), allowed_(allowed), values_(allowed.size()) {
  reader_.expect(mapping, Node::Type::mapping, field_, "a mapping");
  for (std::size_t k = 0; k < mapping.mapping_size(); ++k) {
    const Node key = mapping.key(k);
    if (!key.is_scalar()) reader_.fail(key, field_, std::string("a key that is ") + describe(key), "a plain key");
    const std::string_view text = key.text();
    std::size_t slot = 0;
    while (slot < allowed_.size() && text != allowed_[slot]) ++slot;
    if (slot == allowed_.size()) {
      std::string list;
      for (const char* a : allowed_) list += (list.empty() ? "" : ", ") + std::string(a);
      reader_.fail(key, path(std::string(text).c_str()), "unknown key '" + std::string(text) + "'", "one of: " + list);
    }
    if (values_[slot]) reader_.fail(key, path(std::string(text).c_str()), "duplicate key '" + std::string(text) + "'", "each key once");
    values_[slot] = mapping.value(k);
  }
}

std::optional<Node> Fields::get(const char* key) const {
  for (std::size_t slot = 0; slot < allowed_.size(); ++slot)
    if (std::strcmp(allowed_[slot], key) == 0)
      return values_[slot] && values_[slot]->type() != Node::Type::null ? values_[slot] : std::nullopt;
  return std::nullopt;
}

std::string Fields::text_or(const char* key, const std::string& fallback) const {
  const auto n = get(key);
  return n ? reader_.text(*n, path(key)) : fallback;
}

Node Fields::require(const char* key) const {
  const auto n = get(key);
  if (!n) reader_.fail(mapping_, path(key), std::string("the key '") + key + "' is missing", "a value for '" + std::string(key) + "'");
  return *n;
}

}  // namespace parley::io
