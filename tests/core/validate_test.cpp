#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/checks.hpp"
#include "parley/error.hpp"
#include "parley/scenario.hpp"

namespace parley {
namespace {

Scenario two_by_one() {
  Scenario s;
  s.add_actor(Actor{"a", "A", ActorKind::leader, {Uncertain::point(2), -1}, "", std::nullopt});
  s.add_actor(Actor{"b", "B", ActorKind::bloc, {Uncertain::point(1), -1}, "", std::nullopt});
  s.add_issue(Issue{"i", "I", {0, 100, "", ""}, std::nullopt, std::nullopt, ""});
  s.stance(0, 0) = Stance{Parameter{Uncertain::point(10), -1}, Parameter{Uncertain::point(0.5), -1}};
  s.stance(0, 1) = Stance{Parameter{Uncertain::point(90), -1}, Parameter{Uncertain::point(1), -1}};
  return s;
}

void expect_invalid(const Scenario& s, const std::string& field) {
  try {
    validate(s);
    ADD_FAILURE() << "valid, but " << field << " is wrong";
  } catch (const InputError& e) {
    EXPECT_NE(e.field().find(field), std::string::npos) << e.what();
  }
}

TEST(Validate, AcceptsAGoodScenario) { EXPECT_NO_THROW(validate(two_by_one())); }

TEST(Validate, RejectsEachBrokenInvariant) {
  {
    Scenario s = two_by_one();
    s.actor(1).id = "a";
    expect_invalid(s, "actors[1].id");
  }
  {
    Scenario s = two_by_one();
    s.actor(0).capability.value = Uncertain::point(0);
    expect_invalid(s, "actors.a.capability");
  }
  {
    Scenario s = two_by_one();
    s.stance(0, 0).position->value = Uncertain::point(std::nan(""));
    expect_invalid(s, "positions.a.i.position");
  }
  {
    Scenario s = two_by_one();
    s.stance(0, 1).salience->value = Uncertain::point(1.5);
    expect_invalid(s, "positions.b.i.salience");
  }
  {
    Scenario s = two_by_one();
    s.issue(0).scale = {5, 5, "", ""};
    expect_invalid(s, "issues.i.scale");
  }
  {
    Scenario s = two_by_one();
    s.stance(0, 0).position->citation = 3;
    expect_invalid(s, "positions.a.i.position.source");
  }
  {
    Scenario s = two_by_one();
    s.stance(0, 0).position.reset();
    expect_invalid(s, "positions.a.i.salience");
  }
}

TEST(Checks, Distributions) {
  EXPECT_FALSE(checks::within(Uncertain::range(10, 20), 0, 100, "the scale"));
  EXPECT_TRUE(checks::within(Uncertain::range(20, 10), 0, 100, "the scale"));
  EXPECT_TRUE(checks::within(Uncertain::range(-1, 10), 0, 100, "the scale"));
  EXPECT_TRUE(checks::within(Uncertain::normal(50, -1), 0, 100, "the scale"));
  EXPECT_FALSE(checks::within(Uncertain::normal(99, 30), 0, 100, "the scale"));
  EXPECT_TRUE(checks::within(Uncertain::triangular(10, 5, 20), 0, 100, "the scale"));
  EXPECT_TRUE(checks::positive(Uncertain::range(0, 3)));
  EXPECT_TRUE(checks::positive(Uncertain::point(std::numeric_limits<double>::infinity())));
  EXPECT_TRUE(checks::identifier("has space"));
  EXPECT_FALSE(checks::identifier("us-senate_2:x/y.z"));
}

}  // namespace
}  // namespace parley
