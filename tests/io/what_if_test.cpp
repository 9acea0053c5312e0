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

TEST(WhatIf, MarksTheTitleAndCitesEveryOverride) {
  Scenario s = two_actors();
  s.metadata.title = "Talks";
  apply_overrides(s, {"us.president.i.position=30", "a1.capability=[40, 60]"});
  EXPECT_EQ(s.metadata.title, "Talks (what-if: us.president.i.position=30; a1.capability=[40, 60])");
  ASSERT_EQ(s.metadata.sources.size(), 1u);  // one source for all overrides
  EXPECT_EQ(s.metadata.sources[0].id, kWhatIfSource);
  const int position = s.stance(0, 0).position->citation, capability = s.actor(1).capability.citation;
  ASSERT_GE(position, 0);
  ASSERT_GE(capability, 0);
  EXPECT_EQ(s.citations.at(static_cast<std::size_t>(position)).note, "what-if: us.president.i.position=30");
  EXPECT_EQ(s.citations.at(static_cast<std::size_t>(capability)).note, "what-if: a1.capability=[40, 60]");
  EXPECT_EQ(s.citations.at(static_cast<std::size_t>(capability)).reference, 0u);
  EXPECT_EQ(what_if_overrides(s), (std::vector<std::string>{"us.president.i.position=30", "a1.capability=[40, 60]"}));
  // Without overrides, nothing changes.
  Scenario plain = two_actors();
  plain.metadata.title = "Talks";
  apply_overrides(plain, {});
  EXPECT_EQ(plain.metadata.title, "Talks");
  EXPECT_TRUE(plain.metadata.sources.empty());
  EXPECT_TRUE(what_if_overrides(plain).empty());
  // A refused override adds no citation.
  Scenario refused = two_actors();
  EXPECT_THROW(apply_override(refused, "a1.capability=-3"), InputError);
  EXPECT_TRUE(refused.citations.empty());
  EXPECT_TRUE(refused.metadata.sources.empty());
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

namespace parley {
namespace {

Scenario with_event() {
  Scenario s = testing::one_issue({{10}, {90}}, 50);
  s.events.push_back(Event{"summit",
                           "",
                           "",
                           2,
                           -1,
                           {{EventChange::Field::position, 1, 0, {Uncertain::point(70), -1}},
                            {EventChange::Field::capability, 0, EventChange::none, {Uncertain::point(3), -1}}},
                           {},
                           {}});
  return s;
}

TEST(WhatIf, SetsTheValuesAnEventSets) {
  Scenario s = with_event();
  apply_overrides(s, {"summit.a1.i.position=[60, 80]", "summit.a0.capability=4"});
  EXPECT_EQ(s.events[0].changes[0].value.value, Uncertain::range(60, 80));
  EXPECT_EQ(s.events[0].changes[1].value.value, Uncertain::point(4));
  EXPECT_EQ(s.stance(0, 1).position->value, Uncertain::point(90));  // the scenario's own value is untouched
}

TEST(WhatIf, RefusesAValueTheEventDoesNotSetOrOutOfRange) {
  for (const char* bad : {"summit.a0.i.position=20", "summit.a1.i.position=120", "summit.a1.capability=0"}) {
    Scenario s = with_event();
    EXPECT_THROW(apply_override(s, bad), InputError) << bad;
  }
  Scenario s = with_event();
  try {
    apply_override(s, "summit.a0.i.position=20");
  } catch (const InputError& e) {
    EXPECT_EQ(e.problem(), "event 'summit' sets no position for 'a0.i'");
  }
}

TEST(Validate, RefusesEventsOutOfOrderOrWithImpossibleMembership) {
  Scenario s = with_event();
  s.events.push_back(Event{"later", "", "", 1, -1, {}, {}, {0}});
  EXPECT_THROW(validate(s), InputError);  // round 1 after round 2
  s.events.back().round = 3;
  EXPECT_NO_THROW(validate(s));
  s.events.push_back(Event{"again", "", "", 4, -1, {}, {}, {0}});
  EXPECT_THROW(validate(s), InputError);  // a0 already left
  s.events.back().leave.clear();
  s.events.back().join = {0};
  EXPECT_NO_THROW(validate(s));
  s.events.back().changes.push_back({EventChange::Field::salience, 0, 0, {Uncertain::point(1.5), -1}});
  EXPECT_THROW(validate(s), InputError);
}

}  // namespace
}  // namespace parley
