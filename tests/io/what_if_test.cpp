#include "parley/what_if.hpp"

#include <gtest/gtest.h>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"

namespace parley {
namespace {

Scenario two_actors() {
  Scenario s = testing::one_issue({{10}, {90}}, 50);
  s.actor(0).id = "us.president";  // ids may contain dots
  return s;
}

TEST(WhatIf, SetsEveryKindOfInput) {
  Scenario s = two_actors();
  apply_overrides(s, {"us.president.i.position=30", "a1.i.salience=[0.2, 0.4]", "a1.capability=normal(5, 1)", "a1.risk=-0.5",
                      "i.status_quo=triangular(40, 45, 60)"});
  EXPECT_EQ(s.stance(0, 0).position->value, Uncertain::point(30));
  EXPECT_EQ(s.stance(0, 1).salience->value, Uncertain::range(0.2, 0.4));
  EXPECT_EQ(s.actor(1).capability.value, Uncertain::normal(5, 1));
  EXPECT_EQ(s.actor(1).risk->value, Uncertain::point(-0.5));
  EXPECT_EQ(s.issue(0).status_quo->value, Uncertain::triangular(40, 45, 60));
}

void expect_refused(const std::string& assignment, const std::string& expected) {
  Scenario s = two_actors();
  const Scenario before = s;
  try {
    apply_override(s, assignment);
    ADD_FAILURE() << "accepted " << assignment;
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--set " + assignment);
    EXPECT_NE(e.expected().find(expected), std::string::npos) << e.what();
  }
  EXPECT_EQ(s.stance(0, 0).position->value, before.stance(0, 0).position->value);
}

TEST(WhatIf, RefusesWhatItCannotApply) {
  expect_refused("us.president.i.position=130", "[0, 100]");
  expect_refused("nobody.i.position=30", "ACTOR.ISSUE.position");
  expect_refused("a1.i.weight=3", "position, salience");
  expect_refused("a1.capability=-1", "greater than 0");
  expect_refused("a1.capability=lots", "number");
  expect_refused("a1.i.salience=2", "[0, 1]");
  expect_refused("novalue", "us.sanctions.position=30");
  expect_refused("x.status_quo=5", "issue");
}

TEST(WhatIf, ANewStanceNeedsAPositionBeforeItsSalience) {
  Scenario s = two_actors();
  s.stance(0, 1) = Stance{};
  EXPECT_THROW(apply_override(s, "a1.i.salience=0.5"), InputError);
  apply_overrides(s, {"a1.i.position=70", "a1.i.salience=0.5"});
  EXPECT_TRUE(s.stance(0, 1).takes_part());
}

}  // namespace
}  // namespace parley
