#include "parley/feasibility.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// One issue on 0-100 with status quo 50; actors a0 at 20 (side A) and a1 at 90 (side B).
Scenario two_sides(std::optional<double> ta, std::optional<double> tb) {
  Scenario s = testing::one_issue({{20}, {90}}, 50);
  Ratifier a{0, ta, {}}, b{1, tb, {}};
  s.sides = {Side{"A", 0, {a}}, Side{"B", 1, {b}}};
  return s;
}

// Solved by hand: u(x) >= u(50) for a0 at 20 is |x - 20| <= 30, so [0, 50] within the scale; for
// a1 at 90, |x - 90| <= 40, so [50, 100]. They touch at 50.
TEST(Feasibility, ThresholdWinSetsTouchingAtTheStatusQuo) {
  const Feasibility f = assess_feasibility(two_sides(0.0, 0.0));
  const IssueFeasibility& r = f.issues.at(0);
  EXPECT_DOUBLE_EQ(r.win_sets[0].low, 0);
  EXPECT_DOUBLE_EQ(r.win_sets[0].high, 50);
  EXPECT_DOUBLE_EQ(r.win_sets[1].low, 50);
  EXPECT_DOUBLE_EQ(r.win_sets[1].high, 100);
  EXPECT_FALSE(r.zone.empty());
  EXPECT_DOUBLE_EQ(r.zone.low, 50);
  EXPECT_DOUBLE_EQ(r.zone.high, 50);
  EXPECT_EQ(r.lower, (ConstraintRef{1, 0}));
  EXPECT_EQ(r.upper, (ConstraintRef{0, 0}));
  EXPECT_TRUE(f.every_issue);
}

// A demands 10 points of utility over the status quo: |x - 20| <= 30 - 10, so [0, 40]: no zone,
// blocked by B's floor 50 against A's ceiling 40.
TEST(Feasibility, ADemandingRatifierClosesTheZone) {
  const Feasibility f = assess_feasibility(two_sides(0.1, 0.0));
  const IssueFeasibility& r = f.issues.at(0);
  EXPECT_DOUBLE_EQ(r.win_sets[0].high, 40);
  EXPECT_TRUE(r.zone.empty());
  EXPECT_DOUBLE_EQ(r.zone.low, 50);
  EXPECT_DOUBLE_EQ(r.zone.high, 40);
  EXPECT_EQ(r.lower, (ConstraintRef{1, 0}));
  EXPECT_EQ(r.upper, (ConstraintRef{0, 0}));
  EXPECT_FALSE(f.every_issue);
  // A ratifier more than satisfied by the status quo can be generous: t = -0.2 widens A to [0, 70].
  EXPECT_DOUBLE_EQ(assess_feasibility(two_sides(-0.2, 0.0)).issues[0].win_sets[0].high, 70);
}

TEST(Feasibility, BoundsAndSeveralRatifiersPerSide) {
  Scenario s = testing::one_issue({{20}, {40}, {90}}, 50);
  Ratifier bound{0, std::nullopt, {{0, 0, 60}}};  // accepts [0, 60]
  Ratifier near{1, 0.0, {}};                      // at 40, sq 50: [30, 50]
  Ratifier floor{2, std::nullopt, {{0, 35, 100}}};
  s.sides = {Side{"A", 0, {bound, near}}, Side{"B", 2, {floor}}};
  const IssueFeasibility r = assess_feasibility(s).issues.at(0);
  EXPECT_DOUBLE_EQ(r.win_sets[0].low, 30);
  EXPECT_DOUBLE_EQ(r.win_sets[0].high, 50);
  EXPECT_DOUBLE_EQ(r.zone.low, 35);  // B's floor is above A's 30
  EXPECT_DOUBLE_EQ(r.zone.high, 50);
  EXPECT_EQ(r.lower, (ConstraintRef{1, 0}));
  EXPECT_EQ(r.upper, (ConstraintRef{0, 1}));
}

// With the status quo uniform on [40, 60], A's ceiling is the status quo itself (a0 at 20, t = 0)
// and B accepts only x >= 55: a zone exists exactly when sq >= 55, with probability 1/4.
TEST(Feasibility, ProbabilityOfAZoneOverUncertainInputs) {
  Scenario s = testing::one_issue({{20}, {90}}, 50);
  s.issue(0).status_quo->value = Uncertain::range(40, 60);
  s.sides = {Side{"A", 0, {Ratifier{0, 0.0, {}}}}, Side{"B", 1, {Ratifier{1, std::nullopt, {{0, 55, 100}}}}}};
  const FeasibilityOdds one = feasibility_odds(s, 20000, {7, 0}, 1);
  EXPECT_NEAR(one.zone[0].estimate, 0.25, 4 * std::sqrt(0.25 * 0.75 / 20000));  // 4 standard errors
  EXPECT_EQ(one.lower_binding[0][1][0], 20000u);                                // B's floor always binds
  EXPECT_GT(one.zone[0].high - one.zone[0].low, 0.01);
  const FeasibilityOdds two = feasibility_odds(s, 20000, {7, 0}, 4);
  EXPECT_EQ(one.zone[0].count, two.zone[0].count);
}

TEST(Feasibility, ReaderAndValidation) {
  const std::string head =
      "metadata: {title: t}\nissues:\n  - {id: i, status_quo: 50}\nactors:\n  - {id: a, capability: 1}\n  - {id: b, capability: 1}\n"
      "positions:\n  a: {i: {position: 20, salience: 1}}\n  b: {i: {position: 90, salience: 1}}\nsides:\n";
  const Scenario s = read_scenario_text(
      head + "  A: {negotiator: a, ratifiers: {a: {threshold: 0}}}\n  B: {negotiator: b, ratifiers: {b: {accepts: {i: {min: 55}}}}}\n",
      "s.yaml");
  ASSERT_EQ(s.sides.size(), 2u);
  EXPECT_DOUBLE_EQ(s.sides[1].ratifiers[0].bounds[0].min, 55);
  EXPECT_DOUBLE_EQ(s.sides[1].ratifiers[0].bounds[0].max, 100);
  testing::expect_input_error([&] { read_scenario_text(head + "  A: {negotiator: z}\n", "s.yaml"); }, 11, 19, "sides.A.negotiator",
                              "an actor");
  testing::expect_input_error([&] { read_scenario_text(head + "  A: {negotiator: a, ratifiers: {a: {threshold: 2}}}\n", "s.yaml"); }, 11,
                              49, "threshold", "[-1, 1]");
  testing::expect_input_error([&] { read_scenario_text(head + "  A: {negotiator: a, ratifiers: {a: {}}}\n", "s.yaml"); }, 11, 37,
                              "sides.A.ratifiers.a", "a threshold");
  testing::expect_input_error(
      [&] { read_scenario_text(head + "  A: {negotiator: a, ratifiers: {a: {accepts: {i: {min: 70, max: 60}}}}}\n", "s.yaml"); }, 11, 51,
      "accepts.i", "");
  EXPECT_THROW(assess_feasibility(testing::one_issue({{1}})), InputError);
}

}  // namespace
}  // namespace parley
