// Convergence and cycles of the models with rounds (docs/models/bdm.md, "Convergence and cycles"):
// the detection rule on made-up states, a constructed bdm case that 2-cycles, the flagship under bdm
// for 10 to 14 rounds, smp's status on KTAB reference cases, and the `cycle` option.
#include "models/dynamics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using models::detect_dynamics;
using States = std::vector<std::vector<double>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<double> kTolerance{1e-6, 1e-6};

TEST(DetectDynamics, ConvergedAfterTheLastMove) {
  const Dynamics d = detect_dynamics({{0, 5}, {1, 5}, {2, 5}, {2, 5}, {2, 5}}, kTolerance, 0);
  EXPECT_EQ(d.status, DynamicsStatus::converged);
  EXPECT_EQ(d.period, 1u);
  EXPECT_EQ(d.start, 2u);
  EXPECT_EQ(d.rounds, 4u);
}

TEST(DetectDynamics, MovesWithinTheToleranceCountAsStill) {
  EXPECT_EQ(detect_dynamics({{0, 5}, {1, 5}, {1 + 5e-7, 5}}, kTolerance, 0).status, DynamicsStatus::converged);
  EXPECT_EQ(detect_dynamics({{0, 5}, {1, 5}, {1 + 5e-6, 5}}, kTolerance, 0).status, DynamicsStatus::not_converged);
}

TEST(DetectDynamics, TwoCycleWithItsStart) {
  const Dynamics d = detect_dynamics({{0, 5}, {3, 5}, {1, 9}, {2, 5}, {1, 9}, {2, 5}, {1, 9}}, kTolerance, 0);
  EXPECT_EQ(d.status, DynamicsStatus::cycle);
  EXPECT_EQ(d.period, 2u);
  EXPECT_EQ(d.start, 2u);
  EXPECT_EQ(d.rounds, 6u);
}

TEST(DetectDynamics, ThreeCycleNeedsTwoWholePeriods) {
  const States six{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {1, 0}, {2, 0}, {3, 0}};  // rounds 1..6: two periods
  const Dynamics d = detect_dynamics(six, kTolerance, 0);
  EXPECT_EQ(d.status, DynamicsStatus::cycle);
  EXPECT_EQ(d.period, 3u);
  EXPECT_EQ(d.start, 1u);
  const States five(six.begin(), six.end() - 1);  // rounds 0..5: states 0, 1, 2 and 3 differ
  EXPECT_EQ(detect_dynamics(five, kTolerance, 0).status, DynamicsStatus::not_converged);
}

TEST(DetectDynamics, NotConvergedWhenNothingRepeats) {
  const Dynamics d = detect_dynamics({{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}, kTolerance, 0);
  EXPECT_EQ(d.status, DynamicsStatus::not_converged);
  EXPECT_EQ(d.period, 0u);
  EXPECT_EQ(d.rounds, 4u);
}

TEST(DetectDynamics, StatesBeforeTheLastEventAreNotCompared) {
  const States s{{1, 0}, {2, 0}, {1, 0}, {2, 0}};
  EXPECT_EQ(detect_dynamics(s, kTolerance, 0).status, DynamicsStatus::cycle);
  EXPECT_EQ(detect_dynamics(s, kTolerance, 1).status, DynamicsStatus::not_converged);  // rounds 1..3: no two whole periods
  const States still{{1, 0}, {2, 0}, {1, 0}, {4, 0}, {4, 0}};
  const Dynamics d = detect_dynamics(still, kTolerance, 3);
  EXPECT_EQ(d.status, DynamicsStatus::converged);
  EXPECT_EQ(d.start, 3u);
  EXPECT_EQ(detect_dynamics({{1, 0}, {2, 0}, {2, 0}}, kTolerance, 2).status, DynamicsStatus::not_converged);
}

TEST(DetectDynamics, AnAbsentActorMatchesOnlyItsAbsence) {
  EXPECT_EQ(detect_dynamics({{1, kNaN}, {1, kNaN}}, kTolerance, 0).status, DynamicsStatus::converged);
  EXPECT_EQ(detect_dynamics({{1, 2}, {1, kNaN}}, kTolerance, 0).status, DynamicsStatus::not_converged);
}

TEST(ForecastOverRun, MeanOverTheLastPeriodOrTheLastRound) {
  Dynamics d = detect_dynamics({{0, 0}, {1, 0}, {2, 0}, {1, 0}, {2, 0}}, kTolerance, 0);
  ASSERT_EQ(d.status, DynamicsStatus::cycle);
  Dynamics last = d;
  EXPECT_DOUBLE_EQ(models::forecast_over_run({5, 10, 70, 10, 70}, d, models::CycleForecast::mean), 40);
  EXPECT_TRUE(d.averaged);
  EXPECT_DOUBLE_EQ(models::forecast_over_run({5, 10, 70, 10, 70}, last, models::CycleForecast::last), 70);
  EXPECT_FALSE(last.averaged);
  Dynamics moving = detect_dynamics({{0, 0}, {1, 0}, {2, 0}}, kTolerance, 0);
  EXPECT_DOUBLE_EQ(models::forecast_over_run({1, 2, 3}, moving, models::CycleForecast::mean), 3);
  EXPECT_FALSE(moving.averaged);
}

// A weak swing actor between two strong blocs: a0 (at 0) gives in to a1 (10), then to a2 (70), then
// back to a1, for ever. The Condorcet median follows it: 10 after odd rounds, 70 after even ones.
Scenario swing() { return testing::one_issue({{0, 0.2, 0.2}, {10, 2, 0.5}, {70, 2, 0.5}}); }

IssueForecast bdm_issue(const Scenario& s, int rounds, const ModelOptions& extra = {}) {
  ModelOptions o = extra;
  o["rounds"] = std::to_string(rounds);
  return find_model("bdm")->run(s, o).issues.at(0);
}

TEST(BdmDynamics, ConstructedSwingCaseTwoCyclesFromRoundOne) {
  const IssueForecast f = bdm_issue(swing(), 10);
  EXPECT_EQ(f.dynamics.status, DynamicsStatus::cycle);
  EXPECT_EQ(f.dynamics.period, 2u);
  EXPECT_EQ(f.dynamics.start, 1u);
  EXPECT_EQ(f.dynamics.rounds, 10u);
  EXPECT_TRUE(f.dynamics.averaged);
  EXPECT_DOUBLE_EQ(f.rounds.at(9).median, 10);  // the trace itself is untouched
  EXPECT_DOUBLE_EQ(f.rounds.at(10).median, 70);
}

TEST(BdmDynamics, ConstructedSwingCaseForecastDoesNotDependOnTheRoundCount) {
  for (int n = 10; n <= 14; ++n) {
    const IssueForecast mean = bdm_issue(swing(), n);
    ASSERT_TRUE(mean.outcome) << n;
    EXPECT_DOUBLE_EQ(*mean.outcome, 40) << n;  // (10 + 70) / 2
    // The old rule, kept as cycle=last, flips with the parity of the round count.
    const IssueForecast last = bdm_issue(swing(), n, {{"cycle", "last"}});
    EXPECT_DOUBLE_EQ(*last.outcome, n % 2 == 0 ? 70 : 10) << n;
    EXPECT_FALSE(last.dynamics.averaged);
    EXPECT_EQ(last.dynamics.status, DynamicsStatus::cycle);
  }
}

TEST(BdmDynamics, TheCycleIsSeenOnceTwoWholePeriodsFollowTheStart) {
  EXPECT_EQ(bdm_issue(swing(), 3).dynamics.status, DynamicsStatus::not_converged);  // state 2 differs from the start
  EXPECT_EQ(bdm_issue(swing(), 4).dynamics.status, DynamicsStatus::cycle);          // rounds 1..4
}

TEST(BdmDynamics, AStillCaseConverges) {
  const IssueForecast f = bdm_issue(testing::one_issue({{40}, {40}, {40}}), 10);
  EXPECT_EQ(f.dynamics.status, DynamicsStatus::converged);
  EXPECT_EQ(f.dynamics.start, 0u);
}

// The issue's finding: on the flagship, bdm's sanctions forecast was 72.5 after 10, 11, 13 and 14
// rounds and 80 after 12. Now every issue either gives one forecast for every round count from 10 to
// 14, or says at every one of them that it has not converged.
TEST(BdmDynamics, FlagshipForecastIsTheSameForTenToFourteenRoundsOrFlagged) {
  const Scenario s = read_scenario_file(testing::source_path("scenarios/us-russia.yaml"));
  std::vector<Forecast> runs;
  for (int n = 10; n <= 14; ++n) runs.push_back(find_model("bdm")->run(s, {{"rounds", std::to_string(n)}}));
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    SCOPED_TRACE(s.issue(i).id);
    std::vector<double> settled;  // the forecasts of the runs that converged or cycle
    for (const Forecast& f : runs)
      if (f.issues[i].dynamics.status != DynamicsStatus::not_converged) settled.push_back(*f.issues[i].outcome);
    for (double x : settled) EXPECT_NEAR(x, settled.front(), 1e-6);
  }
  // The issue that flipped is flagged, not reported as a number that depends on the round count.
  const std::size_t sanctions = *s.find_issue("sanctions");
  for (const Forecast& f : runs) EXPECT_EQ(f.issues[sanctions].dynamics.status, DynamicsStatus::not_converged);
}

TEST(SmpDynamics, KtabReferenceCaseConvergesUnderKtabsStoppingRule) {
  const Forecast f = find_model("smp")->run(read_scenario_file(testing::data_path("ktab/dummyData_3Dim.csv")), {});
  ASSERT_FALSE(f.issues.empty());
  const Dynamics& d = f.issues[0].dynamics;
  EXPECT_EQ(d.status, DynamicsStatus::converged);
  EXPECT_EQ(d.rounds + 1, f.turns.size());
  for (const IssueForecast& i : f.issues) EXPECT_EQ(i.dynamics.status, d.status);  // one run for all issues
}

TEST(SmpDynamics, AShortRunIsNotConverged) {
  const Forecast f =
      find_model("smp")->run(read_scenario_file(testing::data_path("ktab/dummyData_3Dim.csv")), {{"stop", "rounds"}, {"rounds", "1"}});
  EXPECT_EQ(f.issues[0].dynamics.status, DynamicsStatus::not_converged);
  EXPECT_EQ(f.issues[0].dynamics.rounds, 1u);
}

TEST(CycleOption, DeclaredByBothModelsWithMeanAsDefault) {
  for (const char* name : {"bdm", "smp"}) {
    bool found = false;
    for (const ModelOptionSpec& o : find_model(name)->options())
      if (o.name == "cycle") {
        found = true;
        EXPECT_EQ(o.default_value, "mean") << name;
      }
    EXPECT_TRUE(found) << name;
  }
}

TEST(CycleOption, MalformedValueIsAnInputErrorNamingTheOption) {
  for (const char* name : {"bdm", "smp"}) {
    try {
      find_model(name)->check_options({{"cycle", "median"}});
      ADD_FAILURE() << name << ": no InputError";
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), "--option cycle") << name;
      EXPECT_NE(e.expected().find("mean, last"), std::string::npos) << name;
    }
    EXPECT_NO_THROW(find_model(name)->check_options({{"cycle", "last"}})) << name;
  }
}

TEST(OneShotModels, ReportNoDynamics) {
  for (const char* name : {"compromise", "median", "nbs"})
    EXPECT_EQ(find_model(name)->run(swing(), {}).issues.at(0).dynamics.status, DynamicsStatus::one_shot) << name;
}

}  // namespace
}  // namespace parley
