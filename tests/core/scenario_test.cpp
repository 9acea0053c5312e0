#include "parley/scenario.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

Actor actor(const std::string& id) { return Actor{id, id, ActorKind::other, {Uncertain::point(1), -1}, "", std::nullopt}; }

TEST(Scenario, AddingAnActorAfterIssuesKeepsEveryStance) {
  Scenario s;
  s.add_actor(actor("a"));
  s.add_issue(Issue{"i", "I", {}, std::nullopt, std::nullopt, ""});
  s.add_issue(Issue{"j", "J", {}, std::nullopt, std::nullopt, ""});
  s.stance(0, 0).position = Parameter{Uncertain::point(10), -1};
  s.stance(1, 0).position = Parameter{Uncertain::point(20), -1};
  s.add_actor(actor("b"));
  s.stance(1, 1).position = Parameter{Uncertain::point(30), -1};
  EXPECT_EQ(s.stance(0, 0).position->point(), 10);
  EXPECT_EQ(s.stance(1, 0).position->point(), 20);
  EXPECT_FALSE(s.stance(0, 1).position);
  EXPECT_EQ(s.stance(1, 1).position->point(), 30);
}

TEST(Scenario, FindsByIdOrNot) {
  Scenario s;
  s.add_actor(actor("a"));
  s.add_actor(actor("b"));
  EXPECT_EQ(s.find_actor("b"), 1u);
  EXPECT_FALSE(s.find_actor("c"));
  EXPECT_FALSE(s.find_issue("a"));
}

TEST(ActorKind, RoundTripsEveryName) {
  for (const char* name : {"leader", "government", "bloc", "faction", "public", "organisation", "other"}) {
    auto kind = actor_kind_from_string(name);
    ASSERT_TRUE(kind) << name;
    EXPECT_STREQ(to_string(*kind), name);
  }
  EXPECT_FALSE(actor_kind_from_string("king"));
}

TEST(Stance, TakesPartOnlyWithPositionAndSalience) {
  Stance st;
  EXPECT_FALSE(st.takes_part());
  st.position = Parameter{Uncertain::point(1), -1};
  EXPECT_FALSE(st.takes_part());
  st.salience = Parameter{Uncertain::point(0.5), -1};
  EXPECT_TRUE(st.takes_part());
}

}  // namespace
}  // namespace parley
