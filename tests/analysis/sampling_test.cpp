#include "parley/sampling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <numeric>

#include "analysis/philox.hpp"
#include "models/model_fixtures.hpp"

namespace parley {
namespace {

using analysis::philox4x32;

// Known-answer vectors of Random123 (kat_vectors, philox4x32_10).
TEST(Philox, MatchesRandom123KnownAnswers) {
  EXPECT_EQ(philox4x32({0, 0, 0, 0}, {0, 0}), (analysis::PhiloxCounter{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(philox4x32({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
            (analysis::PhiloxCounter{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(philox4x32({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
            (analysis::PhiloxCounter{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(Philox, StreamFillMatchesSingleValuesAndStaysInsideTheOpenInterval) {
  const analysis::CounterStream s(42, 0);
  std::vector<double> v(7);
  s.fill(3, v.size(), v.data());
  for (std::size_t k = 0; k < v.size(); ++k) {
    EXPECT_EQ(v[k], s.uniform(3, k));
    EXPECT_GT(v[k], 0);
    EXPECT_LT(v[k], 1);
  }
  EXPECT_NE(s.uniform(3, 0), s.uniform(4, 0));
  EXPECT_NE(s.uniform(3, 0), analysis::CounterStream(43, 0).uniform(3, 0));
  EXPECT_NE(s.uniform(3, 0), analysis::CounterStream(42, 1).uniform(3, 0));
}

TEST(NormalQuantile, InvertsTheDistributionFunctionToMachinePrecision) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-9);
  for (double p = 0.001; p < 1; p += 0.0137) EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-15 + 1e-14 * p) << p;
}

UncertainInput input(Uncertain u, double lo, double hi) {
  UncertainInput in;
  in.distribution = u;
  in.low = lo;
  in.high = hi;
  return in;
}

TEST(UncertainInput, QuantilesOfEachDistribution) {
  EXPECT_DOUBLE_EQ(input(Uncertain::range(30, 50), 0, 100).quantile(0.25), 35);
  const UncertainInput tri = input(Uncertain::triangular(30, 40, 60), 0, 100);
  EXPECT_DOUBLE_EQ(tri.quantile(1.0 / 3), 40);  // F(mode) = (40 - 30) / (60 - 30)
  EXPECT_NEAR(tri.quantile(0.5), 60 - std::sqrt(0.5 * 30 * 20), 1e-12);
  const UncertainInput normal = input(Uncertain::normal(40, 5), 0, 100);
  EXPECT_NEAR(normal.quantile(0.975), 40 + 5 * 1.959963984540054, 1e-9);
  // Truncated at the scale: never outside it.
  const UncertainInput edge = input(Uncertain::normal(95, 10), 0, 100);
  EXPECT_LE(edge.quantile(1 - 1e-12), 100);
  EXPECT_NEAR(edge.quantile(0.5), 95 + 10 * normal_quantile(0.5 * normal_cdf(0.5)), 1e-9);
}

TEST(UncertainInput, TruncatedNormalDrawsHaveTheTruncatedMean) {
  // normal(95, 10) on [0, 100]: mean = mu + sigma (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
  const UncertainInput edge = input(Uncertain::normal(95, 10), 0, 100);
  const analysis::CounterStream s(7, 0);
  const int n = 200000;
  double sum = 0;
  for (int d = 0; d < n; ++d) sum += edge.quantile(s.uniform(d, 0));
  auto phi = [](double x) { return std::exp(-x * x / 2) / std::sqrt(2 * std::numbers::pi); };
  const double a = -9.5, b = 0.5;
  const double mean = 95 + 10 * (phi(a) - phi(b)) / (normal_cdf(b) - normal_cdf(a));
  EXPECT_NEAR(sum / n, mean, 4 * 6.0 / std::sqrt(n));  // sd of the truncated normal < 6
}

TEST(UncertainInputs, ListsOnlyDistributionsWithTheirNames) {
  Scenario s = testing::one_issue({{10, 1, 0.5}, {90, 1, 0.5}});
  s.actor(0).capability.value = Uncertain::range(1, 3);
  s.stance(0, 1).position->value = Uncertain::normal(80, 5);
  s.stance(0, 1).salience->value = Uncertain::range(0.4, 0.4);  // zero width: not an input
  s.issue(0).status_quo = Parameter{Uncertain::triangular(40, 50, 60), -1};
  const auto inputs = uncertain_inputs(s);
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].name, s.actor(0).id + ".capability");
  EXPECT_EQ(inputs[1].name, s.actor(1).id + "." + s.issue(0).id + ".position");
  EXPECT_EQ(inputs[2].name, s.issue(0).id + ".status_quo");
  const double values[] = {2, 70, 45};
  set_inputs(s, inputs, values);
  EXPECT_EQ(s.actor(0).capability.value, Uncertain::point(2));
  EXPECT_EQ(s.stance(0, 1).position->value, Uncertain::point(70));
  EXPECT_EQ(s.issue(0).status_quo->value, Uncertain::point(45));
}

TEST(InputSampler, DrawsArePureFunctionsOfSeedAndDrawNumber) {
  Scenario s = testing::one_issue({{10, 1, 0.5}, {90, 1, 0.5}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);
  s.stance(0, 1).position->value = Uncertain::range(80, 100);
  const InputSampler sampler(uncertain_inputs(s), {5, 0});
  double a[2], b[2], c[2];
  sampler.sample(9, a);
  sampler.sample(3, c);
  sampler.sample(9, b);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[1], b[1]);
  EXPECT_NE(a[0], c[0]);
}

TEST(InputSampler, ActorCorrelationCouplesOneActorsInputs) {
  Scenario s = testing::one_issue({{10, 1, 0.5}, {90, 1, 0.5}});
  s.stance(0, 0).position->value = Uncertain::range(0, 20);
  s.stance(0, 0).salience->value = Uncertain::range(0, 1);
  s.stance(0, 1).position->value = Uncertain::range(80, 100);
  auto correlation = [&](double rho, std::size_t x, std::size_t y) {
    const InputSampler sampler(uncertain_inputs(s), {11, rho});
    const int n = 20000;
    std::vector<double> zx(n), zy(n);
    double v[3];
    for (int d = 0; d < n; ++d) {
      sampler.sample(d, v);
      // Back to normal scores: position in [0, 20], salience in [0, 1], other position in [80, 100].
      const double u[3] = {v[0] / 20, v[1], (v[2] - 80) / 20};
      zx[d] = normal_quantile(u[x]);
      zy[d] = normal_quantile(u[y]);
    }
    const double mx = std::accumulate(zx.begin(), zx.end(), 0.0) / n, my = std::accumulate(zy.begin(), zy.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int d = 0; d < n; ++d) {
      sxy += (zx[d] - mx) * (zy[d] - my);
      sxx += (zx[d] - mx) * (zx[d] - mx);
      syy += (zy[d] - my) * (zy[d] - my);
    }
    return sxy / std::sqrt(sxx * syy);
  };
  EXPECT_NEAR(correlation(0.0, 0, 1), 0.0, 0.03);
  EXPECT_NEAR(correlation(0.5, 0, 1), 0.5, 0.03);
  EXPECT_NEAR(correlation(1.0, 0, 1), 1.0, 1e-6);
  EXPECT_NEAR(correlation(1.0, 0, 2), 0.0, 0.03);  // another actor's input stays independent
  EXPECT_THROW(InputSampler(uncertain_inputs(s), {1, 1.5}), InputError);
}

}  // namespace
}  // namespace parley
