#include "parley/backtest.hpp"

#include <gtest/gtest.h>

#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

// The reference figure of tests/data/deu3/README.md.
TEST(Backtest, CompromiseOnDeuDevReproducesTheReferenceFigure) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), {InputFormat::automatic, DeuCapability::equal});
  const BacktestResult r = backtest(s, *find_model("compromise"), {});
  EXPECT_EQ(r.model_errors.issues, 230u);
  EXPECT_NEAR(r.model_errors.mean_absolute_error, 24.1945, 1e-3);
  EXPECT_NEAR(r.model_errors.median_absolute_error, 19.347, 1e-3);
  EXPECT_EQ(r.reference_actor, "com");
  EXPECT_GT(r.status_quo_errors.issues, 0u);
  EXPECT_GT(r.reference_actor_errors.issues, 0u);
}

TEST(Backtest, ScoresOnlyIssuesWithOutcomeAndPrediction) {
  Scenario s = testing::one_issue({{10}, {30}}, 0);
  s.add_issue(Issue{"j", "J", {}, std::nullopt, 50.0, ""});  // nobody takes part
  s.add_issue(Issue{"k", "K", {}, std::nullopt, std::nullopt, ""});
  s.stance(2, 0) = s.stance(0, 0);
  s.issue(0).outcome = 24.0;
  const BacktestResult r = backtest(s, *find_model("compromise"), {}, "a1");
  EXPECT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.model_errors.issues, 1u);
  EXPECT_DOUBLE_EQ(r.model_errors.mean_absolute_error, 4);
  EXPECT_DOUBLE_EQ(r.status_quo_errors.mean_absolute_error, 24);
  EXPECT_DOUBLE_EQ(r.reference_actor_errors.mean_absolute_error, 6);
}

TEST(SummarizeErrors, MeanAndMedian) {
  EXPECT_EQ(summarize_errors({}).issues, 0u);
  const ErrorSummary odd = summarize_errors({3, 1, 2});
  EXPECT_DOUBLE_EQ(odd.mean_absolute_error, 2);
  EXPECT_DOUBLE_EQ(odd.median_absolute_error, 2);
  EXPECT_DOUBLE_EQ(summarize_errors({4, 1, 2, 3}).median_absolute_error, 2.5);
}

}  // namespace
}  // namespace parley
