// Invariants of the baseline models over random one-issue scenarios (rapidcheck).
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "models/model_fixtures.hpp"

namespace parley {
namespace {

using testing::Member;
using testing::one_issue;
using testing::outcome;

rc::Gen<std::vector<Member>> members() {
  auto member = rc::gen::apply(
      [](int x, int c, int s) {
        return Member{x / 10.0, c / 10.0, s / 100.0};
      },
      rc::gen::inRange(0, 1001), rc::gen::inRange(1, 101), rc::gen::inRange(1, 101));
  return rc::gen::resize(12, rc::gen::nonEmpty(rc::gen::container<std::vector<Member>>(member)));
}

bool near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); }

const char* const kModels[] = {"compromise", "median"};

TEST(ModelProperties, OutcomeLiesWithinTheRangeOfPositions) {
  EXPECT_TRUE(rc::check([] {
    const auto m = *members();
    const auto [lo, hi] = std::minmax_element(m.begin(), m.end(), [](auto& a, auto& b) { return a.x < b.x; });
    for (const char* model : kModels) {
      const double y = *outcome(model, one_issue(m));
      RC_ASSERT(y >= lo->x - 1e-9);
      RC_ASSERT(y <= hi->x + 1e-9);
    }
    const double y = *outcome("nbs", one_issue(m), {{"disagreement", "remote"}, {"loss_exponent", "1.5"}});
    RC_ASSERT(y >= lo->x - 1e-9 && y <= hi->x + 1e-9);
  }));
}

TEST(ModelProperties, RaisingOnePositionNeverLowersTheOutcome) {
  EXPECT_TRUE(rc::check([] {
    auto m = *members();
    const std::size_t k = *rc::gen::inRange<std::size_t>(0, m.size());
    const double raise = *rc::gen::inRange(0, 1001) / 10.0;
    for (const char* model : {"compromise", "median"}) {
      const double before = *outcome(model, one_issue(m));
      auto raised = m;
      raised[k].x = std::min(100.0, raised[k].x + raise);
      RC_ASSERT(*outcome(model, one_issue(raised)) >= before - 1e-9);
    }
  }));
}

TEST(ModelProperties, ActorOrderDoesNotMatter) {
  EXPECT_TRUE(rc::check([] {
    const auto m = *members();
    auto shuffled = m;
    std::mt19937 rng(*rc::gen::arbitrary<unsigned>());
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (const char* model : kModels) RC_ASSERT(near(*outcome(model, one_issue(m)), *outcome(model, one_issue(shuffled))));
    RC_ASSERT(near(*outcome("nbs", one_issue(m), {{"disagreement", "remote"}}),
                   *outcome("nbs", one_issue(shuffled), {{"disagreement", "remote"}})));
  }));
}

TEST(ModelProperties, NbsLiesBetweenTheStatusQuoAndTheIdeals) {
  EXPECT_TRUE(rc::check([] {
    const auto m = *members();
    const double d = *rc::gen::inRange(0, 1001) / 10.0;
    const double y = *outcome("nbs", one_issue(m, d));
    double lo = d, hi = d;
    for (const Member& a : m) lo = std::min(lo, a.x), hi = std::max(hi, a.x);
    RC_ASSERT(y >= lo - 1e-9 && y <= hi + 1e-9);
    // A unanimous bargain never leaves anyone worse off than the status quo.
    for (const Member& a : m) RC_ASSERT(std::abs(y - a.x) <= std::abs(d - a.x) + 1e-9);
  }));
}

TEST(ModelProperties, ScalingCapabilitiesChangesNothing) {
  EXPECT_TRUE(rc::check([] {
    const auto m = *members();
    auto scaled = m;
    for (Member& a : scaled) a.c *= 7.5;
    for (const char* model : kModels) RC_ASSERT(near(*outcome(model, one_issue(m)), *outcome(model, one_issue(scaled))));
  }));
}

}  // namespace
}  // namespace parley
