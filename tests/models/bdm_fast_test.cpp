// bdm's precision=fast (docs/models/bdm.md, "Speed and memory"): the all-pairs denominator from
// each voter's terms in order of distance (Tally::spread) against the rows' sum, a round against
// the exact one, the thread count, and the row blocks cut short when their prefixes are many.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>

#include "core/parallel.hpp"
#include "models/bdm/bdm_round.hpp"
#include "parley/error.hpp"
#include "parley/model.hpp"

namespace parley {
namespace {

namespace bdm = models::bdm;

bdm::Config fast_test_config(ModelOptions options) {
  ModelOptions resolved;
  return bdm::read_config(*find_model("bdm"), options, resolved);
}

/// n actors with continuous positions in [0, 100], every seventh at 50 (ties).
std::vector<bdm::Actor> fast_test_actors(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> x(0, 100), c(0.1, 10), s(0.05, 1);
  std::vector<bdm::Actor> actors;
  for (int k = 0; k < n; ++k) actors.push_back({k % 7 == 0 ? 50.0 : x(rng), c(rng), s(rng)});
  return actors;
}

/// sum over the rows of count_a count_b (tally(a, b) + tally(b, a)), as the exact denominator sums it.
double rows_denominator(const bdm::Tally& tally, const bdm::Geometry& g) {
  double sum = 0;
  tally.rows(0, tally.m(), [&](std::size_t a, const std::vector<double>& row, const std::vector<double>& col) {
    for (std::size_t b = 0; b < row.size(); ++b) sum += static_cast<double>(g.count[a] * g.count[b]) * (row[b] + col[b]);
  });
  return sum;
}

TEST(BdmFast, SpreadIsHalfTheDenominatorOfTheRows) {
  const auto actors = fast_test_actors(90, 3);
  const bdm::Geometry g = bdm::make_geometry(actors);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> r(0.5, 2);
  std::vector<double> exponents;
  for (std::size_t k = 0; k < actors.size(); ++k) exponents.push_back(r(rng));
  for (const auto& exponent : {std::vector<double>{}, exponents}) {
    const bdm::Tally tally(actors, g, exponent, 100.0, true);
    const double want = rows_denominator(tally, g);
    EXPECT_NEAR(2 * tally.spread() / want, 1.0, 1e-13) << exponent.size();
  }
}

/// The largest difference between two tables, relative to the largest value of `b` (a tally is a
/// difference of prefix sums: a small one carries the rounding of the large ones).
double largest_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0, scale = 1e-300;
  for (double x : b) scale = std::max(scale, std::fabs(x));
  for (std::size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::fabs(a[k] - b[k]));
  return worst / scale;
}

TEST(BdmFast, ARoundAgreesWithTheExactRoundToRounding) {
  // Each option set reaches another part of precision=fast: the closed-form danger (own view and
  // the printed challenger view, all-pairs and pairwise), the offers walk under power and linear
  // votes, and the full sweeps it falls back to (Q < 1, highest-eu demands).
  const std::vector<ModelOptions> variants{{},
                                           {{"probability", "pairwise"}},
                                           {{"security", "challenger-view"}, {"salience", "printed"}},
                                           {{"votes", "linear"}},
                                           {{"capitulation", "on"}, {"compromise", "midpoint"}},
                                           {{"q", "0.8"}},
                                           {{"offers", "highest-eu"}}};
  const auto actors = fast_test_actors(300, 9);
  for (const ModelOptions& options : variants) {
    ModelOptions fast_options = options;
    fast_options["precision"] = "fast";
    const bdm::Config exact = fast_test_config(options), fast = fast_test_config(fast_options);
    ASSERT_TRUE(fast.fast);
    ASSERT_FALSE(exact.fast);
    const bdm::RoundResult want = bdm::Round(actors, 100.0, exact, 1).run();
    const bdm::RoundResult got = bdm::Round(actors, 100.0, fast, 1).run();
    const std::string label = options.empty() ? "defaults" : options.begin()->first;
    // Pairwise P is a ratio of two tallies; for neighbouring positions both are small differences
    // of prefix sums and carry the sums' rounding, which the ratio magnifies (to some 1e-11).
    const double p_tolerance = fast.probability == bdm::Probability::pairwise ? 1e-10 : 1e-12;
    EXPECT_LT(largest_difference(got.analysis.P->table(), want.analysis.P->table()), p_tolerance) << label;
    EXPECT_LT(largest_difference(got.analysis.r, want.analysis.r), 1e-12) << label;
    EXPECT_NE(got.analysis.P->table(), want.analysis.P->table()) << label;  // not the exact code again
    ASSERT_EQ(got.moves.size(), want.moves.size()) << label;
    for (std::size_t k = 0; k < got.moves.size(); ++k) {
      EXPECT_EQ(got.moves[k].actor, want.moves[k].actor) << label;
      EXPECT_EQ(got.moves[k].from, want.moves[k].from) << label;
      EXPECT_NEAR(got.moves[k].new_position, want.moves[k].new_position, 1e-9) << label;
    }
  }
}

TEST(BdmFast, OneAndTwoThreadsGiveTheSameBits) {
  const auto actors = fast_test_actors(200, 4);
  const bdm::Config fast = fast_test_config({{"precision", "fast"}});
  thread_limit() = 1;
  const bdm::RoundResult one = bdm::Round(actors, 100.0, fast, 1).run();
  thread_limit() = 2;
  const bdm::RoundResult two = bdm::Round(actors, 100.0, fast, 1).run();
  thread_limit() = 0;
  const auto a = one.analysis.P->table(), b = two.analysis.P->table();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) ASSERT_EQ(std::bit_cast<std::uint64_t>(a[k]), std::bit_cast<std::uint64_t>(b[k])) << k;
  ASSERT_EQ(one.moves.size(), two.moves.size());
  for (std::size_t k = 0; k < one.moves.size(); ++k)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(one.moves[k].new_position), std::bit_cast<std::uint64_t>(two.moves[k].new_position));
}

TEST(BdmFast, RowBlocksCutToOneRowGiveTheSameBits) {
  // most_prefixes = 1: every block of rows halves down to a single row.
  const auto actors = fast_test_actors(120, 8);
  const bdm::Geometry g = bdm::make_geometry(actors);
  std::vector<double> exponents(actors.size(), 1.5);
  const bdm::Probabilities whole(bdm::Tally(actors, g, exponents, 100.0), g, bdm::Probability::all_pairs);
  const bdm::Probabilities cut(bdm::Tally(actors, g, exponents, 100.0, false, 1), g, bdm::Probability::all_pairs);
  const auto a = whole.table(), b = cut.table();
  for (std::size_t k = 0; k < a.size(); ++k) ASSERT_EQ(std::bit_cast<std::uint64_t>(a[k]), std::bit_cast<std::uint64_t>(b[k])) << k;
}

TEST(BdmFast, RowBlocksCutToOneRowGiveTheSameBitsWithChunkedPrefixes) {
  // precision=fast: a prefix is its chunk's prefix plus a partial sum, whichever sweep reaches it
  // (a row's own, or a column's running one that jumps ahead): single-row blocks take other paths.
  const auto actors = fast_test_actors(300, 8);
  const bdm::Geometry g = bdm::make_geometry(actors);
  std::vector<double> exponents(actors.size(), 1.5);
  const bdm::Probabilities whole(bdm::Tally(actors, g, exponents, 100.0, true), g, bdm::Probability::all_pairs);
  const bdm::Probabilities cut(bdm::Tally(actors, g, exponents, 100.0, true, 1), g, bdm::Probability::all_pairs);
  const auto a = whole.table(), b = cut.table();
  for (std::size_t k = 0; k < a.size(); ++k) ASSERT_EQ(std::bit_cast<std::uint64_t>(a[k]), std::bit_cast<std::uint64_t>(b[k])) << k;
  const bdm::Probabilities exact(bdm::Tally(actors, g, exponents, 100.0), g, bdm::Probability::all_pairs);
  EXPECT_LT(largest_difference(a, exact.table()), 1e-12);
}

/// The moves of a round as bits, for comparing two sweeps of the offers.
std::vector<std::uint64_t> move_bits(const bdm::RoundResult& result) {
  std::vector<std::uint64_t> out;
  for (const bdm::Move& m : result.moves)
    for (double x :
         {static_cast<double>(m.actor), static_cast<double>(m.from), static_cast<double>(m.kind), m.eu_ij, m.eu_ji, m.new_position})
      out.push_back(std::bit_cast<std::uint64_t>(x));
  return out;
}

TEST(BdmFast, TheSalienceFilterKeepsEveryMove) {
  // With a trace the offers take the sweep over every counterpart; without, code_offers_fast rules
  // most counterparts out by salience first. The moves must be the same bits, under each rule that
  // reaches it (pairwise probabilities: no counterpart can be ruled out).
  std::map<OfferKind, int> kinds;
  for (const ModelOptions& options : std::vector<ModelOptions>{{{"precision", "fast"}},
                                                               {{"precision", "fast"}, {"capitulation", "on"}},
                                                               {{"precision", "fast"}, {"probability", "pairwise"}},
                                                               {{"precision", "fast"}, {"compromise", "midpoint"}}})
    for (unsigned seed : {1u, 2u, 3u}) {
      const auto actors = fast_test_actors(250, seed);
      bdm::Config fast = fast_test_config(options), traced = fast;
      traced.trace = true;
      const bdm::RoundResult got = bdm::Round(actors, 100.0, fast, 1).run(), want = bdm::Round(actors, 100.0, traced, 1).run();
      EXPECT_GT(got.moves.size(), 10u) << seed;
      EXPECT_EQ(move_bits(got), move_bits(want)) << seed << " " << options.begin()->second << " " << options.rbegin()->second;
      for (const bdm::Move& m : got.moves) ++kinds[m.kind];
    }
  EXPECT_GT(kinds[OfferKind::confrontation], 0);
  EXPECT_GT(kinds[OfferKind::compromise], 0);
}

TEST(BdmFast, TheOffersWalkKeepsEveryMoveOnSmallGrids) {
  // Positions on small grids (ties, and counterparts at equal distances on both sides: the walk's
  // stopping rule), saliences from a few values (equal ones sit on the counterpart bound's edge),
  // zero saliences and capabilities; two to 81 actors on up to 61 points.
  std::mt19937 rng(20261130);
  const std::vector<ModelOptions> variants{
      {}, {{"capitulation", "on"}}, {{"probability", "pairwise"}}, {{"compromise", "midpoint"}, {"security", "challenger-view"}}};
  const double capabilities[] = {0, 1, 2.5, 7}, saliences[] = {0, 0.25, 0.5, 0.5, 0.75, 1};
  std::size_t moves = 0;
  for (int draw = 0; draw < 400; ++draw) {
    const std::size_t n = 2 + rng() % 80, grid = 1 + rng() % 60;
    std::vector<bdm::Actor> actors;
    for (std::size_t k = 0; k < n; ++k)
      actors.push_back(
          {static_cast<double>(rng() % (grid + 1)) * 100.0 / static_cast<double>(grid), capabilities[rng() % 4], saliences[rng() % 6]});
    ModelOptions options = variants[static_cast<std::size_t>(draw) % variants.size()];
    options["precision"] = "fast";
    bdm::Config fast = fast_test_config(options), traced = fast;
    fast.walk_batch = 1 + static_cast<std::size_t>(draw) % 3;  // batch ends between equally distant positions
    traced.trace = true;
    const bdm::RoundResult got = bdm::Round(actors, 100.0, fast, 1).run(), want = bdm::Round(actors, 100.0, traced, 1).run();
    ASSERT_EQ(move_bits(got), move_bits(want)) << "draw " << draw;
    moves += got.moves.size();
  }
  EXPECT_GT(moves, 400u);
}

TEST(BdmFast, AnUnknownPrecisionIsRefused) { EXPECT_THROW(fast_test_config({{"precision", "float"}}), InputError); }

}  // namespace
}  // namespace parley
