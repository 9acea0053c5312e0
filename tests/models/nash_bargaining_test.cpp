#include <gtest/gtest.h>

#include <cmath>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

using testing::one_issue;
using testing::outcome;

TEST(NashBargaining, SingleActorGetsItsIdeal) {
  EXPECT_NEAR(*outcome("nbs", one_issue({{40}}, 0)), 40, 1e-9);
  EXPECT_NEAR(*outcome("nbs", one_issue({{40}}, 90)), 40, 1e-9);
  EXPECT_NEAR(*outcome("nbs", one_issue({{40}}, 0), {{"loss_exponent", "1"}}), 40, 1e-9);
}

TEST(NashBargaining, TwoActorsClosedForm) {
  // d = 0, ideals 4 and 6, equal weights, quadratic loss: x^2 - 15x + 48 = 0, so x = (15 - sqrt 33) / 2.
  EXPECT_NEAR(*outcome("nbs", one_issue({{4}, {6}}, 0, 0, 10)), (15 - std::sqrt(33.0)) / 2, 1e-12);
  // Mirrored around 5: d = 10, ideals 6 and 4.
  EXPECT_NEAR(*outcome("nbs", one_issue({{6}, {4}}, 10, 0, 10)), 10 - (15 - std::sqrt(33.0)) / 2, 1e-12);
}

TEST(NashBargaining, IdenticalIdealsAreReached) { EXPECT_NEAR(*outcome("nbs", one_issue({{5, 2}, {5, 1}}, 1)), 5, 1e-12); }

TEST(NashBargaining, StatusQuoWhenNoChangeHelpsEveryone) {
  const Forecast both_sides = find_model("nbs")->run(one_issue({{20}, {80}}, 50), {});
  EXPECT_EQ(*both_sides.issues[0].outcome, 50);
  EXPECT_NE(both_sides.issues[0].note.find("both sides"), std::string::npos);
  EXPECT_EQ(*outcome("nbs", one_issue({{20}, {50}}, 50)), 50);
}

TEST(NashBargaining, NeedsAStatusQuoUnlessRemote) {
  const Forecast f = find_model("nbs")->run(one_issue({{20}, {80}}), {});
  EXPECT_FALSE(f.issues[0].outcome);
  EXPECT_NE(f.issues[0].note.find("status quo"), std::string::npos);
}

TEST(NashBargaining, RemoteDisagreementWithQuadraticLossIsTheCompromise) {
  const Scenario s = one_issue({{10, 2, 0.5}, {35, 1, 1}, {90, 4, 0.3}}, 50);
  EXPECT_DOUBLE_EQ(*outcome("nbs", s, {{"disagreement", "remote"}}), *outcome("compromise", s));
}

TEST(NashBargaining, ConvergesToTheCompromiseAsTheStatusQuoRecedes) {
  const std::vector<testing::Member> m{{10, 2, 0.5}, {35, 1, 1}, {90, 4, 0.3}};
  const double compromise = *outcome("compromise", one_issue(m));
  double previous_gap = 1e9;
  for (double d : {-1e2, -1e3, -1e4, -1e5}) {
    const double gap = std::abs(*outcome("nbs", one_issue(m, d, -1e6, 100)) - compromise);
    EXPECT_LT(gap, previous_gap);
    previous_gap = gap;
  }
  EXPECT_LT(previous_gap, 0.05);
}

TEST(NashBargaining, RemoteWithLinearLossIsTheWeightedMedian) {
  const Scenario s = one_issue({{10, 2, 0.5}, {35, 1, 1}, {90, 4, 0.3}}, 50);
  EXPECT_NEAR(*outcome("nbs", s, {{"disagreement", "remote"}, {"loss_exponent", "1"}}), *outcome("median", s), 1e-9);
}

TEST(NashBargaining, BadOptions) {
  const Scenario s = one_issue({{10}}, 0);
  EXPECT_THROW(outcome("nbs", s, {{"loss_exponent", "0.5"}}), InputError);
  EXPECT_THROW(outcome("nbs", s, {{"loss_exponent", "two"}}), InputError);
  EXPECT_THROW(outcome("nbs", s, {{"weights", "gdp"}}), InputError);
  EXPECT_THROW(outcome("nbs", s, {{"speed", "1"}}), InputError);
}

}  // namespace
}  // namespace parley
