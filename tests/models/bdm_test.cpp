// The bdm model: the paper profile's checks, invariants of both profiles over random cases, the
// fast engine against a direct transcription, options, and multi-issue inputs.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cmath>

#include "core/parallel.hpp"
#include "models/bdm/bdm_round.hpp"
#include "models/bdm_reference.hpp"
#include "models/model_fixtures.hpp"
#include "parley/io.hpp"
#include "parley/output.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

namespace bdm = models::bdm;

const std::vector<bdm::Actor> kEc = {{4, 0.08, 0.8},  {7, 0.08, 0.4},  {4, 0.03, 0.2}, {4, 0.16, 0.8}, {10, 0.16, 0.6},
                                     {10, 0.16, 0.6}, {10, 0.16, 0.9}, {7, 0.05, 0.1}, {4, 0.05, 1.0}, {7, 0.08, 0.7}};
enum { kNetherlands, kBelgium, kLuxembourg, kGermany, kFrance, kItaly, kUk, kIreland, kDenmark, kGreece };

bdm::Config profile(const char* name, ModelOptions extra = {}) {
  ModelOptions resolved;
  extra["profile"] = name;
  return bdm::read_config(*find_model("bdm"), extra, resolved);
}

void check_invariants(const std::vector<bdm::Actor>& actors, const bdm::Config& config) {
  double lo = actors[0].x, hi = actors[0].x;
  for (const auto& a : actors) lo = std::min(lo, a.x), hi = std::max(hi, a.x);
  const bdm::Round round(actors, hi > lo ? hi - lo : 1, config, 1);
  const bdm::Analysis a = round.analyse();
  const std::size_t m = a.g.m();
  const std::vector<double> P = a.P->table();
  for (std::size_t i = 0; i < actors.size(); ++i) {
    RC_ASSERT(a.R[i] >= -1 - 1e-12);
    RC_ASSERT(a.R[i] <= 1 + 1e-12);
    RC_ASSERT(a.r[i] >= 0.5 - 1e-12);
    RC_ASSERT(a.r[i] <= 2 + 1e-12);
    // Zero expected utility between actors at the same position when Q = 1.
    RC_ASSERT(std::fabs(round.eu_terms(a, a.g.at[i], a.g.at[i], 0.0, a.r[i]).at(actors[i].s)) < 1e-12);
  }
  double total = 0;
  for (std::size_t p = 0; p < m; ++p)
    for (std::size_t q = 0; q < m; ++q) {
      RC_ASSERT(P[p * m + q] >= 0);
      if (config.probability == bdm::Probability::pairwise && p != q) RC_ASSERT(std::fabs(P[p * m + q] + P[q * m + p] - 1) < 1e-12);
      total += static_cast<double>(a.g.count[p] * a.g.count[q]) * P[p * m + q];
    }
  // all-pairs: the normaliser counts every ordered pair in both directions, so P sums to 1/2.
  if (config.probability == bdm::Probability::all_pairs && total > 0) RC_ASSERT(std::fabs(total - 0.5) < 1e-12);
}

TEST(BdmPaper, InvariantsOnTheEcCase) {
  EXPECT_TRUE(rc::check([] { check_invariants(kEc, profile("scholz-paper")); }));
}

TEST(BdmPaper, RoundOneFromBelgiumsView) {
  // Belgium, Ireland and Greece share position 7: seen from Belgium they plot at (0, 0).
  const bdm::Config config = profile("scholz-paper");
  const bdm::Round round(kEc, 6, config, 1);
  const bdm::Analysis a = round.analyse();
  const std::size_t be = a.g.at[kBelgium], m = a.g.m();
  const std::vector<double> P = a.P->table();
  for (int other : {kIreland, kGreece}) {
    const std::size_t p = a.g.at[other];
    EXPECT_EQ(round.eu_terms(a, be, p, P[be * m + p], a.r[kBelgium]).at(kEc[other].s), 0.0);
    EXPECT_EQ(round.eu_terms(a, p, be, P[p * m + be], a.r[other]).at(kEc[other].s), 0.0);
  }
  for (int other : {kNetherlands, kFrance, kUk}) {
    const std::size_t p = a.g.at[other];
    const double x = round.eu_terms(a, be, p, P[be * m + p], a.r[kBelgium]).at(kEc[other].s);
    const double y = round.eu_terms(a, p, be, P[p * m + be], a.r[other]).at(kEc[other].s);
    EXPECT_FALSE(x == 0 && y == 0) << other;
  }
}

rc::Gen<std::vector<bdm::Actor>> random_actors(int max_n) {
  auto actor = rc::gen::apply(
      [](int x, int c, int s) {
        return bdm::Actor{x / 2.0, c / 10.0, s / 10.0};
      },
      rc::gen::inRange(0, 21), rc::gen::inRange(1, 11), rc::gen::inRange(0, 11));
  return rc::gen::suchThat(rc::gen::resize(max_n, rc::gen::container<std::vector<bdm::Actor>>(actor)),
                           [](const std::vector<bdm::Actor>& v) { return v.size() >= 2; });
}

TEST(BdmProperties, InvariantsOfBothProfiles) {
  EXPECT_TRUE(rc::check([] {
    const auto actors = *random_actors(14);
    check_invariants(actors, profile("scholz-code"));
    check_invariants(actors, profile("scholz-paper"));
  }));
}

Scenario scenario_of(const std::vector<bdm::Actor>& actors) {
  std::vector<testing::Member> members;
  for (const auto& a : actors) members.push_back({a.x, a.c, a.s});
  return testing::one_issue(members);
}

TEST(BdmProperties, PositionsStayWithinTheInitialRangeAndTheMedianIsAPosition) {
  EXPECT_TRUE(rc::check([] {
    const auto actors = *random_actors(14);
    for (const char* p : {"scholz-code", "scholz-paper"}) {
      const Forecast f = find_model("bdm")->run(scenario_of(actors), {{"profile", p}, {"rounds", "6"}});
      const auto& start = f.issues[0].rounds[0].positions;
      const double lo = *std::min_element(start.begin(), start.end()), hi = *std::max_element(start.begin(), start.end());
      for (const RoundRecord& r : f.issues[0].rounds) {
        for (double x : r.positions) RC_ASSERT(x >= lo - 1e-9 && x <= hi + 1e-9);
        RC_ASSERT(std::find(r.positions.begin(), r.positions.end(), r.median) != r.positions.end());
      }
    }
  }));
}

TEST(BdmProperties, FastEngineMatchesTheDirectTranscription) {
  EXPECT_TRUE(rc::check([] {
    const auto actors = *random_actors(12);
    std::vector<double> x, c, s;
    for (const auto& a : actors) x.push_back(a.x), c.push_back(a.c), s.push_back(a.s);
    const double lo = *std::min_element(x.begin(), x.end()), hi = *std::max_element(x.begin(), x.end());
    RC_PRE(hi > lo);
    const auto expected = testing::bdm_reference::round(x, c, s, hi - lo);
    bdm::Config config = profile("scholz-code", {{"trace", "true"}});
    const bdm::RoundResult got = bdm::Round(actors, hi - lo, config, 1).run();
    const std::size_t n = actors.size();
    std::vector<double> moved = x;
    for (const auto& m : got.moves) moved[m.actor] = m.new_position;
    for (std::size_t i = 0; i < n; ++i) {
      RC_ASSERT(std::fabs(got.analysis.r[i] - expected.r[i]) < 1e-9);
      RC_ASSERT(std::fabs(moved[i] - expected.positions[i]) < 1e-9);
      for (std::size_t j = 0; j < n; ++j)
        if (i != j) RC_ASSERT(std::fabs(got.eu[i * n + j] - expected.eu[i * n + j]) < 1e-9);
    }
  }));
}

TEST(Bdm, SameBytesWhateverTheThreadCount) {
  std::vector<testing::Member> members;
  for (int k = 0; k < 300; ++k) members.push_back({static_cast<double>((k * 37) % 101), 1.0 + k % 7, 0.1 + (k % 9) / 10.0});
  const Scenario s = testing::one_issue(members);
  for (const char* p : {"scholz-code", "scholz-paper"}) {
    std::ostringstream one, many;
    thread_limit() = 1;
    write_forecast(one, s, find_model("bdm")->run(s, {{"profile", p}}), OutputFormat::json);
    thread_limit() = 0;
    write_forecast(many, s, find_model("bdm")->run(s, {{"profile", p}}), OutputFormat::json);
    EXPECT_EQ(one.str(), many.str()) << p;
  }
}

TEST(Bdm, StoppingRules) {
  const Scenario s = scenario_of(kEc);
  EXPECT_EQ(find_model("bdm")->run(s, {{"rounds", "3"}}).issues[0].rounds.size(), 4u);
  EXPECT_EQ(find_model("bdm")->run(s, {{"rounds", "0"}}).issues[0].rounds.size(), 1u);
  // The EC median cycles: with a tiny threshold the run goes on to max_rounds.
  EXPECT_EQ(find_model("bdm")->run(s, {{"stop", "median-shift"}, {"threshold", "1e-12"}, {"max_rounds", "7"}}).issues[0].rounds.size(), 5u);
  EXPECT_EQ(find_model("bdm")->run(s, {{"stop", "median-shift"}, {"threshold", "10"}}).issues[0].rounds.size(), 2u);
}

TEST(Bdm, RandomConflictsAreSeeded) {
  const Scenario s = scenario_of(kEc);
  const ModelOptions a{{"profile", "scholz-paper"}, {"conflict", "random"}, {"seed", "7"}};
  std::ostringstream x, y;
  write_forecast(x, s, find_model("bdm")->run(s, a), OutputFormat::json);
  write_forecast(y, s, find_model("bdm")->run(s, a), OutputFormat::json);
  EXPECT_EQ(x.str(), y.str());
}

TEST(Bdm, BadOptions) {
  const Scenario s = scenario_of(kEc);
  for (const ModelOptions& bad : std::vector<ModelOptions>{{{"profile", "kktab"}},
                                                           {{"q", "1.5"}},
                                                           {{"votes", "cubic"}},
                                                           {{"rounds", "2.5"}},
                                                           {{"offers", "profile-ish"}},
                                                           {{"trace", "yes"}},
                                                           {{"tie", "lower"}}})
    EXPECT_THROW(find_model("bdm")->run(s, bad), InputError) << bad.begin()->first;
}

TEST(Bdm, RunsIssueByIssueOnKtabAndDeu) {
  const Scenario ktab = read_scenario_file(testing::data_path("ktab/SOE-Pol-Comp.csv"));
  const Forecast f = find_model("bdm")->run(ktab, {});
  ASSERT_EQ(f.issues.size(), 2u);
  for (const IssueForecast& i : f.issues) {
    ASSERT_TRUE(i.outcome);
    EXPECT_EQ(i.rounds.size(), 11u);
    EXPECT_EQ(*i.outcome, i.rounds.back().median);
  }
  const Scenario deu = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  const Forecast d = find_model("bdm")->run(deu, {});
  std::size_t with_outcome = 0;
  for (const IssueForecast& i : d.issues) with_outcome += i.outcome.has_value();
  EXPECT_GE(with_outcome, 230u);
}

}  // namespace
}  // namespace parley
