#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/focal/focal_fit.hpp"
#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using models::focal::Candidate;
using models::focal::candidates;
using models::focal::Features;
using models::focal::kFeatureNames;
using models::focal::kFeatures;
using models::focal::Observation;
using testing::one_issue;

enum { distance, compromise, outermost, reference, support, median };

TEST(FocalCandidates, AreTheStatedPositionsTheReferencePointAndTheCompromisePoint) {
  // Weights (equal capabilities) 0.5, 0.25, 0.25: compromise (0 + 12.5 + 25) = 37.5; the weighted median is 0.
  const Scenario s = one_issue({{0, 1, 0.5}, {50, 1, 0.25}, {100, 1, 0.25}}, 20);
  const std::vector<Candidate> cs = candidates(s, 0, 1);
  ASSERT_EQ(cs.size(), 5u);
  const double xs[] = {0, 20, 37.5, 50, 100};
  for (std::size_t k = 0; k < 5; ++k) EXPECT_DOUBLE_EQ(cs[k].x, xs[k]);
  EXPECT_EQ(cs[0].features[outermost], 1);
  EXPECT_EQ(cs[4].features[outermost], 1);
  EXPECT_EQ(cs[3].features[outermost], 0);
  EXPECT_EQ(cs[1].features[reference], 1);
  EXPECT_EQ(cs[2].features[compromise], 1);
  EXPECT_DOUBLE_EQ(cs[0].features[support], 0.5);
  EXPECT_DOUBLE_EQ(cs[3].features[support], 0.25);
  EXPECT_EQ(cs[1].features[support], 0);
  EXPECT_EQ(cs[0].features[median], 1);
  EXPECT_DOUBLE_EQ(cs[4].features[distance], 0.625);
  EXPECT_DOUBLE_EQ(cs[2].features[distance], 0);
}

TEST(FocalCandidates, EqualValuesAreOneCandidateWithEveryRole) {
  // Both at 40: the compromise point, the only stated position (outermost), and the status quo.
  const std::vector<Candidate> cs = candidates(one_issue({{40}, {40}}, 40), 0, 1);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].features[compromise] + cs[0].features[outermost] + cs[0].features[reference] + cs[0].features[median], 4);
  EXPECT_DOUBLE_EQ(cs[0].features[support], 1);
}

TEST(FocalCandidates, CapabilitiesCountRaisedToTheExponent) {
  // Capabilities 4 and 1 (mean 2.5) with exponent 0.5: weights 2 : 1 after normalising, compromise 100/3.
  const std::vector<Candidate> cs = candidates(one_issue({{0, 4}, {100, 1}}), 0, 0.5);
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_NEAR(cs[1].x, 100.0 / 3, 1e-12);
  EXPECT_NEAR(cs[0].features[support], 2.0 / 3, 1e-12);
  // Exponent 0: capabilities do not count.
  EXPECT_NEAR(candidates(one_issue({{0, 4}, {100, 1}}), 0, 0)[1].x, 50, 1e-12);
}

TEST(FocalModel, WithZeroCoefficientsForecastsTheMedianCandidate) {
  // Candidates 0, 20, 37.5, 50, 100 with equal probabilities: the weighted median is the third.
  ModelOptions zero;
  for (const char* name : kFeatureNames) zero[name] = "0";
  zero["capability_exponent"] = "1";
  EXPECT_DOUBLE_EQ(*testing::outcome("focal", one_issue({{0, 1, 0.5}, {50, 1, 0.25}, {100, 1, 0.25}}, 20), zero), 37.5);
  // A heavy weight on support picks the position with the most support.
  zero["support"] = "50";
  EXPECT_DOUBLE_EQ(*testing::outcome("focal", one_issue({{0, 1, 0.5}, {50, 1, 0.25}, {100, 1, 0.25}}, 20), zero), 0);
}

TEST(FocalModel, SaysWhyItCannotForecastAndRejectsBadOptions) {
  const Forecast f = find_model("focal")->run(one_issue({{10, 1, 0}, {30, 1, 0}}), {});
  EXPECT_FALSE(f.issues[0].outcome);
  EXPECT_FALSE(f.issues[0].note.empty());
  EXPECT_THROW(find_model("focal")->run(one_issue({{1}}), {{"support", "many"}}), InputError);
  EXPECT_THROW(find_model("focal")->run(one_issue({{1}}), {{"capability_exponent", "-1"}}), InputError);
}

TEST(FocalFit, RecoversTheLogitOfAShareInClosedForm) {
  // Two candidates, one the compromise point; chosen 70 times out of 100: the maximum-likelihood
  // coefficient is log(70 / 30).
  std::vector<Observation> obs;
  for (int k = 0; k < 100; ++k) {
    Observation o;
    o.candidates = {{0, {}}, {1, {}}};
    o.candidates[1].features[compromise] = 1;
    o.chosen = {k < 70 ? 1u : 0u};
    obs.push_back(o);
  }
  const auto fit = models::focal::fit_coefficients(obs, 1e-9);
  EXPECT_NEAR(fit.parameters.coefficients[compromise], std::log(70.0 / 30.0), 1e-6);
  EXPECT_NEAR(fit.log_likelihood, 70 * std::log(0.7) + 30 * std::log(0.3), 1e-6);
}

TEST(FocalFit, RecoversCoefficientsFromDataDrawnFromTheModel) {
  const Features truth{-2, 0.5, -0.7, 0.4, 1.5, 0};
  std::mt19937_64 rng(20261129);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Observation> obs;
  for (int k = 0; k < 4000; ++k) {
    Observation o;
    for (int c = 0; c < 4; ++c) {
      Candidate cand{static_cast<double>(c), {}};
      cand.features[distance] = u(rng);
      cand.features[compromise] = c == 0;
      cand.features[outermost] = c == 3;
      cand.features[reference] = u(rng) < 0.3;
      cand.features[support] = u(rng);
      o.candidates.push_back(cand);
    }
    const std::vector<double> p = models::focal::probabilities(o.candidates, truth);
    double r = u(rng), cumulative = 0;
    for (std::size_t c = 0; c < p.size(); ++c)
      if ((cumulative += p[c]) >= r || c + 1 == p.size()) {
        o.chosen = {c};
        break;
      }
    obs.push_back(o);
  }
  const auto fit = models::focal::fit_coefficients(obs, 1e-3);
  for (std::size_t k = 0; k < kFeatures - 1; ++k) EXPECT_NEAR(fit.parameters.coefficients[k], truth[k], 0.2) << kFeatureNames[k];
}

TEST(FocalModel, ShipsTheCoefficientsFittedOnTheDeuDevData) {
  ReadOptions read;
  read.deu_capability = DeuCapability::council;
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), read);
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < s.issues().size(); ++i) all.push_back(i);
  const Model& focal = *find_model("focal");
  const ModelOptions fitted = *focal.fit(s, all, {});
  for (const ModelOptionSpec& o : focal.options())
    if (o.name != "capability_exponent") {
      EXPECT_NEAR(std::stod(o.default_value), std::stod(fitted.at(o.name)), 5e-4) << o.name;
    }
}

}  // namespace
}  // namespace parley
