// The table-free bdm round (src/models/bdm/bdm_tally.hpp: O(n + m) memory) against the m x m
// tables it replaced (tests/models/bdm_quadratic.hpp): bit for bit, on random rounds with
// continuous and tied positions, under every choice the options offer.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <bit>
#include <cstdint>
#include <random>

#include "core/parallel.hpp"
#include "models/bdm/bdm_round.hpp"
#include "models/bdm_quadratic.hpp"
#include "parley/model.hpp"

namespace parley {
namespace {

namespace bdm = models::bdm;
namespace quadratic = testing::bdm_quadratic;

bdm::Config scale_config(ModelOptions options) {
  ModelOptions resolved;
  return bdm::read_config(*find_model("bdm"), options, resolved);
}

/// The option sets compared: both profiles and the choices that change which sums are taken.
std::vector<ModelOptions> scale_option_sets() {
  return {{{"profile", "scholz-code"}, {"trace", "true"}},
          {{"profile", "scholz-paper"}, {"trace", "true"}},
          {{"profile", "scholz-code"}, {"q", "0.5"}, {"probability", "pairwise"}},
          {{"profile", "scholz-code"}, {"security", "challenger-view"}, {"salience", "printed"}, {"capitulation", "on"}},
          {{"profile", "scholz-paper"},
           {"votes", "power"},
           {"probability", "all-pairs"},
           {"q", "0.7"},
           {"offers", "highest-eu"},
           {"conflict", "random"},
           {"trace", "true"}},
          {{"profile", "scholz-paper"}, {"compromise", "midpoint"}, {"median", "weighted"}}};
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_bits(a[i], b[i])) return false;
  return true;
}

/// Empty when the two rounds agree bit for bit, else what differs.
std::string scale_difference(const std::vector<bdm::Actor>& actors, double range, const bdm::Config& config) {
  const bdm::RoundResult got = bdm::Round(actors, range, config, 3).run();
  const quadratic::RoundResult want = quadratic::QuadraticRound(actors, range, config, 3).run();
  if (!same_bits(got.analysis.median, want.analysis.median)) return "median";
  if (!same_bits(got.analysis.P->table(), want.analysis.P)) return "P";
  if (!same_bits(got.analysis.R, want.analysis.R)) return "R";
  if (!same_bits(got.analysis.r, want.analysis.r)) return "r";
  if (!same_bits(got.eu, want.eu)) return "expected utilities";
  if (got.moves.size() != want.moves.size()) return "number of moves";
  for (std::size_t k = 0; k < got.moves.size(); ++k) {
    const bdm::Move &a = got.moves[k], &b = want.moves[k];
    if (a.actor != b.actor || a.from != b.from || a.kind != b.kind || !same_bits(a.eu_ij, b.eu_ij) || !same_bits(a.eu_ji, b.eu_ji) ||
        !same_bits(a.new_position, b.new_position))
      return "move " + std::to_string(k);
  }
  return "";
}

double span_of(const std::vector<bdm::Actor>& actors) {
  double lo = actors[0].x, hi = actors[0].x;
  for (const auto& a : actors) lo = std::min(lo, a.x), hi = std::max(hi, a.x);
  return hi > lo ? hi - lo : 1;
}

/// Positions continuous (any double in [0, 10]) or tied (one of five values), mixed.
rc::Gen<std::vector<bdm::Actor>> scale_actors() {
  auto position = rc::gen::oneOf(rc::gen::map(rc::gen::inRange(0, 5), [](int k) { return 2.5 * k; }),
                                 rc::gen::map(rc::gen::inRange(0, 1 << 30), [](int k) { return 10.0 * k / (1 << 30); }));
  auto actor = rc::gen::apply(
      [](double x, int c, int s) {
        return bdm::Actor{x, c / 977.0, s / 1009.0};
      },
      position, rc::gen::inRange(1, 1000), rc::gen::inRange(0, 1010));
  return rc::gen::suchThat(rc::gen::resize(16, rc::gen::container<std::vector<bdm::Actor>>(actor)),
                           [](const std::vector<bdm::Actor>& v) { return v.size() >= 2; });
}

TEST(BdmScale, RowByRowEqualsTheTablesBitForBit) {
  // Fixed seed: tests/test_main.cpp sets RC_PARAMS.
  const auto option_sets = scale_option_sets();
  EXPECT_TRUE(rc::check([&] {
    const auto actors = *scale_actors();
    for (const ModelOptions& options : option_sets) RC_ASSERT(scale_difference(actors, span_of(actors), scale_config(options)) == "");
  }));
}

TEST(BdmScale, MidpointsEqualByRoundingAgree) {
  // 0.5 * (1 + 1e17) rounds to 0.5 * (0 + 1e17): a running prefix is asked for an earlier index.
  const std::vector<bdm::Actor> actors = {{0, 1, 0.5}, {1, 2, 0.7}, {2, 1, 0.9}, {1e17, 3, 0.4}, {5e16, 1, 0.3}, {5e16, 2, 0.6}};
  for (const ModelOptions& options : scale_option_sets()) EXPECT_EQ(scale_difference(actors, span_of(actors), scale_config(options)), "");
}

TEST(BdmScale, RowBlocksOnSeveralThreadsEqualTheTables) {
  // 160 actors at 135 positions (continuous, and a tie every sixth actor): n m >= 20000, so rows
  // run in blocks, one per thread.
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> x(0, 100), c(0.1, 10), s(0, 1);
  std::vector<bdm::Actor> actors;
  for (int k = 0; k < 160; ++k) actors.push_back({k % 6 == 0 ? 50.0 : x(rng), c(rng), s(rng)});
  for (unsigned threads : {1u, 2u}) {
    thread_limit() = threads;
    for (const ModelOptions& options : {scale_option_sets()[0], scale_option_sets()[1]})
      EXPECT_EQ(scale_difference(actors, span_of(actors), scale_config(options)), "") << threads;
  }
  thread_limit() = 0;
}

}  // namespace
}  // namespace parley
