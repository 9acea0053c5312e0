#include "parley/outcome_class.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

std::vector<Issue> issues(std::initializer_list<const char*> ids) {
  std::vector<Issue> out;
  for (const char* id : ids) {
    Issue i;
    i.id = id;
    out.push_back(i);
  }
  return out;
}

bool holds(const std::string& text, std::vector<double> x) {
  return OutcomePredicate::parse(text, issues({"sanctions", "arms-control", "ukraine.terms"}))(x.data());
}

TEST(OutcomePredicate, ComparisonsAndConnectives) {
  EXPECT_TRUE(holds("sanctions <= 40 and arms-control >= 60", {40, 60, 0}));
  EXPECT_FALSE(holds("sanctions <= 40 and arms-control >= 60", {41, 60, 0}));
  EXPECT_TRUE(holds("sanctions < 10 or arms-control > 50", {20, 51, 0}));
  EXPECT_TRUE(holds("not sanctions > 40", {40, 0, 0}));
  EXPECT_TRUE(holds("sanctions == 40 and arms-control != 40", {40, 41, 0}));
  EXPECT_TRUE(holds("ukraine.terms >= 0.5", {0, 0, 0.5}));
  EXPECT_TRUE(holds("sanctions > arms-control", {50, 40, 0}));  // issue against issue
  EXPECT_TRUE(holds("true", {0, 0, 0}));
  EXPECT_FALSE(holds("false or not true", {0, 0, 0}));
}

TEST(OutcomePredicate, ListsTheIssuesItNamesOnceInOrder) {
  const auto ids = issues({"sanctions", "arms-control", "ukraine.terms"});
  EXPECT_EQ(OutcomePredicate::parse("ukraine.terms > 3 and (sanctions < 2 or 10 < ukraine.terms)", ids).issues(),
            (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(OutcomePredicate::parse("not arms-control in [1, 2]", ids).issues(), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(OutcomePredicate::parse("true or not false", ids).issues().empty());
}

TEST(OutcomePredicate, AndBindsTighterThanOrAndParenthesesRegroup) {
  // a or b and c  ==  a or (b and c)
  EXPECT_TRUE(holds("sanctions < 10 or sanctions > 90 and arms-control > 90", {5, 0, 0}));
  EXPECT_FALSE(holds("(sanctions < 10 or sanctions > 90) and arms-control > 90", {5, 0, 0}));
  EXPECT_TRUE(holds("not (sanctions < 10 and arms-control < 10)", {5, 50, 0}));
}

TEST(OutcomePredicate, RangesAndChains) {
  EXPECT_TRUE(holds("sanctions in [20, 40]", {20, 0, 0}));
  EXPECT_TRUE(holds("sanctions in [20, 40]", {40, 0, 0}));
  EXPECT_FALSE(holds("sanctions in [20, 40]", {40.5, 0, 0}));
  EXPECT_TRUE(holds("20 <= sanctions < 40", {39.9, 0, 0}));
  EXPECT_FALSE(holds("20 <= sanctions < 40", {40, 0, 0}));
  EXPECT_TRUE(holds("-5 < sanctions", {0, 0, 0}));
}

TEST(OutcomePredicate, AMissingOutcomeMakesComparisonsFalse) {
  const double nan = std::nan("");
  EXPECT_FALSE(holds("sanctions <= 40", {nan, 0, 0}));
  EXPECT_FALSE(holds("sanctions != 40", {nan, 0, 0}));
  EXPECT_TRUE(holds("not sanctions <= 40", {nan, 0, 0}));
}

void expect_error(const std::string& text, std::size_t offset, const std::string& expected) {
  try {
    OutcomePredicate::parse(text, issues({"sanctions", "arms"}));
    ADD_FAILURE() << "no error for " << text;
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.offset, offset) << text << ": " << e.what();
    EXPECT_NE(e.expected.find(expected), std::string::npos) << e.what();
  }
}

TEST(OutcomePredicate, ErrorsPointAtTheOffendingCharacter) {
  expect_error("sanctions <= 40 and armz > 3", 20, "issue");
  expect_error("(sanctions <= 40", 16, "')'");
  expect_error("sanctions 40", 10, "comparison");
  expect_error("sanctions <= 40 40", 16, "'and', 'or'");
  expect_error("10 < 20", 7, "an issue id on one side");
  expect_error("sanctions in [40, 20]", 21, "low <= high");
  expect_error("", 0, "an issue id or a number");
  expect_error(std::string(200, '(') + "sanctions < 1" + std::string(200, ')'), 65, "simpler");
}

RC_GTEST_PROP(OutcomePredicate, ComplementaryComparisonsPartitionTheScale, (double x, double t)) {
  RC_PRE(std::isfinite(x) && std::isfinite(t));
  const auto is = issues({"a"});
  const std::string ts = std::to_string(t);
  const OutcomePredicate below = OutcomePredicate::parse("a < " + ts, is), at_least = OutcomePredicate::parse("not a < " + ts, is);
  const OutcomePredicate de_morgan = OutcomePredicate::parse("not (a < " + ts + " or a > " + ts + ")", is),
                         equal = OutcomePredicate::parse("a >= " + ts + " and a <= " + ts, is);
  RC_ASSERT(below(&x) != at_least(&x));
  RC_ASSERT(de_morgan(&x) == equal(&x));
}

TEST(OutcomeClasses, ReaderPointsErrorsIntoTheFile) {
  const std::string head =
      "metadata: {title: t}\nissues:\n  - id: sanctions\n  - id: arms\nactors:\n  - {id: a, capability: 1}\noutcomes:\n";
  const Scenario s = read_scenario_text(
      head + "  detente: sanctions <= 40 and arms >= 60\n  cold: {when: \"sanctions > 80\", label: Cold war}\n", "s.yaml");
  ASSERT_EQ(s.outcome_classes.size(), 2u);
  EXPECT_EQ(s.outcome_classes[1].label, "Cold war");
  EXPECT_EQ(s.outcome_classes[1].expression, "sanctions > 80");
  testing::expect_input_error([&] { read_scenario_text(head + "  detente: sanctions <= 40 and armz >= 60\n", "s.yaml"); }, 8, 32,
                              "outcomes.detente", "the id of an issue");
  testing::expect_input_error([&] { read_scenario_text(head + "  detente: \"sanctions <= \"\n", "s.yaml"); }, 8, 26, "outcomes.detente",
                              "an issue id or a number");
  testing::expect_input_error([&] { read_scenario_text(head + "  detente: 40\n", "s.yaml"); }, 8, 12, "outcomes.detente", "a condition");
  testing::expect_input_error([&] { read_scenario_text(head + "  bad name: true\n", "s.yaml"); }, 8, 3, "outcomes.bad name", "");
}

TEST(OutcomeClasses, NeedsDealOnNamesIssuesAndPointsAtAnUnknownOne) {
  const std::string head =
      "metadata: {title: t}\nissues:\n  - id: sanctions\n  - id: arms\nactors:\n  - {id: a, capability: 1}\noutcomes:\n";
  const Scenario s = read_scenario_text(head + "  calm: {when: \"sanctions < 50\", needs_deal_on: [arms]}\n", "s.yaml");
  EXPECT_EQ(s.outcome_classes.at(0).needs_deal_on, std::vector<std::size_t>{1});
  testing::expect_input_error([&] { read_scenario_text(head + "  calm: {when: \"sanctions < 50\", needs_deal_on: [armz]}\n", "s.yaml"); },
                              8, 50, "outcomes.calm.needs_deal_on[0]", "the id of an issue");
  testing::expect_input_error([&] { read_scenario_text(head + "  calm: {when: \"sanctions < 50\", needs_deal_on: arms}\n", "s.yaml"); }, 8,
                              49, "outcomes.calm.needs_deal_on", "a list");
}

TEST(OutcomeClasses, ValidateChecksScenariosBuiltInCode) {
  Scenario s;
  Issue i;
  i.id = "x";
  s.add_issue(i);
  s.outcome_classes.push_back({"a", "", "x > 1", ""});
  EXPECT_NO_THROW(validate(s));
  s.outcome_classes.push_back({"a", "", "x > 2", ""});
  EXPECT_THROW(validate(s), InputError);
  s.outcome_classes.back() = {"b", "", "y > 2", ""};
  EXPECT_THROW(validate(s), InputError);
  const OutcomeClassifier c(Scenario{});
  EXPECT_EQ(c.size(), 0u);
}

}  // namespace
}  // namespace parley
