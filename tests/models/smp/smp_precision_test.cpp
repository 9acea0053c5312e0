// smp's precision=fast (smp_kernels_fast.cpp) against the exact kernels: the same quantities up to
// rounding, the same bits whatever the thread count, and exactness wherever the option does not apply.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "core/parallel.hpp"
#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_math.hpp"
#include "models/smp/smp_test_problem.hpp"

namespace parley::models::smp {
namespace {

constexpr double kTolerance = 1e-12;

Config precision_config(bool fast) {
  Config c;
  c.risk_adjust = *rc::gen::element(RiskAdjust::none, RiskAdjust::one_third, RiskAdjust::half, RiskAdjust::two_thirds, RiskAdjust::full);
  c.risk_range = *rc::gen::element(RiskRange::min, RiskRange::mid, RiskRange::max);
  c.fast = fast;
  return c;
}

/// Fast and exact challenges agree: the same gain and probability up to rounding, and the same
/// receiver unless two receivers' gains tie (actors sharing a position).
void expect_same_challenges(const std::vector<Challenge>& fast, const std::vector<Challenge>& exact) {
  RC_ASSERT(fast.size() == exact.size());
  for (std::size_t i = 0; i < fast.size(); ++i) {
    RC_ASSERT(std::fabs(fast[i].eu - exact[i].eu) <= kTolerance * (1 + std::fabs(exact[i].eu)));
    RC_ASSERT(std::fabs(fast[i].p - exact[i].p) <= kTolerance);
    RC_ASSERT((fast[i].j < 0) == (exact[i].j < 0));
  }
}

RC_GTEST_PROP(SmpPrecisionFast, ChallengesAgreeWithTheExactKernelToRounding, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(2, 40);
  const auto d = *rc::gen::inRange<std::size_t>(1, 4);
  std::mt19937_64 rng(*rc::gen::arbitrary<std::uint32_t>());
  std::uniform_real_distribution<double> u(0, 1);
  const auto [p, s] = fast_path_problem(n, d, *rc::gen::arbitrary<bool>(), [&] { return u(rng); });
  Config fast = precision_config(true), exact = fast;
  exact.fast = false;
  const Assessment a = assess(p, s, exact);
  expect_same_challenges(best_challenges(p, a, fast), best_challenges(p, a, exact));
}

RC_GTEST_PROP(SmpPrecisionFast, CoalitionsAgreeWithTheExactLoopToRounding, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 30);
  const auto m = *rc::gen::inRange<std::size_t>(1, 40);
  std::mt19937_64 rng(*rc::gen::arbitrary<std::uint32_t>());
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> w(n), u(m * n);
  for (double& x : w) x = 200 * unit(rng);
  for (double& x : u) x = unit(rng) < 0.1 ? 0.5 : 2 * unit(rng) - 0.5;  // some equal utilities: votes of 0
  double scale = 0;
  for (double x : w) scale += x;
  const std::vector<double> fast = coalitions_fast(w, u, n, m), exact = coalitions(VotingRule::proportional, w, u, n, m);
  RC_ASSERT(fast.size() == exact.size());
  for (std::size_t k = 0; k < fast.size(); ++k) {
    RC_ASSERT(fast[k] >= 1e-8);
    RC_ASSERT(std::fabs(fast[k] - exact[k]) <= kTolerance * scale);
  }
}

TEST(SmpPrecisionFast, BargainValuesAgreeWithTheExactSumsToRounding) {
  std::mt19937_64 rng(30);
  std::uniform_real_distribution<double> u(0, 1);
  const auto [p, s] = fast_path_problem(57, 3, false, [&] { return u(rng); });
  const Assessment a = assess(p, s, Config{});
  std::vector<Bargain> bargains;
  for (std::size_t i = 0; i < p.n; ++i) {
    Bargain b{i, (i * 7 + 3) % p.n, 0, 0, {}, {}};
    for (std::size_t k = 0; k < p.d; ++k) b.pos_init.push_back(u(rng)), b.pos_rcvr.push_back(s.pos[i * p.d + k]);
    bargains.push_back(b);
  }
  const auto fast = bargain_utilities_fast(p, s, a, bargains), exact = bargain_utilities(p, s, a, bargains);
  ASSERT_EQ(fast.size(), exact.size());
  for (std::size_t b = 0; b < fast.size(); ++b)
    for (std::size_t x = 0; x < p.n; ++x) ASSERT_NEAR(fast[b][x], exact[b][x], 1e-13) << b << " " << x;
}

// Beyond one tile (64 receivers) with a partial last vector: the same challenges as exact, and
// the same bits on one thread and on two.
TEST(SmpPrecisionFast, ManyActorsAgreeAndTheThreadCountChangesNoBit) {
  std::mt19937_64 rng(18);
  std::uniform_real_distribution<double> u(0, 1);
  const auto [p, s] = fast_path_problem(133, 2, false, [&] { return u(rng); });
  Config fast;
  fast.fast = true;
  const Assessment a = assess(p, s, Config{});
  const std::vector<Challenge> exact = best_challenges(p, a, Config{});
  std::vector<double> w(p.n), uu(p.n * 70);
  for (double& x : w) x = 200 * u(rng);
  for (double& x : uu) x = u(rng);
  std::vector<std::vector<Challenge>> challenges;
  std::vector<std::vector<double>> coalition;
  for (unsigned threads : {1u, 2u}) {
    thread_limit() = threads;
    challenges.push_back(best_challenges(p, a, fast));
    coalition.push_back(coalitions_fast(w, uu, p.n, 70));
  }
  thread_limit() = 0;
  for (std::size_t i = 0; i < p.n; ++i) {
    EXPECT_EQ(challenges[0][i].j, exact[i].j) << i;
    EXPECT_NEAR(challenges[0][i].eu, exact[i].eu, kTolerance) << i;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(challenges[0][i].eu), std::bit_cast<std::uint64_t>(challenges[1][i].eu)) << i;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(challenges[0][i].p), std::bit_cast<std::uint64_t>(challenges[1][i].p)) << i;
  }
  for (std::size_t k = 0; k < coalition[0].size(); ++k)
    ASSERT_EQ(std::bit_cast<std::uint64_t>(coalition[0][k]), std::bit_cast<std::uint64_t>(coalition[1][k])) << k;
}

// Where precision=fast has no rearranged kernel (another voting rule or commitment), the
// challenges are the exact ones, bit for bit.
TEST(SmpPrecisionFast, OtherRulesStayExact) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  const auto [p, s] = fast_path_problem(45, 2, false, [&] { return u(rng); });
  for (const auto& [voting, commit] :
       {std::pair{VotingRule::binary, ThirdParty::semi_commit}, std::pair{VotingRule::proportional, ThirdParty::full_commit}}) {
    Config exact;
    exact.voting = voting, exact.third_party = commit;
    Config fast = exact;
    fast.fast = true;
    const Assessment a = assess(p, s, exact);
    const std::vector<Challenge> x = best_challenges(p, a, exact), y = best_challenges(p, a, fast);
    for (std::size_t i = 0; i < p.n; ++i) {
      EXPECT_EQ(x[i].j, y[i].j);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(x[i].eu), std::bit_cast<std::uint64_t>(y[i].eu));
    }
  }
}

}  // namespace
}  // namespace parley::models::smp
