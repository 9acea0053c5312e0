#include "parley/ensemble.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace parley {
namespace {

/// A table of its own (never the shipped placeholder's numbers): a weighs 3, b 1, c 0 (no weight).
SkillTable table() {
  SkillTable t;
  t.data = "test data";
  t.command = "parley backtest --cross-validate test.tsv";
  ModelSkill a, b, c;
  a.model = "a", a.weight = 0.6;
  b.model = "b", b.weight = 0.2;
  c.model = "c", c.weight = 0;
  t.models = {a, b, c};
  return t;
}

TEST(Ensemble, WeightsAreRenormalisedOverTheModelsGiven) {
  const EnsembleWeights w = ensemble_weights(table(), {"b", "a"});
  ASSERT_EQ(w.weights.size(), 2u);
  EXPECT_DOUBLE_EQ(w.weights[0], 0.25);
  EXPECT_DOUBLE_EQ(w.weights[1], 0.75);
  EXPECT_TRUE(w.missing.empty());
  EXPECT_FALSE(w.equal);
  EXPECT_EQ(w.data, "test data");
  EXPECT_EQ(w.command, "parley backtest --cross-validate test.tsv");
}

TEST(Ensemble, AModelMissingFromTheTableWeighsNothingAndIsNamed) {
  const EnsembleWeights w = ensemble_weights(table(), {"a", "unknown", "c"});
  EXPECT_DOUBLE_EQ(w.weights[0], 1);
  EXPECT_DOUBLE_EQ(w.weights[1], 0);
  EXPECT_DOUBLE_EQ(w.weights[2], 0);
  EXPECT_EQ(w.missing, (std::vector<std::string>{"unknown", "c"}));
}

TEST(Ensemble, EqualWeightsWhenNoModelIsInTheTable) {
  const EnsembleWeights w = ensemble_weights(table(), {"x", "y"});
  EXPECT_TRUE(w.equal);
  EXPECT_DOUBLE_EQ(w.weights[0], 0.5);
  EXPECT_DOUBLE_EQ(w.weights[1], 0.5);
  EXPECT_THROW(ensemble_weights(table(), {}), std::invalid_argument);
}

TEST(Ensemble, TheShippedTableGivesWeightsThatSumToOne) {
  const EnsembleWeights w = ensemble_weights(shipped_skill(), {"compromise", "median", "bdm"});
  EXPECT_NEAR(w.weights[0] + w.weights[1] + w.weights[2], 1, 1e-12);
  EXPECT_EQ(w.data, shipped_skill().data);
}

TEST(Ensemble, MeanIsWeightedAndSkipsModelsWithoutAForecast) {
  const EnsembleWeights w = ensemble_weights(table(), {"a", "b"});
  EXPECT_DOUBLE_EQ(ensemble_mean(w, {40, 80}), 0.75 * 40 + 0.25 * 80);
  EXPECT_DOUBLE_EQ(ensemble_mean(w, {std::nan(""), 80}), 80);
  EXPECT_TRUE(std::isnan(ensemble_mean(w, {std::nan(""), std::nan("")})));
  // A model without weight never counts, even when it alone has a forecast.
  const EnsembleWeights z = ensemble_weights(table(), {"a", "c"});
  EXPECT_DOUBLE_EQ(ensemble_mean(z, {10, 90}), 10);
  EXPECT_TRUE(std::isnan(ensemble_mean(z, {std::nan(""), 90})));
}

TEST(Ensemble, ProbabilityIsTheWeightedMixture) {
  const EnsembleWeights w = ensemble_weights(table(), {"a", "b"});
  const Proportion pa = wilson_interval(50, 200), pb = wilson_interval(150, 200);
  const Proportion p = ensemble_probability(w, {pa, pb});
  EXPECT_DOUBLE_EQ(p.estimate, 0.75 * 0.25 + 0.25 * 0.75);
  EXPECT_DOUBLE_EQ(p.low, 0.75 * pa.low + 0.25 * pb.low);
  EXPECT_DOUBLE_EQ(p.high, 0.75 * pa.high + 0.25 * pb.high);
  EXPECT_EQ(p.total, 200u);
  EXPECT_EQ(p.count, 75u);
}

TEST(Ensemble, AllAndNoneKeepTheirMeaning) {
  const EnsembleWeights w = ensemble_weights(table(), {"a", "b"});
  const Proportion all = ensemble_probability(w, {wilson_interval(200, 200), wilson_interval(200, 200)});
  EXPECT_EQ(all.count, 200u);
  EXPECT_EQ(all.estimate, 1);
  EXPECT_NEAR(all.low, wilson_interval(200, 200).low, 1e-12);
  const Proportion none = ensemble_probability(w, {wilson_interval(0, 200), wilson_interval(0, 200)});
  EXPECT_EQ(none.count, 0u);
  EXPECT_EQ(none.estimate, 0);
  // Nearly all is not all: the count stays below the total.
  const Proportion nearly = ensemble_probability(w, {wilson_interval(200, 200), wilson_interval(199, 200)});
  EXPECT_EQ(nearly.count, 199u);
  EXPECT_LT(nearly.estimate, 1);
  // A model without weight does not spoil "all".
  const EnsembleWeights z = ensemble_weights(table(), {"a", "c"});
  EXPECT_EQ(ensemble_probability(z, {wilson_interval(200, 200), wilson_interval(3, 200)}).count, 200u);
}

}  // namespace
}  // namespace parley
