// Named outcomes: predicates over the forecast of every issue, such as
//   detente: "sanctions <= 40 and arms_control >= 60"
// Grammar (docs/scenario-format.md):
//   expr       := and ("or" and)*
//   and        := unary ("and" unary)*
//   unary      := "not" unary | "(" expr ")" | "true" | "false" | comparison
//   comparison := operand OP operand (OP operand)*     e.g. 20 <= sanctions < 40
//               | operand "in" "[" number "," number "]"
//   OP         := "<" | "<=" | ">" | ">=" | "==" | "!="
//   operand    := issue id | number
// A comparison with an issue that has no outcome in a draw is false.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

/// A syntax or reference error at byte `offset` of an expression.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(std::size_t at, std::string what_is_wrong, std::string what_was_expected)
      : std::runtime_error(what_is_wrong + "; expected " + what_was_expected),
        offset(at),
        problem(std::move(what_is_wrong)),
        expected(std::move(what_was_expected)) {}
  std::size_t offset;
  std::string problem;
  std::string expected;
};

/// A compiled predicate over issue outcomes.
class OutcomePredicate {
 public:
  /// Compiles `text`, resolving issue ids among `issues`. Throws ExpressionError.
  static OutcomePredicate parse(const std::string& text, const std::vector<Issue>& issues);

  /// outcomes[i] is issue i's outcome (NaN when the model gave none).
  bool operator()(const double* outcomes) const { return eval(root_, outcomes); }
  /// The indices of the issues the expression names, ascending, each once.
  std::vector<std::size_t> issues() const;

 private:
  struct Node {
    enum class Kind { constant, compare, all, any, negate } kind;
    // compare: operands (issue index, or npos with a constant) and operator.
    std::size_t left_issue, right_issue;
    double left_value, right_value;
    int op;
    bool value;                         // constant
    std::vector<std::size_t> children;  // all, any, negate
  };
  bool eval(std::size_t node, const double* outcomes) const;
  friend class ExpressionParser;
  std::vector<Node> nodes_;
  std::size_t root_ = 0;
};

/// Every class of a scenario compiled, in the scenario's order.
class OutcomeClassifier {
 public:
  /// Throws InputError naming `outcomes.NAME` for an expression that does not compile.
  explicit OutcomeClassifier(const Scenario& scenario);
  std::size_t size() const { return predicates_.size(); }
  const std::string& name(std::size_t k) const { return names_[k]; }
  /// member[k] = 1 when the outcomes fall in class k, else 0.
  void classify(const double* outcomes, unsigned char* member) const;
  /// The indices of the issues class k's expression names, ascending, each once.
  std::vector<std::size_t> issues(std::size_t k) const { return predicates_[k].issues(); }

 private:
  std::vector<std::string> names_;
  std::vector<OutcomePredicate> predicates_;
};

}  // namespace parley
