#include "parley/sweep.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

TEST(Wilson, MatchesPublishedIntervals) {
  // Newcombe (1998), table I: 0/10 -> [0, 0.2775]; 1/29 -> [0.0061, 0.1718]; 81/263 -> [0.2553, 0.3662].
  Proportion p = wilson_interval(0, 10);
  EXPECT_EQ(p.low, 0);
  EXPECT_NEAR(p.high, 0.2775, 5e-5);
  p = wilson_interval(1, 29);
  EXPECT_NEAR(p.low, 0.0061, 5e-5);
  EXPECT_NEAR(p.high, 0.1718, 5e-5);
  p = wilson_interval(81, 263);
  EXPECT_NEAR(p.low, 0.2553, 5e-5);
  EXPECT_NEAR(p.high, 0.3662, 5e-5);
  EXPECT_DOUBLE_EQ(p.estimate, 81.0 / 263);
}

TEST(SortedQuantile, InterpolatesLikeNumpyAndR) {
  const std::vector<double> v{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(sorted_quantile(v, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(sorted_quantile(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(sorted_quantile(v, 0.95), 3.85);
  EXPECT_DOUBLE_EQ(sorted_quantile({7}, 0.05), 7);
}

/// Three actors on one issue; actor 0's position is uniform on [0, 60], the rest fixed, so the
/// compromise (a weighted mean) is linear in it: outcome = (x0 + 50 + 100) / 3 with equal weights.
Scenario linear_scenario() {
  Scenario s = testing::one_issue({{30}, {50}, {100}});
  s.stance(0, 0).position->value = Uncertain::range(0, 60);
  s.outcome_classes.push_back({"low", "", "i < 55", ""});
  s.outcome_classes.push_back({"high", "", "i >= 55", ""});
  s.outcome_classes.push_back({"middle", "", "i in [54, 56]", ""});
  return s;
}

TEST(Sweep, ReproducesTheClosedFormOfALinearModel) {
  const SweepSetup setup(linear_scenario(), *find_model("compromise"), {}, {3, 0});
  SweepControl control;
  control.threads = 2;
  const std::uint64_t n = 40000;
  const SweepSummary s = run_sweep(setup, n, control);
  ASSERT_EQ(s.issues.size(), 1u);
  const IssueSummary& i = s.issues[0];
  // outcome = 50 + x0 / 3 with x0 ~ U(0, 60): U(50, 70), mean 60, sd 20 / sqrt(12).
  const double sd = 20 / std::sqrt(12.0);
  EXPECT_NEAR(i.mean, 60, 4 * sd / std::sqrt(double(n)));
  EXPECT_NEAR(i.sd, sd, 0.05);
  EXPECT_NEAR(i.q05, 51, 0.2);
  EXPECT_NEAR(i.q50, 60, 0.2);
  EXPECT_NEAR(i.q95, 69, 0.2);
  // P(outcome < 55) = 0.25 exactly; the interval must cover it.
  EXPECT_LE(s.classes[0].probability.low, 0.25);
  EXPECT_GE(s.classes[0].probability.high, 0.25);
  EXPECT_EQ(s.classes[0].probability.count + s.classes[1].probability.count, n);
  // 'middle' overlaps both; nothing is unclassified.
  ASSERT_EQ(s.unclassified.size(), 1u);
  EXPECT_EQ(s.unclassified[0].share.count, 0u);
  ASSERT_EQ(s.overlaps.size(), 2u);
  EXPECT_EQ(s.overlaps[0].first, 0u);
  EXPECT_EQ(s.overlaps[0].second, 2u);
  EXPECT_NEAR(double(s.overlaps[0].draws) / n, 0.05, 0.01);  // 54 <= outcome < 55
}

TEST(Sweep, UnclassifiedDrawsAreCounted) {
  Scenario sc = linear_scenario();
  sc.outcome_classes.resize(1);  // only 'low': three quarters unclassified
  const SweepSetup setup(sc, *find_model("compromise"), {}, {3, 0});
  const SweepSummary s = run_sweep(setup, 4000, {});
  EXPECT_NEAR(s.unclassified[0].share.estimate, 0.75, 0.03);
  EXPECT_TRUE(s.overlaps.empty());
}

TEST(Sweep, OverlapsAndGapsAreCheckedWithinEachGroupOfClasses) {
  Scenario sc = linear_scenario();  // low, high, middle on one issue
  sc.outcome_classes[0].group = "a";
  sc.outcome_classes[1].group = "a";
  sc.outcome_classes[2].group = "b";  // 'middle' alone in its group: no overlap, most draws outside it
  const SweepSetup setup(sc, *find_model("compromise"), {}, {3, 0});
  const SweepSummary s = run_sweep(setup, 4000, {});
  EXPECT_TRUE(s.overlaps.empty());
  ASSERT_EQ(s.unclassified.size(), 2u);
  EXPECT_EQ(s.unclassified[0].group, "a");
  EXPECT_EQ(s.unclassified[0].share.count, 0u);
  EXPECT_EQ(s.unclassified[1].group, "b");
  EXPECT_NEAR(s.unclassified[1].share.estimate, 0.9, 0.02);  // outside [54, 56] of U(50, 70)
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Sweep, ResultsAreBitIdenticalForAnyThreadCount) {
  Scenario sc = linear_scenario();
  sc.actor(1).capability.value = Uncertain::normal(1, 0.3);
  sc.stance(0, 2).salience->value = Uncertain::triangular(0.2, 0.5, 1);
  for (const char* model : {"compromise", "bdm"}) {
    const SweepSetup setup(sc, *find_model(model), {}, {99, 0.3});
    std::vector<SweepSummary> runs;
    for (unsigned threads : {1u, 2u, 8u}) {
      SweepControl control;
      control.threads = threads;
      runs.push_back(run_sweep(setup, 800, control));
    }
    for (const SweepSummary& r : runs) {
      EXPECT_TRUE(same_bits(r.issues[0].mean, runs[0].issues[0].mean)) << model;
      EXPECT_TRUE(same_bits(r.issues[0].sd, runs[0].issues[0].sd)) << model;
      EXPECT_TRUE(same_bits(r.issues[0].q25, runs[0].issues[0].q25)) << model;
      EXPECT_EQ(r.classes[0].probability.count, runs[0].classes[0].probability.count) << model;
    }
  }
}

TEST(Sweep, EveryDrawReachesTheSinkOnceAndStopKeepsFinishedDraws) {
  const SweepSetup setup(linear_scenario(), *find_model("compromise"), {}, {1, 0});
  std::vector<std::uint64_t> todo{5, 3, 11, 0};
  std::vector<int> seen(12, 0);
  SweepControl control;
  control.threads = 3;
  evaluate_draws(setup, todo, control, [&](const DrawChunk& c) {
    ASSERT_EQ(c.inputs.size(), c.size() * setup.inputs());
    for (std::uint64_t d : c.draws) ++seen[d];
  });
  EXPECT_EQ(seen[5] + seen[3] + seen[11] + seen[0], 4);
  EXPECT_EQ(seen[1], 0);
  std::atomic<bool> stop{true};
  control.stop = &stop;
  std::uint64_t sunk = 0;
  EXPECT_EQ(evaluate_draws(setup, todo, control, [&](const DrawChunk& c) { sunk += c.size(); }), 0u);
  EXPECT_EQ(sunk, 0u);
}

TEST(Sweep, BadModelOptionsFailOnceUpFront) {
  EXPECT_THROW(SweepSetup(linear_scenario(), *find_model("bdm"), {{"nonsense", "1"}}, {}), InputError);
  EXPECT_THROW(SweepSetup(linear_scenario(), *find_model("compromise"), {}, {1, 2.0}), InputError);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(DrawResults, SummarisesTheDrawsPresentInDrawOrder) {
  const Scenario sc = linear_scenario();  // one issue, three classes
  DrawResults r(3, 1, 3);
  const double x2 = 60, x0 = 52;
  const unsigned char m2[] = {0, 1, 0}, m0[] = {1, 0, 1};
  r.put(2, &x2, m2);
  r.put(0, &x0, m0);
  r.put(0, &x0, m0);  // the same draw twice counts once
  EXPECT_EQ(r.count(), 2u);
  EXPECT_TRUE(r.has(0));
  EXPECT_FALSE(r.has(1));
  const SweepSummary s = r.summarize(sc);
  EXPECT_EQ(s.draws, 2u);
  EXPECT_DOUBLE_EQ(s.issues[0].mean, 56);
  EXPECT_DOUBLE_EQ(s.issues[0].q05, 52 + 0.05 * 8);
  EXPECT_EQ(s.classes[0].probability.count, 1u);
  EXPECT_EQ(s.overlaps.size(), 1u);  // low and middle, in draw 0
}

}  // namespace
}  // namespace parley
