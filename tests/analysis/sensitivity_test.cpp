#include "parley/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

constexpr double pi = std::numbers::pi;

// The Ishigami function (Ishigami and Homma 1990) with a = 7, b = 0.1 on [-pi, pi]^3. Its indices
// are known in closed form (e.g. Saltelli et al. 2008, Global Sensitivity Analysis, p. 179).
void ishigami(unsigned, const double* u, double* y) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  y[0] = std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

struct IshigamiExact {
  double v1, v2, v3, v13, v;
  IshigamiExact() {
    const double a = 7, b = 0.1, p4 = std::pow(pi, 4), p8 = p4 * p4;
    v1 = 0.5 * std::pow(1 + b * p4 / 5, 2);
    v2 = a * a / 8;
    v3 = 0;
    v13 = b * b * p8 * (1.0 / 18 - 1.0 / 50);
    v = v1 + v2 + v13;
  }
};

TEST(Sobol, InteractionsDominateWhenTheTotalIndexExceedsTwiceTheFirstOrderOneBy005) {
  EXPECT_TRUE(interactions_dominate({0.1, 0, 0.26, 0}));    // 0.26 > 2 × 0.1 + 0.05
  EXPECT_FALSE(interactions_dominate({0.1, 0, 0.25, 0}));   // not by more
  EXPECT_TRUE(interactions_dominate({-0.05, 0, 0.06, 0}));  // a negative first-order estimate counts as 0
  EXPECT_FALSE(interactions_dominate({0.5, 0, 0.9, 0}));
  EXPECT_FALSE(interactions_dominate({std::nan(""), 0, std::nan(""), 0}));
}

TEST(Sobol, RecoversTheIshigamiIndices) {
  const IshigamiExact e;
  const SobolResult r = sobol_indices(3, 1, {8192, 2024, 2, 100}, ishigami);
  const double s1[] = {e.v1 / e.v, e.v2 / e.v, 0};
  const double st[] = {(e.v1 + e.v13) / e.v, e.v2 / e.v, e.v13 / e.v};
  EXPECT_NEAR(s1[0], 0.3139, 1e-4);  // the published values
  EXPECT_NEAR(st[2], 0.2437, 1e-4);
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    const SobolIndex& x = r.at(0, i);
    EXPECT_NEAR(x.first, s1[i], std::max(0.03, 1.5 * x.first_error));
    EXPECT_NEAR(x.total, st[i], std::max(0.03, 1.5 * x.total_error));
    EXPECT_GT(x.first_error, 0);
    EXPECT_LT(x.first_error, 0.1);
  }
  EXPECT_NEAR(r.variance[0], e.v, 0.05 * e.v);
}

TEST(Sobol, DoesNotDependOnTheThreadCount) {
  const SobolResult a = sobol_indices(3, 1, {256, 5, 1, 20}, ishigami);
  const SobolResult b = sobol_indices(3, 1, {256, 5, 7, 20}, ishigami);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a.at(0, i).first, b.at(0, i).first);
    EXPECT_EQ(a.at(0, i).total_error, b.at(0, i).total_error);
  }
}

/// Compromise on one issue is a weighted mean: with only positions uncertain it is linear, and
/// S_i = ST_i = w_i^2 var_i / sum_j w_j^2 var_j exactly.
TEST(Sobol, LinearScenarioIndicesAreKnownByConstruction) {
  Scenario s = testing::one_issue({{0, 1}, {0, 2}, {0, 3}, {50, 4}});
  s.stance(0, 0).position->value = Uncertain::range(0, 60);   // w = 0.1, var = 300
  s.stance(0, 1).position->value = Uncertain::range(20, 50);  // w = 0.2, var = 75
  s.stance(0, 2).position->value = Uncertain::normal(50, 5);  // w = 0.3, var ~ 25 (truncation negligible)
  s.outcome_classes.push_back({"low", "", "i < 30", ""});
  const SweepSetup setup(s, *find_model("compromise"), {}, {});
  const double part[] = {0.01 * 300, 0.04 * 75, 0.09 * 25}, total = part[0] + part[1] + part[2];
  const SobolResult r = scenario_sobol_indices(setup, {4096, 8, 2, 50});
  ASSERT_EQ(r.outputs, 2u);
  EXPECT_NEAR(r.variance[0], total, 0.05 * total);
  for (std::size_t k = 0; k < 3; ++k) {
    SCOPED_TRACE(k);
    EXPECT_NEAR(r.at(0, k).first, part[k] / total, 0.03);
    EXPECT_NEAR(r.at(0, k).total, part[k] / total, 0.03);
  }

  std::vector<double> base;
  const std::vector<TornadoBar> bars = tornado(setup, base, 2);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_NEAR(base[0], 0.1 * 30 + 0.2 * 35 + 0.3 * 50 + 0.4 * 50, 1e-9);
  EXPECT_NEAR(bars[0].high[0] - bars[0].low[0], 0.1 * 0.9 * 60, 1e-9);
  EXPECT_NEAR(bars[1].high[0] - bars[1].low[0], 0.2 * 0.9 * 30, 1e-9);
  EXPECT_NEAR(bars[2].high[0] - bars[2].low[0], 0.3 * 2 * 1.6448536269514722 * 5, 1e-6);
  EXPECT_EQ(bars[0].low[1], 0);  // class membership at point values and at the ends
}

TEST(Sobol, ConstantOutputsHaveNoIndices) {
  const SobolResult r = sobol_indices(2, 1, {64, 1, 1, 10}, [](unsigned, const double*, double* y) { y[0] = 3; });
  EXPECT_TRUE(std::isnan(r.at(0, 0).first));
  EXPECT_TRUE(std::isnan(r.at(0, 1).total));
}

}  // namespace
}  // namespace parley
