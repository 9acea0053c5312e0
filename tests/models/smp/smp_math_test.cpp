// The building blocks of smp on cases with known answers.
#include "models/smp/smp_math.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley::models::smp {
namespace {

TEST(SmpMath, UtilityOfDistanceWithRiskAttitude) {
  EXPECT_DOUBLE_EQ(bs_util(0, 0.7), 1);
  EXPECT_DOUBLE_EQ(bs_util(1, -0.5), 0);
  EXPECT_DOUBLE_EQ(bs_util(0.5, 0), 0.5);
  EXPECT_DOUBLE_EQ(bs_util(0.5, 1), 0.75);      // risk acceptant: (1 - d)(1 + d)
  EXPECT_DOUBLE_EQ(bs_util(0.5, -0.5), 0.375);  // risk averse: (1 - d)(1 - d/2)
  EXPECT_DOUBLE_EQ(bs_util(1.5, 0.5), -0.75);   // beyond 1: (1 - d)(1 + R)
}

TEST(SmpMath, SalienceWeightedDistance) {
  const double a[] = {0.2, 0.9}, b[] = {0.5, 0.1}, s[] = {0.3, 0.4};
  // sqrt(((0.3 * 0.3)^2 + (0.8 * 0.4)^2) / (0.3^2 + 0.4^2))
  EXPECT_NEAR(bv_diff(a, b, s, 2), std::sqrt((0.0081 + 0.1024) / 0.25), 1e-15);
  const double only_first[] = {1, 0};
  EXPECT_NEAR(bv_diff(a, b, only_first, 2), 0.3, 1e-15);  // a dimension with salience 0 does not count
}

TEST(SmpMath, VotingRules) {
  EXPECT_DOUBLE_EQ(vote(VotingRule::proportional, 2, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(vote(VotingRule::binary, 2, 0.7, 0.2), 2.0);
  EXPECT_DOUBLE_EQ(vote(VotingRule::cubic, 2, 0.7, 0.2), 0.25);
  EXPECT_DOUBLE_EQ(vote(VotingRule::prop_cubic, 2, 0.7, 0.2), 2 * (0.5 * 0.5 + 0.5 * 0.125));
  EXPECT_DOUBLE_EQ(vote(VotingRule::prop_bin, 2, 0.7, 0.2), 2 * (0.8 * 0.5 + 0.2));
  EXPECT_DOUBLE_EQ(vote(VotingRule::asym_prospect, 3, 0.7, 0.2), 1.0);   // gains count 2/3
  EXPECT_DOUBLE_EQ(vote(VotingRule::asym_prospect, 3, 0.2, 0.7), -1.5);  // losses in full
}

TEST(SmpMath, VictoryProbabilityLaws) {
  // KTAB's documented examples: 2:1 gives 2/3 (linear), 4/5 (square), 16/17 (quartic), 256/257 (octic).
  EXPECT_NEAR(victory_pair(VictoryModel::linear, 2, 1).first, 2.0 / 3, 1e-15);
  EXPECT_NEAR(victory_pair(VictoryModel::square, 2, 1).first, 4.0 / 5, 1e-15);
  EXPECT_NEAR(victory_pair(VictoryModel::quartic, 2, 1).first, 16.0 / 17, 1e-15);
  EXPECT_NEAR(victory_pair(VictoryModel::octic, 2, 1).first, 256.0 / 257, 1e-15);
  EXPECT_NEAR(victory_pair(VictoryModel::binary, 1.2, 1).first, 1 / (1 + 1e-6), 1e-15);
  EXPECT_NEAR(victory_pair(VictoryModel::binary, 1, 1).first, 0.5, 1e-15);
  const auto [p, q] = victory_pair(VictoryModel::square, 3, 5);
  EXPECT_NEAR(p + q, 1, 1e-15);
}

TEST(SmpMath, ConditionalElectionOfTwoOptions) {
  // c(0,1) = 3, c(1,0) = 1: P[0 > 1] = 3/4; conditional PCE gives (0.5 * 3/4, 0.5 * 1/4), normalised.
  const std::vector<double> c{1e-8, 3, 1, 1e-8};
  const std::vector<double> p = condorcet_probabilities(PceModel::conditional, VictoryModel::linear, c, 2);
  EXPECT_NEAR(p[0], 0.75, 1e-15);
  EXPECT_NEAR(p[1], 0.25, 1e-15);
  for (PceModel m : {PceModel::markov_incentive, PceModel::markov_uniform}) {
    const std::vector<double> q = condorcet_probabilities(m, VictoryModel::linear, c, 2);
    EXPECT_NEAR(q[0] + q[1], 1, 1e-9);
    EXPECT_GT(q[0], q[1]);
  }
}

TEST(SmpMath, CoalitionsAddPositiveVotesOnly) {
  // Two actors, two options: actor 0 (weight 2) prefers option 0 by 0.5, actor 1 (weight 1) option 1 by 0.25.
  const std::vector<double> w{2, 1}, u{0.9, 0.25, 0.4, 0.5};  // option-major
  const std::vector<double> c = coalitions(VotingRule::proportional, w, u, 2, 2);
  EXPECT_NEAR(c[1 * 2 + 0], 1e-8 + 0.25, 1e-15);  // option 1 over 0
  EXPECT_NEAR(c[0 * 2 + 1], 1e-8 + 1.0, 1e-15);   // option 0 over 1
}

// KTAB's `mid` formula maps [p_min, p_max] onto [-1/2, 1] exactly, but in floating point the numerator
// 3p - (p_max + 2 p_min) cancels: its rounding error (a few ulps of the probabilities) is divided by
// 2 (p_max - p_min), so when the spread is small the lowest attitude may sit below -1/2 by rounding
// (a random smp scenario found -0.50000000006). parley keeps KTAB's arithmetic bit for bit, so the
// range holds up to that bound, not to a fixed 1e-12 (docs/models/smp.md, "Risk attitudes").
RC_GTEST_PROP(SmpMath, RiskAttitudesLeaveTheRangeOnlyByRoundingOfKtabsFormula, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(2, 12);
  const double base = *rc::gen::inRange(1, 1000000) / 1e6;
  const int exponent = *rc::gen::inRange(1, 12);  // spreads from 1e-1 down to 1e-11
  std::vector<double> p(n);
  for (double& x : p) x = std::min(1.0, base + *rc::gen::inRange(0, 1000) * std::pow(10.0, -exponent) / 1000);
  const double lo = *std::min_element(p.begin(), p.end()), hi = *std::max_element(p.begin(), p.end());
  RC_PRE(hi - lo > 1e-12);
  const double eps = std::numeric_limits<double>::epsilon();
  const double bound = 2 * (3 * eps / (hi - lo) + 2 * eps);  // twice the first-order error bound
  for (const RiskRange range : {RiskRange::mid, RiskRange::max, RiskRange::min}) {
    const double floor = range == RiskRange::mid ? -0.5 : range == RiskRange::max ? -1.0 : 0.0;
    for (const double r : risk_from_probabilities(p, range)) {
      RC_ASSERT(r >= floor - bound);
      RC_ASSERT(r <= 1.0 + bound);
    }
  }
}

TEST(SmpMath, RiskAttitudeBelowMinusOneHalfIsKtabsRoundingNotAModelError) {
  // A spread of 2.6e-9: the exact attitude of the lowest actor is -1/2; KTAB's arithmetic, which
  // parley keeps, gives -0.50000002176, inside the rounding bound above.
  const std::vector<double> p{0.763774618976614, 0.7637746215273042};
  const std::vector<double> r = risk_from_probabilities(p, RiskRange::mid);
  EXPECT_LT(r[0], -0.5 - 1e-12);
  EXPECT_NEAR(r[0], -0.5, 2 * (3 * std::numeric_limits<double>::epsilon() / (p[1] - p[0])));
}

TEST(SmpMath, RiskAttitudesSpanTheChosenRange) {
  const std::vector<double> p{0.1, 0.2, 0.7};
  EXPECT_NEAR(risk_from_probabilities(p, RiskRange::mid).front(), -0.5, 1e-15);
  EXPECT_NEAR(risk_from_probabilities(p, RiskRange::mid).back(), 1.0, 1e-15);
  EXPECT_NEAR(risk_from_probabilities(p, RiskRange::max).front(), -1.0, 1e-15);
  EXPECT_EQ(risk_from_probabilities(p, RiskRange::min).front(), 0.0);
  EXPECT_EQ(risk_from_probabilities({0.5, 0.5}, RiskRange::mid), (std::vector<double>{0, 0}));  // all equal: neutral
  EXPECT_DOUBLE_EQ(estimated_risk(0.3, 0.9, RiskAdjust::one_third), 0.5);
  EXPECT_DOUBLE_EQ(estimated_risk(0.3, 0.9, RiskAdjust::full), 0.9);
  EXPECT_DOUBLE_EQ(estimated_risk(0.3, 0.9, RiskAdjust::none), 0.3);
}

TEST(SmpMath, BargainsInterpolateByPowerAndSalience) {
  // Equal salience and probability: the midpoint (rounded to 4 decimals), the same for both.
  const auto [bi, bj] = interpolate(Interpolation::s2p2, 0.2, 0.5, 0.5, 0.6, 0.5, 0.5);
  EXPECT_DOUBLE_EQ(bi, 0.4);
  EXPECT_DOUBLE_EQ(bj, 0.4);
  // S1P1 weights (s p): 0.5*0.75 : 0.5*0.25 -> 3/4 of the way to i's position.
  const auto [ci, cj] = interpolate(Interpolation::s1p1, 0.2, 0.5, 0.75, 0.6, 0.5, 0.25);
  EXPECT_NEAR(ci, 0.3, 1e-4);
  EXPECT_NEAR(cj, 0.3, 1e-4);
  // S2PMax: the weaker side moves toward the stronger; the stronger does not move.
  const auto [di, dj] = interpolate(Interpolation::s2pmax, 0.2, 0.5, 0.75, 0.6, 0.5, 0.25);
  EXPECT_DOUBLE_EQ(di, 0.2);
  EXPECT_GT(dj, 0.2);
  EXPECT_LT(dj, 0.6);
}

}  // namespace
}  // namespace parley::models::smp
