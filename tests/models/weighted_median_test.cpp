#include <gtest/gtest.h>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

using testing::one_issue;
using testing::outcome;

TEST(WeightedMedian, SingleActor) { EXPECT_DOUBLE_EQ(*outcome("median", one_issue({{37}})), 37); }

TEST(WeightedMedian, HeavyActorWins) {
  EXPECT_DOUBLE_EQ(*outcome("median", one_issue({{0, 1, 1}, {100, 3, 1}})), 100);
  EXPECT_DOUBLE_EQ(*outcome("median", one_issue({{0, 1, 1}, {60, 1, 1}, {100, 1, 1}})), 60);
  // Salience counts: 10 at 0 with salience 0.1 weighs 1, against 2 at 100.
  EXPECT_DOUBLE_EQ(*outcome("median", one_issue({{0, 10, 0.1}, {100, 2, 1}})), 100);
}

TEST(WeightedMedian, ExactTieFollowsTheTieRule) {
  const Scenario s = one_issue({{20, 1, 1}, {80, 1, 1}});
  EXPECT_DOUBLE_EQ(*outcome("median", s), 50);
  EXPECT_DOUBLE_EQ(*outcome("median", s, {{"tie", "lower"}}), 20);
  EXPECT_DOUBLE_EQ(*outcome("median", s, {{"tie", "upper"}}), 80);
  EXPECT_THROW(outcome("median", s, {{"tie", "random"}}), InputError);
}

TEST(WeightedMedian, IsTheCondorcetWinnerAmongPositions) {
  // Against every other position, the median wins a weighted majority of actors preferring it.
  const std::vector<testing::Member> m{{10, 2, 0.5}, {25, 1, 1}, {40, 3, 0.2}, {70, 1, 0.9}, {95, 2, 0.6}};
  const double med = *outcome("median", one_issue(m));
  for (const auto& rival : m) {
    if (rival.x == med) continue;
    double for_median = 0, for_rival = 0;
    for (const auto& a : m) {
      const double dm = std::abs(a.x - med), dr = std::abs(a.x - rival.x);
      if (dm < dr) for_median += a.c * a.s;
      if (dr < dm) for_rival += a.c * a.s;
    }
    EXPECT_GT(for_median, for_rival) << "rival " << rival.x;
  }
}

}  // namespace
}  // namespace parley
