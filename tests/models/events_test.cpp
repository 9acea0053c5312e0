// Events in every model: one-shot models forecast each stage of the timeline; models with rounds
// apply an event just before its round, which for round 1 is the same as starting from the
// scenario after the event, and leaves every earlier round as it was.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cmath>

#include "model_fixtures.hpp"
#include "parley/model.hpp"
#include "parley/timeline.hpp"

namespace parley {
namespace {

using testing::Member;
using testing::one_issue;

Parameter point(double x) { return Parameter{Uncertain::point(x), -1}; }

EventChange position(std::size_t actor, std::size_t issue, double x) { return {EventChange::Field::position, actor, issue, point(x)}; }

Event event(const std::string& id, int round, std::vector<EventChange> changes, std::vector<std::size_t> join = {},
            std::vector<std::size_t> leave = {}) {
  return Event{id, "", "", round, -1, std::move(changes), std::move(join), std::move(leave)};
}

/// Four actors on two issues, every actor on both (smp needs that), with a status quo.
Scenario two_issues() {
  Scenario s;
  const double cap[] = {40, 30, 20, 25};
  for (std::size_t a = 0; a < 4; ++a) s.add_actor(Actor{"a" + std::to_string(a), "", ActorKind::other, point(cap[a]), "", std::nullopt});
  for (const char* id : {"x", "y"}) {
    Issue issue;
    issue.id = id;
    issue.status_quo = point(50);
    s.add_issue(issue);
  }
  const double pos[4][2] = {{10, 80}, {70, 20}, {45, 55}, {90, 90}};
  const double sal[4][2] = {{0.6, 0.4}, {0.5, 0.5}, {0.3, 0.7}, {0.8, 0.2}};
  for (std::size_t a = 0; a < 4; ++a)
    for (std::size_t i = 0; i < 2; ++i) s.stance(i, a) = Stance{point(pos[a][i]), point(sal[a][i])};
  return s;
}

void expect_same_positions(const std::vector<RoundRecord>& a, const std::vector<RoundRecord>& b, std::size_t rounds) {
  ASSERT_GE(a.size(), rounds);
  ASSERT_GE(b.size(), rounds);
  for (std::size_t t = 0; t < rounds; ++t) {
    SCOPED_TRACE("round " + std::to_string(t));
    ASSERT_EQ(a[t].positions.size(), b[t].positions.size());
    for (std::size_t k = 0; k < a[t].positions.size(); ++k) {
      if (std::isnan(a[t].positions[k]))
        EXPECT_TRUE(std::isnan(b[t].positions[k]));
      else
        EXPECT_DOUBLE_EQ(a[t].positions[k], b[t].positions[k]);
    }
    EXPECT_DOUBLE_EQ(a[t].median, b[t].median);
  }
}

TEST(Events, OneShotModelsForecastEveryStageOfTheTimeline) {
  Scenario s = one_issue({{0}, {100}, {90, 2}});
  s.events = {event("move", 1, {position(1, 0, 60)}, {2}), event("gone", 2, {}, {}, {0})};
  // Closed form (compromise = sum c s x / sum c s): a2 joins at the first event, a0 leaves at the second.
  const Forecast f = find_model("compromise")->run(s, {});
  ASSERT_EQ(f.stages.size(), 3u);
  EXPECT_EQ(f.stages[0].after, EventStage::none);
  EXPECT_DOUBLE_EQ(*f.stages[0].outcomes[0], 50);                       // (0 + 100) / 2
  EXPECT_DOUBLE_EQ(*f.stages[1].outcomes[0], (0 + 60 + 2 * 90) / 4.0);  // 60
  EXPECT_DOUBLE_EQ(*f.stages[2].outcomes[0], (60 + 2 * 90) / 3.0);      // 80
  EXPECT_EQ(f.stages[2].after, 1u);
  EXPECT_DOUBLE_EQ(*f.issues[0].outcome, 80);  // the forecast is the end of the timeline
}

TEST(Events, EveryModelRecordsTheTimeline) {
  Scenario s = two_issues();
  s.events = {event("first", 2, {position(0, 0, 40)}), event("second", 3, {}, {}, {3})};
  for (const Model* m : all_models()) {
    SCOPED_TRACE(std::string(m->name()));
    const Forecast f = m->run(s, {});
    ASSERT_EQ(f.issues.size(), 2u);
    if (m->applies_events()) {
      EXPECT_TRUE(f.stages.empty());
      ASSERT_GE(f.issues[0].rounds.size(), 4u);
      EXPECT_EQ(f.issues[0].rounds[2].events, std::vector<std::size_t>{0});
      EXPECT_EQ(f.issues[0].rounds[3].events, std::vector<std::size_t>{1});
      EXPECT_TRUE(std::isnan(f.issues[0].rounds[3].positions[3]));  // a3 left
    } else {
      ASSERT_EQ(f.stages.size(), 3u);
      EXPECT_EQ(f.stages.back().outcomes[0], f.issues[0].outcome);
    }
  }
}

class RoundModelEvents : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundModelEvents, AnEventAtRoundOneIsTheSameAsStartingAfterIt) {
  Scenario s = two_issues();
  s.events = {event("shift", 1,
                    {position(0, 0, 35),
                     {EventChange::Field::salience, 2, 1, point(0.9)},
                     {EventChange::Field::capability, 1, EventChange::none, point(60)}})};
  const Forecast with = find_model(GetParam())->run(s, {});
  const Forecast after = find_model(GetParam())->run(scenario_at(s, 1), {});
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE("issue " + std::to_string(i));
    // Round 0 is the state before the event; every round computed after it is the same.
    ASSERT_EQ(with.issues[i].rounds.size(), after.issues[i].rounds.size());
    std::vector<RoundRecord> computed(with.issues[i].rounds.begin() + 1, with.issues[i].rounds.end());
    std::vector<RoundRecord> later(after.issues[i].rounds.begin() + 1, after.issues[i].rounds.end());
    expect_same_positions(computed, later, later.size());
    if (i == 0) {
      EXPECT_NE(with.issues[i].rounds[0].positions, after.issues[i].rounds[0].positions);  // a0 moved on x
    }
    EXPECT_DOUBLE_EQ(*with.issues[i].outcome, *after.issues[i].outcome);
  }
}

TEST_P(RoundModelEvents, RoundsBeforeAnEventAreThoseOfTheRunWithoutIt) {
  const Scenario plain = two_issues();
  Scenario s = plain;
  s.events = {event("late", 3, {position(1, 0, 5)}, {}, {2})};
  const Forecast a = find_model(GetParam())->run(plain, {{"rounds", "6"}, {"stop", "rounds"}});
  const Forecast b = find_model(GetParam())->run(s, {{"rounds", "6"}, {"stop", "rounds"}});
  for (std::size_t i = 0; i < 2; ++i) {
    expect_same_positions(a.issues[i].rounds, b.issues[i].rounds, 3);
    ASSERT_EQ(b.issues[i].rounds.size(), 7u);
    EXPECT_TRUE(std::isnan(b.issues[i].rounds[3].positions[2]));  // a2 left before round 3
  }
  EXPECT_NE(a.issues[0].rounds[3].positions[1], b.issues[0].rounds[3].positions[1]);  // a1 was moved to 5
}

TEST_P(RoundModelEvents, RefusesARoundLimitBeforeTheLastEvent) {
  Scenario s = two_issues();
  s.events = {event("late", 8, {position(1, 0, 5)})};
  try {
    find_model(GetParam())->run(s, {{"rounds", "5"}, {"stop", "rounds"}});
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), std::string(GetParam()) + " option rounds");
    EXPECT_EQ(e.problem(),
              "rounds=5 ends before event 'late' at " + std::string(GetParam() == std::string("smp") ? "turn" : "round") + " 8");
    EXPECT_EQ(e.expected(), "rounds >= 8, so that every event is applied");
  }
  EXPECT_NO_THROW(find_model(GetParam())->run(s, {{"rounds", "8"}, {"stop", "rounds"}}));
}

INSTANTIATE_TEST_SUITE_P(Models, RoundModelEvents, ::testing::Values("bdm", "smp"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) { return std::string(param_info.param); });

TEST(Events, AnActorLeavingAtRoundOneIsAsIfItWereNeverThere) {
  Scenario s = two_issues();
  s.events = {event("leave", 1, {}, {}, {3})};
  Scenario without;  // the same scenario without a3
  const Scenario full = two_issues();
  for (std::size_t a = 0; a < 3; ++a) without.add_actor(full.actor(a));
  for (std::size_t i = 0; i < 2; ++i) without.add_issue(full.issue(i));
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t a = 0; a < 3; ++a) without.stance(i, a) = full.stance(i, a);
  for (const char* model : {"bdm", "smp"}) {
    SCOPED_TRACE(model);
    const Forecast with = find_model(model)->run(s, {});
    const Forecast gone = find_model(model)->run(without, {});
    for (std::size_t i = 0; i < 2; ++i) {
      ASSERT_EQ(with.issues[i].rounds.size(), gone.issues[i].rounds.size());
      for (std::size_t t = 1; t < with.issues[i].rounds.size(); ++t) {
        for (std::size_t a = 0; a < 3; ++a)
          EXPECT_DOUBLE_EQ(with.issues[i].rounds[t].positions[a], gone.issues[i].rounds[t].positions[a]) << "round " << t;
        EXPECT_TRUE(std::isnan(with.issues[i].rounds[t].positions[3]));
      }
      EXPECT_DOUBLE_EQ(*with.issues[i].outcome, *gone.issues[i].outcome);
    }
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Over random one-issue scenarios: an event at round 1 that moves one actor, changes another's
// salience and takes a third out gives bdm exactly the run from the scenario after the event; an
// event at round 4 leaves rounds 0 to 3 as they were.
TEST(EventsProperties, RoundOneEqualsTheScenarioAfterAndEarlierRoundsAreUntouched) {
  EXPECT_TRUE(rc::check([] {
    const std::size_t n = *rc::gen::inRange<std::size_t>(3, 9);
    std::vector<Member> m;
    for (std::size_t k = 0; k < n; ++k)
      m.push_back({*rc::gen::inRange(0, 101) * 1.0, *rc::gen::inRange(1, 101) * 1.0, *rc::gen::inRange(1, 101) / 100.0});
    Scenario s = one_issue(m);
    const std::size_t mover = *rc::gen::inRange<std::size_t>(0, n), leaver = (mover + 1) % n, other = (mover + 2) % n;
    const double to = *rc::gen::inRange(0, 101);
    const double sal = *rc::gen::inRange(1, 101) / 100.0;
    Event e = event("e", 1, {position(mover, 0, to), {EventChange::Field::salience, other, 0, point(sal)}}, {}, {leaver});
    s.events = {e};
    const Forecast with = find_model("bdm")->run(s, {});
    const Forecast after = find_model("bdm")->run(scenario_at(s, 1), {});
    RC_ASSERT(with.issues[0].rounds.size() == after.issues[0].rounds.size());
    for (std::size_t t = 1; t < with.issues[0].rounds.size(); ++t)
      for (std::size_t a = 0; a < n; ++a) {
        const double x = with.issues[0].rounds[t].positions[a], y = after.issues[0].rounds[t].positions[a];
        RC_ASSERT((std::isnan(x) && std::isnan(y)) || x == y);
      }
    RC_ASSERT(*with.issues[0].outcome == *after.issues[0].outcome);

    Scenario late = one_issue(m);
    e.round = 4;
    late.events = {e};
    const Forecast plain = find_model("bdm")->run(one_issue(m), {});
    const Forecast later = find_model("bdm")->run(late, {});
    for (std::size_t t = 0; t < 4; ++t) RC_ASSERT(plain.issues[0].rounds[t].positions == later.issues[0].rounds[t].positions);
    RC_ASSERT(std::isnan(later.issues[0].rounds[4].positions[leaver]));
  }));
}

}  // namespace
}  // namespace parley
