// Invariants of smp on random scenarios, reproducibility of its stochastic mode, and thread-count
// independence.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>

#include "core/parallel.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

Forecast smp_forecast(const Scenario& s, const ModelOptions& o = {}) { return find_model("smp")->run(s, o); }

bool same_turns(const Forecast& a, const Forecast& b) {
  if (a.turns.size() != b.turns.size()) return false;
  for (std::size_t t = 0; t < a.turns.size(); ++t)
    if (a.turns[t].positions != b.turns[t].positions || a.turns[t].prevail != b.turns[t].prevail || a.turns[t].risk != b.turns[t].risk)
      return false;
  return true;
}

Forecast with_threads(unsigned threads, const Scenario& s, const ModelOptions& o) {
  thread_limit() = threads;
  Forecast f = smp_forecast(s, o);
  thread_limit() = 0;
  return f;
}

/// n actors on d issues with positions on 0-100, saliences summing to at most 1.
Scenario random_scenario(std::size_t n, std::size_t d) {
  Scenario s;
  for (std::size_t k = 0; k < d; ++k) {
    Issue issue;
    issue.id = fmt::format("i{}", k);
    issue.label = issue.id;
    s.add_issue(issue);
  }
  for (std::size_t a = 0; a < n; ++a) {
    Actor actor;
    actor.id = fmt::format("a{}", a);
    actor.capability.value = Uncertain::point(*rc::gen::inRange(1, 200));
    s.add_actor(actor);
    const auto weights = *rc::gen::container<std::vector<int>>(d, rc::gen::inRange(1, 100));
    const double total = static_cast<double>(std::accumulate(weights.begin(), weights.end(), 0)) / 0.9;
    for (std::size_t k = 0; k < d; ++k) {
      s.stance(k, a).position = Parameter{Uncertain::point(*rc::gen::inRange(0, 1001) / 10.0), -1};
      s.stance(k, a).salience = Parameter{Uncertain::point(weights[k] / total), -1};
    }
  }
  return s;
}

RC_GTEST_PROP(SmpProperties, StaysInsideTheStartingBoxAndIsIndependentOfThreads, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(3, 14);
  const auto d = *rc::gen::inRange<std::size_t>(1, 4);
  const Scenario s = random_scenario(n, d);
  const Forecast f = with_threads(1, s, {});
  RC_ASSERT(same_turns(f, with_threads(4, s, {})));
  RC_ASSERT(f.turns.size() >= 3u);  // at least 2 turns
  RC_ASSERT(f.turns.size() <= 101u);
  for (std::size_t k = 0; k < d; ++k) {
    double lo = 100, hi = 0;
    for (std::size_t a = 0; a < n; ++a)
      lo = std::min(lo, f.turns[0].positions[a * d + k]), hi = std::max(hi, f.turns[0].positions[a * d + k]);
    for (const SpatialTurn& t : f.turns)
      for (std::size_t a = 0; a < n; ++a) {
        RC_ASSERT(t.positions[a * d + k] >= lo - 0.01);  // bargains are rounded to 1e-4 of the unit scale
        RC_ASSERT(t.positions[a * d + k] <= hi + 0.01);
      }
    RC_ASSERT(*f.issues[k].outcome >= lo - 0.01);
    RC_ASSERT(*f.issues[k].outcome <= hi + 0.01);
  }
  for (const SpatialTurn& t : f.turns) {
    for (double p : t.prevail) RC_ASSERT(p >= 0.0 && p <= 1.0);
    // Attitudes lie in [-1/2, 1] up to the rounding of KTAB's formula, which grows as the spread of
    // the election's probabilities shrinks (exact bound: SmpMath.RiskAttitudesLeaveTheRangeOnly...).
    for (double r : t.risk) RC_ASSERT(r >= -0.5 - 1e-6 && r <= 1.0 + 1e-6);
  }
  for (std::size_t t = 1; t < f.turns.size(); ++t) {
    for (std::size_t a = 0; a < n; ++a) {
      const long b = f.turns[t].adopted[a];
      if (b < 0) continue;  // no bargain adopted: the actor stays put
      const Challenge& c = f.turns[t].challenges.at(static_cast<std::size_t>(b));
      RC_ASSERT(c.initiator == a || c.receiver == a);
    }
  }
}

TEST(SmpStochastic, SameSeedSameRunWhateverTheThreads) {
  const Scenario s = read_scenario_file(testing::data_path("ktab/smpExample-fixed.xml"));
  const Forecast a = with_threads(1, s, {{"seed", "42"}});
  EXPECT_TRUE(same_turns(a, with_threads(2, s, {{"seed", "42"}})));
  EXPECT_TRUE(same_turns(a, with_threads(8, s, {{"seed", "42"}})));
  bool differs = false;
  for (int seed = 1; seed <= 5 && !differs; ++seed) differs = !same_turns(a, smp_forecast(s, {{"seed", std::to_string(seed)}}));
  EXPECT_TRUE(differs) << "the seed must matter in stochastic mode";
  EXPECT_EQ(a.options.at("transitions"), "stochastic");  // from the XML's ModelParameters
}

TEST(SmpDeterministic, TheSeedDoesNotMatter) {
  const Scenario s = read_scenario_file(testing::data_path("ktab/dummyData_3Dim.csv"));
  EXPECT_TRUE(same_turns(smp_forecast(s, {{"seed", "1"}}), smp_forecast(s, {{"seed", "99"}})));
  const Forecast f = smp_forecast(s, {{"transitions", "Stochastic"}, {"seed", "3"}});  // KTAB's spelling works too
  EXPECT_EQ(f.options.at("transitions"), "stochastic");
}

TEST(SmpIdealAdjustment, AnExplicitIdentityChangesNothingAndPartialAdjustmentDoes) {
  Scenario s = read_scenario_file(testing::data_path("ktab/dummyData_3Dim.csv"));
  const Forecast plain = smp_forecast(s);
  for (std::size_t a = 0; a < s.actors().size(); ++a) s.ideal_adjustments.push_back({a, a, 1.0});
  EXPECT_TRUE(same_turns(plain, smp_forecast(s)));
  s.ideal_adjustments[0].rate = 0.5;  // actor 0's ideal lags behind its position
  EXPECT_FALSE(same_turns(plain, smp_forecast(s)));
}

TEST(SmpRounds, FixedNumberOfTurns) {
  const Scenario s = read_scenario_file(testing::data_path("ktab/dummyData_3Dim.csv"));
  EXPECT_EQ(smp_forecast(s, {{"stop", "rounds"}, {"rounds", "3"}}).turns.size(), 4u);
  EXPECT_EQ(smp_forecast(s, {{"max_rounds", "4"}}).turns.size(), 5u);
}

TEST(SmpInput, SaliencesAboveOneAreRescaledAndMissingStancesNoted) {
  Scenario s = read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml"));
  const Forecast f = smp_forecast(s);
  ASSERT_FALSE(f.turns.empty());
  for (const IssueForecast& i : f.issues) EXPECT_TRUE(i.outcome.has_value());
  EXPECT_NE(f.issues[0].note.find("divided by their sum"), std::string::npos) << f.issues[0].note;
  for (std::size_t k = 0; k < s.issues().size(); ++k) s.stance(k, 0).salience.reset();
  try {
    smp_forecast(s);
    ADD_FAILURE() << "an actor with no salience anywhere must be refused";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "positions." + s.actor(0).id);
    EXPECT_NE(e.problem().find("no issue with a positive salience"), std::string::npos);
  }
}

}  // namespace
}  // namespace parley
