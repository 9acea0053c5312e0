// smp's fast kernels (smp_kernels.cpp) against the direct transcriptions they replace, bit for bit:
// every actor's best challenge, every bargain's values, and the coalition matrices, on random
// problems under every combination of the options the kernels specialise on.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "models/smp/smp_challenges.hpp"
#include "models/smp/smp_math.hpp"
#include "models/smp/smp_test_problem.hpp"

namespace parley::models::smp {
namespace {

std::uint64_t fast_path_bits(double x) { return std::bit_cast<std::uint64_t>(x); }

/// The coalition matrix as smp_math.cpp's scalar loop computes it (Model::coalitions).
std::vector<double> fast_path_coalitions(VotingRule rule, const std::vector<double>& w, const std::vector<double>& u, std::size_t n,
                                         std::size_t m) {
  std::vector<double> c(m * m);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      double cij = 1E-8, cji = 1E-8;
      for (std::size_t k = 0; k < n; ++k) {
        const double v = vote(rule, w[k], u[i * n + k], u[j * n + k]);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i * m + j] = cij;
      c[j * m + i] = cji;
    }
    c[i * m + i] = 1E-8;
  }
  return c;
}

/// The first difference between a fast result and its reference, or "" when there is none.
std::string fast_path_mismatch(const Problem& p, const State& s, const Config& c) {
  const Assessment a = assess(p, s, c);
  const std::vector<Challenge> fast = best_challenges(p, a, c);
  if (fast.size() != p.n) return "number of challenges";
  std::vector<Bargain> bargains;
  for (std::size_t i = 0; i < p.n; ++i) {
    const Challenge slow = best_challenge_reference(p, a, c, i);
    if (fast[i].j != slow.j || fast_path_bits(fast[i].p) != fast_path_bits(slow.p) || fast_path_bits(fast[i].eu) != fast_path_bits(slow.eu))
      return fmt::format("challenge of actor {}: {} {} {} vs {} {} {}", i, fast[i].j, fast[i].p, fast[i].eu, slow.j, slow.p, slow.eu);
    Bargain b{i, (i * 7 + 3) % p.n, 0, 0, {}, {}};
    for (std::size_t k = 0; k < p.d; ++k) {
      b.pos_init.push_back(s.pos[((i + 1) % p.n) * p.d + k]);
      b.pos_rcvr.push_back(0.5 * s.ideal[i * p.d + k]);
    }
    bargains.push_back(b);
  }
  const std::vector<std::vector<double>> values = bargain_utilities(p, s, a, bargains);
  if (values.size() != bargains.size()) return "number of bargains";
  for (std::size_t b = 0; b < bargains.size(); ++b) {
    const std::vector<double> slow = bargain_utilities_reference(p, s, a, bargains[b]);
    for (std::size_t x = 0; x < p.n; ++x)
      if (fast_path_bits(values[b][x]) != fast_path_bits(slow[x])) return fmt::format("value of bargain {} to actor {}", b, x);
  }
  return "";
}

Config fast_path_config() {
  Config c;
  c.voting = *rc::gen::element(VotingRule::binary, VotingRule::prop_bin, VotingRule::proportional, VotingRule::prop_cubic,
                               VotingRule::cubic, VotingRule::asym_prospect);
  c.third_party = *rc::gen::element(ThirdParty::no_commit, ThirdParty::semi_commit, ThirdParty::full_commit);
  c.risk_adjust = *rc::gen::element(RiskAdjust::none, RiskAdjust::one_third, RiskAdjust::half, RiskAdjust::two_thirds, RiskAdjust::full);
  c.risk_range = *rc::gen::element(RiskRange::min, RiskRange::mid, RiskRange::max);
  return c;
}

RC_GTEST_PROP(SmpFastPath, ChallengesAndBargainValuesEqualTheTranscriptionBitForBit, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 24);
  const auto d = *rc::gen::inRange<std::size_t>(1, 5);
  std::mt19937_64 rng(*rc::gen::arbitrary<std::uint32_t>());
  std::uniform_real_distribution<double> u(0, 1);
  const bool inside = *rc::gen::arbitrary<bool>();
  const auto [p, s] = fast_path_problem(n, d, inside, [&] { return u(rng); });
  const std::string why = fast_path_mismatch(p, s, fast_path_config());
  if (!why.empty()) RC_FAIL(why);
}

RC_GTEST_PROP(SmpFastPath, CoalitionsEqualTheScalarLoopBitForBit, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 30);
  const auto m = *rc::gen::inRange<std::size_t>(1, 40);
  const VotingRule rule = fast_path_config().voting;
  std::mt19937_64 rng(*rc::gen::arbitrary<std::uint32_t>());
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> w(n), u(m * n);
  for (double& x : w) x = 200 * unit(rng);
  for (double& x : u) x = unit(rng) < 0.1 ? 0.5 : unit(rng);  // some equal utilities: votes of 0
  const std::vector<double> fast = coalitions_wide(rule, w, u, n, m), slow = fast_path_coalitions(rule, w, u, n, m);
  RC_ASSERT(fast.size() == slow.size());
  for (std::size_t k = 0; k < fast.size(); ++k) RC_ASSERT(fast_path_bits(fast[k]) == fast_path_bits(slow[k]));
  const std::vector<double> routed = coalitions(rule, w, u, n, m);  // the entry point picks either
  for (std::size_t k = 0; k < fast.size(); ++k) RC_ASSERT(fast_path_bits(routed[k]) == fast_path_bits(slow[k]));
}

// Beyond one tile of receivers (128) and with a partial last vector: the tiles' seams.
TEST(SmpFastPath, ManyActorsAcrossTilesEqualTheTranscription) {
  std::mt19937_64 rng(18);
  std::uniform_real_distribution<double> u(0, 1);
  const auto [p, s] = fast_path_problem(133, 2, false, [&] { return u(rng); });
  EXPECT_EQ(fast_path_mismatch(p, s, Config{}), "");
  const auto [p_in, s_in] = fast_path_problem(133, 2, true, [&] { return u(rng); });
  EXPECT_EQ(fast_path_mismatch(p_in, s_in, Config{}), "");
  std::vector<double> w(40), uu(133 * 40);
  for (double& x : w) x = 200 * u(rng);
  for (double& x : uu) x = u(rng);
  const std::vector<double> fast = coalitions_wide(VotingRule::proportional, w, uu, 40, 133);
  const std::vector<double> slow = fast_path_coalitions(VotingRule::proportional, w, uu, 40, 133);
  for (std::size_t k = 0; k < fast.size(); ++k) ASSERT_EQ(fast_path_bits(fast[k]), fast_path_bits(slow[k])) << k;
}

}  // namespace
}  // namespace parley::models::smp
