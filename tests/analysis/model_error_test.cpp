// Predictive intervals and model error in sweeps (skill.hpp, model_error.hpp): closed forms on a
// hand-made ModelSkill, determinism, and what the shipped residuals do to a sweep.
#include "parley/model_error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "models/model_fixtures.hpp"
#include "parley/model.hpp"

namespace parley {
namespace {

/// A skill row whose residual at quantile u is u − 0.5 (residual_percentiles p/100 − 0.5) and whose
/// half-widths are 0.1, 0.25 and 0.4 of the scale.
ModelSkill hand_made() {
  ModelSkill s;
  s.model = "hand";
  s.half_width = {0.1, 0.25, 0.4};
  s.coverage = {0.5, 0.8, 0.9};
  for (int p = 1; p <= 99; ++p) s.residual_percentiles.push_back(p / 100.0 - 0.5);
  return s;
}

TEST(PredictiveIntervals, AreTheForecastPlusMinusTheHalfWidthClippedToTheScale) {
  const ModelSkill s = hand_made();
  std::vector<PredictiveInterval> p = predictive_intervals(s, 50, 0, 100);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_DOUBLE_EQ(p[0].level, 0.5);
  EXPECT_DOUBLE_EQ(p[0].low, 40);
  EXPECT_DOUBLE_EQ(p[0].high, 60);
  EXPECT_DOUBLE_EQ(p[1].level, 0.8);
  EXPECT_DOUBLE_EQ(p[1].low, 25);
  EXPECT_DOUBLE_EQ(p[1].high, 75);
  EXPECT_DOUBLE_EQ(p[2].low, 10);
  EXPECT_DOUBLE_EQ(p[2].high, 90);
  // A fraction of the scale width, so a 0–10 scale gets a tenth; clipped at the ends.
  p = predictive_intervals(s, 9, 0, 10);
  EXPECT_DOUBLE_EQ(p[1].low, 6.5);
  EXPECT_DOUBLE_EQ(p[1].high, 10);
  EXPECT_DOUBLE_EQ(p[2].low, 5);
  EXPECT_DOUBLE_EQ(p[2].high, 10);
}

TEST(ModelError, ResidualQuantilesInterpolateThePercentilesAndClamp) {
  const ModelSkill s = hand_made();
  EXPECT_NEAR(residual_quantile(s, 0.5), 0, 1e-12);
  EXPECT_NEAR(residual_quantile(s, 0.255), -0.245, 1e-12);  // between the 25th and 26th percentiles
  EXPECT_NEAR(residual_quantile(s, 0.99), 0.49, 1e-12);
  EXPECT_NEAR(residual_quantile(s, 0.001), -0.49, 1e-12);  // clamped to the 1st percentile
  EXPECT_NEAR(residual_quantile(s, 0.9999), 0.49, 1e-12);
  EXPECT_EQ(residual_quantile(ModelSkill{}, 0.3), 0);
}

TEST(ModelError, MovesEachOutcomeByMinusTheResidualTimesTheWidthClippedToTheScale) {
  Scenario s = testing::one_issue({{30}, {50}, {100}});
  ModelSkill constant;
  constant.residual_percentiles.assign(99, 0.1);  // the model is always 10 % of the width too high
  double x = 50, out = 0;
  add_model_error(s, constant, 1, 0, &x, &out);
  EXPECT_DOUBLE_EQ(out, 40);
  x = 5;
  add_model_error(s, constant, 1, 0, &x, &out);
  EXPECT_DOUBLE_EQ(out, 0);  // clipped
  x = std::nan("");
  add_model_error(s, constant, 1, 0, &x, &out);
  EXPECT_TRUE(std::isnan(out));
}

/// One issue whose compromise outcome is uniform on [50, 70] (sweep_test.cpp's linear scenario).
Scenario linear_scenario() {
  Scenario s = testing::one_issue({{30}, {50}, {100}});
  s.stance(0, 0).position->value = Uncertain::range(0, 60);
  s.outcome_classes.push_back({"low", "", "i < 45", ""});
  s.outcome_classes.push_back({"high", "", "i >= 45", ""});
  return s;
}

const ModelSkill& compromise_skill() {
  const ModelSkill* s = shipped_skill().find("compromise");
  EXPECT_NE(s, nullptr);
  return *s;
}

TEST(ModelError, IsTheSameForTheSameSeedWhateverTheThreadsAndDependsOnTheDrawNumber) {
  const SweepSetup setup(linear_scenario(), *find_model("compromise"), {}, {3, 0});
  SweepControl one, three;
  three.threads = 3;
  const SweepSummary a = run_sweep(setup, 500, one), b = run_sweep(setup, 500, three);
  ASSERT_TRUE(a.with_model_error && b.with_model_error);
  EXPECT_EQ(a.with_model_error->model, "compromise");
  EXPECT_EQ(a.with_model_error->issues[0].q05, b.with_model_error->issues[0].q05);
  EXPECT_EQ(a.with_model_error->issues[0].mean, b.with_model_error->issues[0].mean);
  EXPECT_EQ(a.with_model_error->classes[0].probability.count, b.with_model_error->classes[0].probability.count);
  // A subset of draws named by number gets each draw's own error.
  const Scenario& s = setup.scenario();
  const std::vector<double> outcomes{55, 60, 65};
  const std::vector<std::uint64_t> numbers{4, 9, 200};
  const ModelErrorSummary e = summarize_model_error(s, compromise_skill(), 3, 3, outcomes.data(), numbers.data());
  std::vector<double> expected;
  for (std::size_t k = 0; k < 3; ++k) {
    double out = 0;
    add_model_error(s, compromise_skill(), 3, numbers[k], &outcomes[k], &out);
    expected.push_back(out);
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_DOUBLE_EQ(e.issues[0].q50, expected[1]);
  // Another seed draws other errors.
  const ModelErrorSummary f = summarize_model_error(s, compromise_skill(), 4, 3, outcomes.data(), numbers.data());
  EXPECT_NE(e.issues[0].mean, f.issues[0].mean);
}

TEST(ModelError, WidensTheQuantilesAndMovesClassProbabilitiesTowardTheBaseRate) {
  const SweepSetup setup(linear_scenario(), *find_model("compromise"), {}, {3, 0});
  const SweepSummary s = run_sweep(setup, 4000, {});
  ASSERT_TRUE(s.with_model_error);
  const IssueSummary &in = s.issues[0], &with = s.with_model_error->issues[0];
  EXPECT_EQ(with.draws, in.draws);
  EXPECT_LT(with.q05, in.q05 - 10);  // compromise's residuals span ± 0.3 of the width at its 10th/90th percentiles
  EXPECT_GT(with.q95, in.q95 + 10);
  EXPECT_LT(with.q25, in.q25);
  EXPECT_GT(with.q75, in.q75);
  EXPECT_GT(with.sd, 2 * in.sd);
  // Inputs only: every outcome is ≥ 50, so "high" holds in all draws and "low" in none; the model's
  // error puts some below 45.
  EXPECT_EQ(s.classes[1].probability.count, 4000u);
  EXPECT_EQ(s.classes[0].probability.count, 0u);
  const Proportion &low = s.with_model_error->classes[0].probability, &high = s.with_model_error->classes[1].probability;
  EXPECT_GT(low.estimate, 0.1);
  EXPECT_LT(high.estimate, 0.9);
  EXPECT_EQ(low.count + high.count, 4000u);
  EXPECT_EQ(s.with_model_error->unclassified[0].share.count, 0u);
}

TEST(ModelError, IsAbsentForAModelTheSkillTableDoesNotKnow) {
  const std::vector<double> outcomes{55};
  EXPECT_FALSE(model_error_summary(shipped_skill(), "no-such-model", linear_scenario(), 1, 1, outcomes.data()));
  const auto e = model_error_summary(shipped_skill(), "bdm", linear_scenario(), 1, 1, outcomes.data());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->data, shipped_skill().data);
}

}  // namespace
}  // namespace parley
