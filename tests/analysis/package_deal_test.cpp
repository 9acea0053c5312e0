// Package deals (docs/feasibility.md, "Package deals"), solved by hand on two issues a and b, both
// on 0-100 with the status quo at 50 (z = x / 100 below). Actor x sits at 0 on both, actor y at 100;
// each is its side's negotiator and only ratifier, with a threshold rule.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cmath>
#include <stdexcept>

#include "parley/error.hpp"
#include "parley/feasibility.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// x's saliences (a, b), y's saliences (a, b), the shared threshold t and a's status quo.
Scenario package_scenario(double xa, double xb, double ya, double yb, double t, const std::string& sq_a = "50") {
  const std::string text = fmt::format(
      "metadata: {{title: t}}\nissues:\n  - {{id: a, status_quo: {}}}\n  - {{id: b, status_quo: 50}}\n"
      "actors:\n  - {{id: x, capability: 1}}\n  - {{id: y, capability: 1}}\npositions:\n"
      "  x: {{a: {{position: 0, salience: {}}}, b: {{position: 0, salience: {}}}}}\n"
      "  y: {{a: {{position: 100, salience: {}}}, b: {{position: 100, salience: {}}}}}\n"
      "sides:\n  X: {{negotiator: x, ratifiers: {{x: {{threshold: {}}}}}}}\n  Y: {{negotiator: y, ratifiers: {{y: {{threshold: {}}}}}}}\n",
      sq_a, xa, xb, ya, yb, t, t);
  return read_scenario_text(text, "package.yaml");
}

const std::vector<std::size_t> kPackageAB{0, 1};

void package_expect_interval(const Interval& i, double low, double high) {
  EXPECT_NEAR(i.low, low, 1e-7);
  EXPECT_NEAR(i.high, high, 1e-7);
}

// (a) x weighs a 0.8 and b 0.2, y the reverse; both demand a gain of t = 0.1 over the status quo.
// Issue by issue: x accepts |z| <= 0.5 - 0.1, so [0, 40]; y accepts |z - 1| <= 0.4, so [60, 100]:
// no zone on a nor on b. Over the package:
//   x accepts 0.8 a + 0.2 b <= 0.8 * 0.5 + 0.2 * 0.5 - 0.1 = 0.4
//   y accepts 0.2 (1 - a) + 0.8 (1 - b) <= 0.4, that is 0.2 a + 0.8 b >= 0.6.
// x's win-set reaches a <= 0.5 (at b = 0) and all of b (a = 0: 0.2 b <= 0.4); y's reaches all of a
// and b >= 0.5 (at a = 1). The intersection is the quadrilateral (0, 0.75), (1/3, 2/3), (0.25, 1),
// (0, 1): the two lines cross where 3.2 a + 0.8 b = 1.6 and 0.2 a + 0.8 b = 0.6, so a = 1/3,
// b = 2/3. x concedes on b (its minor issue) for a gain on a, and y the reverse: a package deal.
// x's best package minimises 0.8 a + 0.2 b over the vertices: 0.15 at (0, 0.75), utility 0.85;
// y's maximises 0.2 a + 0.8 b: 0.85 at (0.25, 1). At the status quo both have utility 0.5.
TEST(PackageDeal, NoZoneOnEitherIssueButAPackageDeal) {
  const Scenario s = package_scenario(0.8, 0.2, 0.2, 0.8, 0.1);
  const Feasibility single = assess_feasibility(s);
  EXPECT_TRUE(single.issues[0].zone.empty());
  EXPECT_TRUE(single.issues[1].zone.empty());
  const PackageFeasibility p = assess_package(s, kPackageAB);
  package_expect_interval(p.win_sets[0][0], 0, 50);
  package_expect_interval(p.win_sets[0][1], 0, 100);
  package_expect_interval(p.win_sets[1][0], 0, 100);
  package_expect_interval(p.win_sets[1][1], 50, 100);
  ASSERT_TRUE(p.deal);
  package_expect_interval(p.zone[0], 0, 100.0 / 3);
  package_expect_interval(p.zone[1], 200.0 / 3, 100);
  ASSERT_TRUE(p.best[0] && p.best[1]);
  EXPECT_NEAR(p.best[0]->outcome[0], 0, 1e-7);
  EXPECT_NEAR(p.best[0]->outcome[1], 75, 1e-7);
  EXPECT_NEAR(p.best[0]->utility, 0.85, 1e-9);
  EXPECT_NEAR(*p.best[0]->status_quo_utility, 0.5, 1e-12);
  EXPECT_NEAR(p.best[1]->outcome[0], 25, 1e-7);
  EXPECT_NEAR(p.best[1]->outcome[1], 100, 1e-7);
  EXPECT_NEAR(p.best[1]->utility, 0.85, 1e-9);
  // The vertices are accepted by both; a point just outside y's line is not.
  for (const ConstraintRef r : {ConstraintRef{0, 0}, ConstraintRef{1, 0}}) {
    EXPECT_TRUE(package_accepts(s, r, kPackageAB, {100.0 / 3, 200.0 / 3}));
    EXPECT_TRUE(package_accepts(s, r, kPackageAB, {25, 100}));
  }
  EXPECT_FALSE(package_accepts(s, {1, 0}, kPackageAB, {0, 74}));
  EXPECT_TRUE(package_accepts(s, {0, 0}, kPackageAB, {0, 74}));
}

// (b) Equal saliences: x accepts (a + b) / 2 <= 0.4 and y (2 - a - b) / 2 <= 0.4, that is a + b
// <= 0.8 against a + b >= 1.2: no package deal either (linkage gains only where the issues matter
// unequally, Tollison & Willett 1979). Each win-set's projections: x [0, 80] on both, y [20, 100].
TEST(PackageDeal, NoDealWhenTheSaliencesAreEqual) {
  const PackageFeasibility p = assess_package(package_scenario(0.5, 0.5, 0.5, 0.5, 0.1), kPackageAB);
  EXPECT_FALSE(p.deal);
  package_expect_interval(p.win_sets[0][0], 0, 80);
  package_expect_interval(p.win_sets[0][1], 0, 80);
  package_expect_interval(p.win_sets[1][0], 20, 100);
  package_expect_interval(p.win_sets[1][1], 20, 100);
  EXPECT_TRUE(p.zone[0].empty() && p.zone[1].empty());
  EXPECT_FALSE(p.best[0] || p.best[1]);
}

// (c) Both tolerate a loss, t = -0.1: issue by issue x accepts [0, 60] and y [40, 100], zones
// [40, 60] on a and on b. Over the package x accepts 0.8 a + 0.2 b <= 0.6 and y 0.2 a + 0.8 b >=
// 0.4; the square of the single-issue zones lies inside (its corner (0.6, 0.6) is on x's line, (0.4,
// 0.4) on y's). The region's vertices: (0, 0.5), (2/3, 1/3), (0.5, 1), (0, 1). x's best: minimise 0.8 a + 0.2 b on b = 0.5 - 0.25 a, so 0.1
// + 0.75 a, at a = 0: (0, 50), utility 0.9; y's best: maximise 0.2 a + 0.8 b at b = 1, a = (0.6 - 0.2) / 0.8 = 0.5: (50, 100), utility 0.9.
TEST(PackageDeal, SingleIssueZonesAgreeWithThePackage) {
  const Scenario s = package_scenario(0.8, 0.2, 0.2, 0.8, -0.1);
  const Feasibility single = assess_feasibility(s);
  package_expect_interval(single.issues[0].zone, 40, 60);
  package_expect_interval(single.issues[1].zone, 40, 60);
  const PackageFeasibility p = assess_package(s, kPackageAB);
  ASSERT_TRUE(p.deal);
  for (const double a : {40.0, 60.0})
    for (const double b : {40.0, 60.0})
      for (const ConstraintRef r : {ConstraintRef{0, 0}, ConstraintRef{1, 0}}) EXPECT_TRUE(package_accepts(s, r, kPackageAB, {a, b}));
  // The lines cross where 3.2 a + 0.8 b = 2.4 and 0.2 a + 0.8 b = 0.4: a = 2/3, b = 1/3.
  package_expect_interval(p.zone[0], 0, 200.0 / 3);
  package_expect_interval(p.zone[1], 100.0 / 3, 100);
  ASSERT_TRUE(p.best[0] && p.best[1]);
  EXPECT_NEAR(p.best[0]->outcome[0], 0, 1e-7);
  EXPECT_NEAR(p.best[0]->outcome[1], 50, 1e-7);
  EXPECT_NEAR(p.best[0]->utility, 0.9, 1e-9);
  EXPECT_NEAR(p.best[1]->outcome[0], 50, 1e-7);
  EXPECT_NEAR(p.best[1]->outcome[1], 100, 1e-7);
  EXPECT_NEAR(p.best[1]->utility, 0.9, 1e-9);
}

// (d) Case (a) with a's status quo s uniform on [0, 50] (z in [0, 0.5]): x accepts 0.8 a + 0.2 b
// <= 0.8 s + 0.1 - 0.1 = 0.8 s, y accepts 0.2 a + 0.8 b >= 0.5 + 0.2 s. The least x-loss point on
// y's line is a = 0, b = (0.5 + 0.2 s) / 0.8 (at most 1), where 0.8 a + 0.2 b = (0.5 + 0.2 s) / 4:
// a deal exists iff (0.5 + 0.2 s) / 4 <= 0.8 s, that is s >= 1/6, with probability (0.5 - 1/6) /
// 0.5 = 2/3. Issue by issue y needs a >= s + 0.1 > s - 0.1 >= x's ceiling: never a zone on a.
TEST(PackageDeal, ProbabilityOverDrawsWithAFixedSeed) {
  constexpr std::uint64_t kPackageDraws = 1500;  // a linear program per draw: kept small for the sanitizer run
  const Scenario s = package_scenario(0.8, 0.2, 0.2, 0.8, 0.1, "[0, 50]");
  const std::vector<Proportion> one = package_deal_odds(s, {kPackageAB}, kPackageDraws, {11, 0}, 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NEAR(one[0].estimate, 2.0 / 3, 4 * std::sqrt(2.0 / 9 / static_cast<double>(kPackageDraws)));  // 4 standard errors
  EXPECT_LT(one[0].low, one[0].estimate);
  EXPECT_GT(one[0].high, one[0].estimate);
  EXPECT_EQ(feasibility_odds(s, kPackageDraws, {11, 0}, 1).zone[0].count, 0u);
  const std::vector<Proportion> four = package_deal_odds(s, {kPackageAB, {1, 0}}, kPackageDraws, {11, 0}, 4);
  EXPECT_EQ(four[0].count, one[0].count);  // the same draws, whatever the threads
  EXPECT_EQ(four[1].count, one[0].count);  // the order of the issues does not matter
}

TEST(PackageDeal, OnePassGivesTheNumbersOfTheSeparateCalls) {
  // analyse_feasibility samples each draw once for the zones and the deals; its counts must be
  // those of feasibility_odds and assess_packages with the same seed, whatever the threads. The
  // first scenario has a deal in about 2/3 of the draws, the second a zone on a in about 0.58 of
  // them (x accepts up to sq_a + 10, y at least 55).
  constexpr std::uint64_t kDraws = 600;
  Scenario zones = package_scenario(0.8, 0.2, 0.2, 0.8, -0.1, "[20, 80]");
  zones.sides[1].ratifiers[0].bounds = {{0, 55, 100}};
  const PackageChoice choice{PackageChoice::Kind::given, {kPackageAB, {1, 0}}};
  bool some_zones = false, some_deals = false;
  for (const Scenario& s : {package_scenario(0.8, 0.2, 0.2, 0.8, 0.1, "[0, 50]"), zones}) {
    const FeasibilityOdds odds = feasibility_odds(s, kDraws, {5, 0}, 1);
    const PackageDeals deals = assess_packages(s, choice, kDraws, {5, 0}, 1);
    for (unsigned threads : {1u, 3u}) {
      const FeasibilityAnalysis both = analyse_feasibility(s, choice, kDraws, {5, 0}, threads);
      ASSERT_EQ(both.odds.zone.size(), odds.zone.size());
      for (std::size_t i = 0; i < odds.zone.size(); ++i) EXPECT_EQ(both.odds.zone[i].count, odds.zone[i].count) << i;
      EXPECT_EQ(both.odds.every_issue.count, odds.every_issue.count);
      EXPECT_EQ(both.odds.lower_binding, odds.lower_binding);
      EXPECT_EQ(both.odds.upper_binding, odds.upper_binding);
      ASSERT_EQ(both.deals.odds.size(), 2u);
      for (std::size_t p = 0; p < 2; ++p) EXPECT_EQ(both.deals.odds[p].count, deals.odds[p].count) << p;
      EXPECT_EQ(both.deals.packages.size(), 2u);
      EXPECT_EQ(both.point.issues.size(), 2u);
    }
    // Counts strictly between 0 and every draw: a pass over other draws would show.
    some_zones = some_zones || (odds.zone[0].count > 0 && odds.zone[0].count < kDraws);
    some_deals = some_deals || (deals.odds[0].count > 0 && deals.odds[0].count < kDraws);
  }
  EXPECT_TRUE(some_zones);
  EXPECT_TRUE(some_deals);
}

TEST(PackageDeal, IssueIdsAreValidated) {
  const Scenario s = package_scenario(0.8, 0.2, 0.2, 0.8, 0.1);
  EXPECT_EQ(package_issues(s, {"b", "a"}, "--package"), (std::vector<std::size_t>{1, 0}));
  auto message = [&](const std::vector<std::string>& ids) {
    try {
      package_issues(s, ids, "--package");
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), "--package");
      return e.problem() + " / " + e.expected();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({"a", "zz"}), "no issue 'zz' / issue ids of the scenario, separated by commas");
  EXPECT_EQ(message({"a", "a"}), "issue 'a' twice / each issue once");
  EXPECT_EQ(message({"a"}), "1 issue(s) / at least two issue ids, e.g. ISSUE,ISSUE");
  EXPECT_THROW(assess_package(s, {0}), std::invalid_argument);
  EXPECT_THROW(assess_package(s, {0, 0}), std::invalid_argument);
}

// Where every issue of the package has a zone, the box of the zones lies inside the package deal
// region (each ratifier's weighted sum of per-issue acceptances is itself acceptable): a deal exists.
TEST(PackageDeal, ADealExistsWheneverEveryIssueHasAZone) {
  EXPECT_TRUE(rc::check([] {
    auto sal = [] { return *rc::gen::inRange(0, 11) / 10.0; };
    auto pos = [] { return *rc::gen::inRange(0, 11) * 10; };
    std::string text = "metadata: {title: t}\nissues:\n";
    for (const char* id : {"a", "b", "c"}) text += fmt::format("  - {{id: {}, status_quo: {}}}\n", id, pos());
    text += "actors:\n";
    for (const char* id : {"x", "y", "z"}) text += fmt::format("  - {{id: {}, capability: 1}}\n", id);
    text += "positions:\n";
    for (const char* id : {"x", "y", "z"})
      text +=
          fmt::format("  {}: {{a: {{position: {}, salience: {}}}, b: {{position: {}, salience: {}}}, c: {{position: {}, salience: {}}}}}\n",
                      id, pos(), sal(), pos(), sal(), pos(), sal());
    const int lo = *rc::gen::inRange(0, 6) * 10;
    text += fmt::format(
        "sides:\n  X: {{negotiator: x, ratifiers: {{x: {{threshold: {}}}, z: {{threshold: {}, accepts: {{b: {{min: {}}}}}}}}}}}\n"
        "  Y: {{negotiator: y, ratifiers: {{y: {{threshold: {}}}}}}}\n",
        *rc::gen::inRange(-3, 4) / 10.0, *rc::gen::inRange(-3, 4) / 10.0, lo, *rc::gen::inRange(-3, 4) / 10.0);
    const Scenario s = read_scenario_text(text, "p.yaml");
    const Feasibility f = assess_feasibility(s);
    const PackageFeasibility p = assess_package(s, {0, 1, 2});
    if (f.every_issue) {
      RC_ASSERT(p.deal);
      for (std::size_t j = 0; j < 3; ++j)
        RC_ASSERT(p.zone[j].low <= f.issues[j].zone.low + 1e-7 && f.issues[j].zone.high <= p.zone[j].high + 1e-7);
    }
    // A package deal's zone lies within every side's projected win-set.
    if (p.deal)
      for (std::size_t k = 0; k < 2; ++k)
        for (std::size_t j = 0; j < 3; ++j)
          RC_ASSERT(p.win_sets[k][j].low <= p.zone[j].low + 1e-7 && p.zone[j].high <= p.win_sets[k][j].high + 1e-7);
  }));
}

}  // namespace
}  // namespace parley
