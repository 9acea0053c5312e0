// Models stay finite and exact whatever the magnitude of the inputs (issue #14, item 9).
#include "models/magnitude.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/model_fixtures.hpp"
#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// `s` with every capability multiplied by 2^k (exact).
Scenario capabilities_times_two_to(const Scenario& s, int k) { return models::with_capabilities_rescaled(s, k); }

/// The power of two that brings the largest capability of `s` to `target_exponent`.
int shift_to(const Scenario& s, int target_exponent) {
  double largest = 0;
  for (const Actor& a : s.actors()) largest = std::max({largest, a.capability.value.a(), a.capability.value.b(), a.capability.value.c()});
  return target_exponent - std::ilogb(largest);
}

/// Exactly equal, or within `tolerance` where a model is homogeneous in capabilities only up to
/// fixed constants of its own (smp adds KTAB's 1e-10 to every coalition's strength).
void expect_same_outcomes(const Forecast& a, const Forecast& b, const std::string& what, double tolerance = 0) {
  ASSERT_EQ(a.issues.size(), b.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    ASSERT_EQ(a.issues[i].outcome.has_value(), b.issues[i].outcome.has_value()) << what << " " << a.issues[i].issue_id;
    if (a.issues[i].outcome) {
      EXPECT_TRUE(std::isfinite(*b.issues[i].outcome)) << what << " " << a.issues[i].issue_id;
      if (tolerance == 0) {
        EXPECT_EQ(*a.issues[i].outcome, *b.issues[i].outcome) << what << " " << a.issues[i].issue_id;
      } else {
        EXPECT_NEAR(*a.issues[i].outcome, *b.issues[i].outcome, tolerance) << what << " " << a.issues[i].issue_id;
      }
    }
  }
}

// Capabilities near the largest double (1e307) and near the smallest normal ones (1e-301) overflow
// and underflow once weighed and summed; every model forecasts them as the originals: bit for bit,
// except smp, whose fixed constants make it homogeneous only to within 1e-6 of the scale.
TEST(Magnitude, EveryModelForecastsExtremeCapabilitiesAsTheOriginalsBitForBit) {
  const Scenario original = testing::flagship_scenario();
  for (const Model* model : all_models()) {
    const Forecast expected = model->run(original, {});
    for (int exponent : {1022, -1000}) {
      const Scenario extreme = capabilities_times_two_to(original, shift_to(original, exponent));
      const double tolerance = model->name() == "smp" ? 1e-6 * 100 : 0;
      expect_same_outcomes(expected, model->run(extreme, {}), std::string(model->name()) + " at 2^" + std::to_string(exponent), tolerance);
    }
  }
}

TEST(Magnitude, OrdinaryCapabilitiesAreNotRescaled) {
  EXPECT_EQ(models::capability_rescaling(testing::flagship_scenario()), 0);
  const Scenario big = testing::one_issue({{10, 1.7e308}, {90, 1.7e308}});
  EXPECT_EQ(models::capability_rescaling(big), -1023);
  const Scenario tiny = testing::one_issue({{10, 1e-300}, {90, 3e-300}});
  EXPECT_EQ(models::capability_rescaling(tiny), -std::ilogb(3e-300));
  EXPECT_GT(models::capability_rescaling(tiny), 900);
}

// The issue's case: two capabilities of 1.7e308 gave -nan from compromise.
TEST(Magnitude, TwoHugeCapabilitiesGiveTheEqualWeightCompromise) {
  const Scenario s = testing::one_issue({{10, 1.7e308}, {90, 1.7e308}}, 50);
  for (const char* model : {"compromise", "median", "nbs"}) {
    const auto x = testing::outcome(model, s, std::string(model) == "nbs" ? ModelOptions{{"disagreement", "remote"}} : ModelOptions{});
    ASSERT_TRUE(x) << model;
    EXPECT_TRUE(std::isfinite(*x)) << model;
  }
  EXPECT_DOUBLE_EQ(*testing::outcome("compromise", s), 50);
}

// nbs raises distances to the power p: on a scale of ±1e92 with p = 8 they overflowed and the
// solution came out as 0. Multiplying every position by 2^300 must multiply the solution by 2^300.
TEST(Magnitude, NbsIsScaleInvariantOnHugeScales) {
  for (const char* p : {"1", "2", "3.5", "8"}) {
    const Scenario small = testing::one_issue({{60, 3, 0.5}, {80, 1, 1}, {95, 2, 0.3}}, 20);
    const double factor = std::ldexp(1.0, 300);
    const Scenario huge = testing::one_issue({{60 * factor, 3, 0.5}, {80 * factor, 1, 1}, {95 * factor, 2, 0.3}}, 20 * factor, 0, 100 * factor);
    const auto a = testing::outcome("nbs", small, {{"loss_exponent", p}});
    const auto b = testing::outcome("nbs", huge, {{"loss_exponent", p}});
    ASSERT_TRUE(a && b) << p;
    EXPECT_EQ(*b, *a * factor) << "p = " << p;
    const auto tiny = testing::outcome("nbs", testing::one_issue({{60 / factor, 3, 0.5}, {80 / factor, 1, 1}, {95 / factor, 2, 0.3}}, 20 / factor, 0,
                                                               100 / factor),
                                       {{"loss_exponent", p}});
    ASSERT_TRUE(tiny) << p;
    EXPECT_EQ(*tiny, *a / factor) << "p = " << p;
  }
}

TEST(Magnitude, ScaleBoundsBeyondTheLimitAreRefused) {
  Scenario s = testing::one_issue({{10}, {90}}, std::nullopt, -1e300, 1e300);
  try {
    validate(s);
    FAIL() << "a scale of ±1e300 was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(validate(testing::one_issue({{-1e100}, {1e100}}, std::nullopt, -kMaxScaleMagnitude, kMaxScaleMagnitude)));
}

/// A model whose arithmetic breaks down: its outcome is infinite.
class OverflowingModel final : public Model {
 public:
  std::string_view name() const override { return "overflowing"; }
  std::string_view description() const override { return "test"; }

 protected:
  Forecast forecast(const Scenario& s, const ModelOptions&) const override {
    Forecast f{"overflowing", {}, {}, {}, {}};
    f.issues.push_back({s.issue(0).id, HUGE_VAL, "", {}});
    return f;
  }
};

TEST(Magnitude, ANonFiniteOutcomeIsAnInputErrorNotASilentNumber) {
  const OverflowingModel model;
  try {
    (void)model.run(testing::one_issue({{10}, {90}}), {});
    FAIL() << "an infinite outcome was returned";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("non-finite outcome"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("issue i"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace parley
