// Declared linkages (docs/scenario-format.md, "Linkages"): read with their sources, refused with the
// place of the problem, checked by validate(), written back losslessly, and assessed as packages by
// assess_packages (docs/feasibility.md, "Declared linkages").
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_compare.hpp"
#include "parley/feasibility.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;
using testing::expect_same_scenario;

/// Two sides, no zone on a nor on b but a package deal (package_deal_test.cpp, case (a)), and an
/// issue c nobody has a position on.
constexpr const char* kLinkageBase = R"(parley: 1
metadata: {title: t, sources: [{id: r, title: R}]}
issues: [{id: a, status_quo: 50}, {id: b, status_quo: 50}, {id: c}]
actors: [{id: x, capability: 1}, {id: y, capability: 1}]
positions:
  x: {a: {position: 0, salience: 0.8}, b: {position: 0, salience: 0.2}}
  y: {a: {position: 100, salience: 0.2}, b: {position: 100, salience: 0.8}}
sides:
  X: {negotiator: x, ratifiers: {x: {threshold: 0.1}}}
  Y: {negotiator: y, ratifiers: {y: {threshold: 0.1}}}
)";

Scenario linkage_scenario(const std::string& linkages) { return read_scenario_text(std::string(kLinkageBase) + linkages, "x.yaml"); }

TEST(LinkageReader, ReadsIdsLabelsIssuesInOrderAndSources) {
  const Scenario s = linkage_scenario(
      "linkages:\n  - {id: ab, label: A for B, issues: [b, a], source: {ref: r, note: \"p. 3\"}}\n  - {id: bc, issues: [b, c, a]}\n");
  ASSERT_EQ(s.linkages.size(), 2u);
  EXPECT_EQ(s.linkages[0].id, "ab");
  EXPECT_EQ(s.linkages[0].label, "A for B");
  EXPECT_EQ(s.linkages[0].issues, (std::vector<std::size_t>{1, 0}));
  ASSERT_GE(s.linkages[0].citation, 0);
  EXPECT_EQ(s.citations[static_cast<std::size_t>(s.linkages[0].citation)].note, "p. 3");
  EXPECT_EQ(s.linkages[1].label, "");
  EXPECT_EQ(s.linkages[1].issues, (std::vector<std::size_t>{1, 2, 0}));
  EXPECT_EQ(s.linkages[1].citation, -1);
  // Lossless through JSON and YAML, and written after the sides.
  expect_same_scenario(s, read_scenario_text(scenario_to_yaml(s), "written.yaml"));
  expect_same_scenario(s, read_scenario_text(scenario_to_json(s), "written.json"));
  const std::string json = scenario_to_json(s, -1);
  EXPECT_NE(json.find(R"("linkages":[{"id":"ab","label":"A for B","issues":["b","a"],"source":{"ref":"r","note":"p. 3"}},)"
                      R"({"id":"bc","issues":["b","c","a"]}])"),
            std::string::npos)
      << json;
  EXPECT_LT(json.find("\"sides\""), json.find("\"linkages\""));
  // No key without linkages.
  EXPECT_EQ(scenario_to_json(linkage_scenario("")).find("linkages"), std::string::npos);
}

TEST(LinkageReader, RefusesBadLinkagesAtTheirPlace) {
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a, d]}\n"); }, 12, 26, "linkages[0].issues[1]",
                     "the id of an issue");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a, b, a]}\n"); }, 12, 29, "linkages[0].issues[2]",
                     "distinct issues");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a]}\n"); }, 12, 22, "linkages[0].issues",
                     "two or more issues");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: []}\n"); }, 12, 22, "linkages[0].issues", "at least one");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a, b]}\n  - {id: ab, issues: [b, c]}\n"); }, 13, 10,
                     "linkages[1].id", "unique linkage ids");
  expect_input_error([] { linkage_scenario("linkages:\n  - {issues: [a, b]}\n"); }, 12, 5, "linkages[0]", "id");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a, b], trade: x}\n"); }, 12, 30, "linkages[0].trade",
                     "id, label, issues, source");
  expect_input_error([] { linkage_scenario("linkages:\n  - {id: ab, issues: [a, b], source: nowhere}\n"); }, 12, 38, "linkages[0].source",
                     "");
  expect_input_error([] { linkage_scenario("linkages: {ab: [a, b]}\n"); }, 11, 11, "linkages", "a list of linkages");
}

TEST(LinkageReader, ValidateChecksLinkagesBuiltInCode) {
  Scenario s = linkage_scenario("");
  validate(s);
  s.linkages.push_back({"ab", "", {0, 1}, -1});
  validate(s);
  auto refused = [&](Linkage l, const std::string& field, const std::string& expected) {
    Scenario t = s;
    t.linkages.push_back(std::move(l));
    try {
      validate(t);
      ADD_FAILURE() << "no InputError for " << field;
    } catch (const InputError& e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_NE(e.expected().find(expected), std::string::npos) << e.what();
    }
  };
  refused({"ab", "", {1, 2}, -1}, "linkages.ab", "unique linkage ids");
  refused({"bc", "", {1}, -1}, "linkages.bc.issues", "two or more issues");
  refused({"bc", "", {1, 3}, -1}, "linkages.bc.issues", "an issue of this scenario");
  refused({"bc", "", {1, 2, 1}, -1}, "linkages.bc.issues", "distinct issues");
  refused({"bc", "", {1, 2}, 7}, "linkages.bc.source", "a citation of this scenario");
  refused({"b c", "", {1, 2}, -1}, "linkages.b c", "");
}

TEST(LinkageReader, AssessPackagesTakesTheLinkagesUnlessGivenOrNone) {
  const Scenario s = linkage_scenario("linkages:\n  - {id: ab, issues: [a, b]}\n  - {id: ba, issues: [b, a]}\n");
  const PackageDeals linked = assess_packages(s, {}, 100, {7, 0}, 1);
  ASSERT_EQ(linked.packages.size(), 2u);
  ASSERT_EQ(linked.odds.size(), 2u);
  EXPECT_EQ(linked.packages[0].linkage, std::optional<std::size_t>(0));
  EXPECT_EQ(linked.packages[1].linkage, std::optional<std::size_t>(1));
  EXPECT_EQ(linked.packages[1].issues, (std::vector<std::size_t>{1, 0}));
  EXPECT_TRUE(linked.packages[0].deal);
  // No uncertain input: a deal in every draw.
  EXPECT_EQ(linked.odds[0].estimate, 1.0);
  // The same as assess_package and package_deal_odds on the same issues.
  const PackageFeasibility alone = assess_package(s, {0, 1});
  EXPECT_EQ(linked.packages[0].zone[1].low, alone.zone[1].low);

  PackageChoice given{PackageChoice::Kind::given, {{1, 0}}};
  const PackageDeals chosen = assess_packages(s, given, 100, {7, 0}, 1);
  ASSERT_EQ(chosen.packages.size(), 1u);
  EXPECT_FALSE(chosen.packages[0].linkage);
  EXPECT_EQ(chosen.packages[0].issues, (std::vector<std::size_t>{1, 0}));

  const PackageDeals none = assess_packages(s, {PackageChoice::Kind::none, {}}, 100, {7, 0}, 1);
  EXPECT_TRUE(none.packages.empty());
  EXPECT_TRUE(none.odds.empty());
  EXPECT_TRUE(assess_packages(linkage_scenario(""), {}, 100, {7, 0}, 1).packages.empty());
}

}  // namespace
}  // namespace parley
