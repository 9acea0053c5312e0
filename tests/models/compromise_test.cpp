#include <gtest/gtest.h>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

using testing::one_issue;
using testing::outcome;

TEST(Compromise, SingleActorGetsItsPosition) { EXPECT_DOUBLE_EQ(*outcome("compromise", one_issue({{37, 2, 0.3}})), 37); }

TEST(Compromise, TwoActorsWeightedByCapabilityTimesSalience) {
  // (3 * 0.5 * 0 + 1 * 1 * 100) / (1.5 + 1) = 40
  EXPECT_DOUBLE_EQ(*outcome("compromise", one_issue({{0, 3, 0.5}, {100, 1, 1}})), 40);
}

TEST(Compromise, SymmetricActorsMeetInTheMiddle) {
  EXPECT_DOUBLE_EQ(*outcome("compromise", one_issue({{20, 2, 0.5}, {80, 2, 0.5}, {50, 7, 0.1}})), 50);
}

TEST(Compromise, UsesPointValuesAndSkipsMissingSaliences) {
  Scenario s = one_issue({{10}, {30}, {90}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);  // midpoint 10
  s.stance(0, 2).salience.reset();                           // left out
  EXPECT_DOUBLE_EQ(*outcome("compromise", s), 20);
}

TEST(Compromise, SaysWhyWhenItCannotForecast) {
  Scenario s = one_issue({{10, 1, 0}, {30, 1, 0}});
  const Forecast f = find_model("compromise")->run(s, {});
  EXPECT_FALSE(f.issues[0].outcome);
  EXPECT_NE(f.issues[0].note.find("zero salience"), std::string::npos);
  s.stance(0, 0).salience.reset();
  s.stance(0, 1).salience.reset();
  EXPECT_NE(find_model("compromise")->run(s, {}).issues[0].note.find("no actor"), std::string::npos);
}

TEST(Compromise, RejectsOptions) { EXPECT_THROW(find_model("compromise")->run(one_issue({{1}}), {{"tie", "lower"}}), InputError); }

}  // namespace
}  // namespace parley
