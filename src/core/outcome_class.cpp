#include "parley/outcome_class.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "core/checks.hpp"
#include "parley/error.hpp"

namespace parley {

namespace {

enum Op { lt, le, gt, ge, eq, ne };
constexpr std::size_t kConstant = static_cast<std::size_t>(-1);
constexpr int kMaxNesting = 64;

bool id_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/' || c == '+';
}

bool compare(double x, int op, double y) {
  switch (op) {
    case lt:
      return x < y;
    case le:
      return x <= y;
    case gt:
      return x > y;
    case ge:
      return x >= y;
    case eq:
      return x == y;
    default:
      return x != y && !std::isnan(x) && !std::isnan(y);
  }
}

}  // namespace

class ExpressionParser {
 public:
  ExpressionParser(const std::string& text, const std::vector<Issue>& issues, OutcomePredicate& out)
      : text_(text), issues_(issues), out_(out) {}

  void parse() {
    out_.root_ = expr(0);
    skip_space();
    if (pos_ < text_.size()) fail("unexpected '" + peek_token() + "'", "'and', 'or' or the end of the expression");
  }

 private:
  using Node = OutcomePredicate::Node;
  using Kind = Node::Kind;

  [[noreturn]] void fail(std::string problem, std::string expected) const {
    throw ExpressionError(pos_, std::move(problem), std::move(expected));
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string peek_token() {
    skip_space();
    if (pos_ >= text_.size()) return "";
    std::size_t end = pos_;
    while (end < text_.size() && id_char(text_[end])) ++end;
    if (end == pos_) {
      end = pos_ + 1;
      if (end < text_.size() && text_[end] == '=' && std::string_view("<>=!").find(text_[pos_]) != std::string_view::npos) ++end;
    }
    return text_.substr(pos_, end - pos_);
  }

  bool accept(const std::string& token) {
    if (peek_token() != token) return false;
    pos_ += token.size();
    return true;
  }

  std::size_t add(Node node) {
    out_.nodes_.push_back(std::move(node));
    return out_.nodes_.size() - 1;
  }

  std::size_t expr(int depth) {
    if (depth > kMaxNesting) fail("nesting deeper than 64", "a simpler expression");
    std::vector<std::size_t> terms{conjunction(depth)};
    while (accept("or")) terms.push_back(conjunction(depth));
    if (terms.size() == 1) return terms[0];
    return add(Node{Kind::any, 0, 0, 0, 0, 0, false, std::move(terms)});
  }

  std::size_t conjunction(int depth) {
    std::vector<std::size_t> terms{unary(depth)};
    while (accept("and")) terms.push_back(unary(depth));
    if (terms.size() == 1) return terms[0];
    return add(Node{Kind::all, 0, 0, 0, 0, 0, false, std::move(terms)});
  }

  std::size_t unary(int depth) {
    if (depth > kMaxNesting) fail("nesting deeper than 64", "a simpler expression");
    if (accept("not")) {
      const std::size_t inner = unary(depth + 1);
      return add(Node{Kind::negate, 0, 0, 0, 0, 0, false, {inner}});
    }
    if (accept("(")) {
      const std::size_t inner = expr(depth + 1);
      if (!accept(")")) fail(describe_next(), "')'");
      return inner;
    }
    if (accept("true")) return add(Node{Kind::constant, 0, 0, 0, 0, 0, true, {}});
    if (accept("false")) return add(Node{Kind::constant, 0, 0, 0, 0, 0, false, {}});
    return comparison();
  }

  std::string describe_next() {
    const std::string t = peek_token();
    return t.empty() ? "the end of the expression" : "'" + t + "'";
  }

  struct Operand {
    std::size_t issue = kConstant;
    double value = 0;
  };

  Operand operand() {
    skip_space();
    const std::size_t start = pos_;
    std::size_t end = pos_;
    while (end < text_.size() && id_char(text_[end])) ++end;
    if (end == start) fail(describe_next(), "an issue id or a number");
    const std::string token = text_.substr(start, end - start);
    double x = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), x);
    if (ec == std::errc() && ptr == token.data() + token.size()) {
      if (!std::isfinite(x)) fail("number '" + token + "' is not finite", "a finite number");
      pos_ = end;
      return {kConstant, x};
    }
    for (std::size_t i = 0; i < issues_.size(); ++i)
      if (issues_[i].id == token) {
        pos_ = end;
        return {i, 0};
      }
    fail("unknown issue '" + token + "'", "the id of an issue of this scenario, or a number");
  }

  int comparison_operator() {
    static const char* names[] = {"<", "<=", ">", ">=", "==", "!="};
    const std::string t = peek_token();
    for (int op = 0; op < 6; ++op)
      if (t == names[op]) {
        pos_ += t.size();
        return op;
      }
    return -1;
  }

  std::size_t make_compare(const Operand& l, int op, const Operand& r) {
    if (l.issue == kConstant && r.issue == kConstant) fail("a comparison of two numbers", "an issue id on one side");
    return add(Node{Kind::compare, l.issue, r.issue, l.value, r.value, op, false, {}});
  }

  std::size_t comparison() {
    const Operand first = operand();
    if (accept("in")) {
      if (!accept("[")) fail(describe_next(), "'[' starting a range such as [20, 40]");
      const Operand lo = operand();
      if (!accept(",")) fail(describe_next(), "','");
      const Operand hi = operand();
      if (!accept("]")) fail(describe_next(), "']'");
      if (lo.issue != kConstant || hi.issue != kConstant || lo.value > hi.value)
        fail("a range that is not [low, high]", "two numbers, low <= high");
      return add(Node{Kind::all, 0, 0, 0, 0, 0, false, {make_compare(lo, le, first), make_compare(first, le, hi)}});
    }
    const int op = comparison_operator();
    if (op < 0) fail(describe_next(), "a comparison (<, <=, >, >=, ==, !=) or 'in [low, high]'");
    Operand left = first, right = operand();
    std::vector<std::size_t> chain{make_compare(left, op, right)};
    for (int next = comparison_operator(); next >= 0; next = comparison_operator()) {
      left = right;
      right = operand();
      chain.push_back(make_compare(left, next, right));
    }
    if (chain.size() == 1) return chain[0];
    return add(Node{Kind::all, 0, 0, 0, 0, 0, false, std::move(chain)});
  }

  const std::string& text_;
  const std::vector<Issue>& issues_;
  OutcomePredicate& out_;
  std::size_t pos_ = 0;
};

OutcomePredicate OutcomePredicate::parse(const std::string& text, const std::vector<Issue>& issues) {
  OutcomePredicate p;
  ExpressionParser(text, issues, p).parse();
  return p;
}

bool OutcomePredicate::eval(std::size_t index, const double* outcomes) const {
  const Node& n = nodes_[index];
  switch (n.kind) {
    case Node::Kind::constant:
      return n.value;
    case Node::Kind::compare: {
      const double x = n.left_issue == kConstant ? n.left_value : outcomes[n.left_issue];
      const double y = n.right_issue == kConstant ? n.right_value : outcomes[n.right_issue];
      return compare(x, n.op, y);
    }
    case Node::Kind::all:
      for (std::size_t c : n.children)
        if (!eval(c, outcomes)) return false;
      return true;
    case Node::Kind::any:
      for (std::size_t c : n.children)
        if (eval(c, outcomes)) return true;
      return false;
    case Node::Kind::negate:
      return !eval(n.children[0], outcomes);
  }
  return false;
}

std::vector<std::size_t> OutcomePredicate::issues() const {
  std::vector<std::size_t> out;
  for (const Node& n : nodes_)
    if (n.kind == Node::Kind::compare)
      for (std::size_t i : {n.left_issue, n.right_issue})
        if (i != kConstant) out.push_back(i);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

OutcomeClassifier::OutcomeClassifier(const Scenario& scenario) {
  std::unordered_set<std::string> seen;
  for (const OutcomeClass& c : scenario.outcome_classes) {
    const std::string field = "outcomes." + c.name;
    if (auto bad = checks::identifier(c.name)) throw InputError({}, field, bad->problem, bad->expected);
    if (!seen.insert(c.name).second) throw InputError({}, field, "duplicate outcome class '" + c.name + "'", "unique class names");
    try {
      predicates_.push_back(OutcomePredicate::parse(c.expression, scenario.issues()));
    } catch (const ExpressionError& e) {
      throw InputError({}, field, e.problem + " at character " + std::to_string(e.offset + 1), e.expected);
    }
    names_.push_back(c.name);
  }
}

void OutcomeClassifier::classify(const double* outcomes, unsigned char* member) const {
  for (std::size_t k = 0; k < predicates_.size(); ++k) member[k] = predicates_[k](outcomes) ? 1 : 0;
}

}  // namespace parley
