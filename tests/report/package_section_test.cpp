// The report's "Package deals" section (src/report/package_section.cpp): each declared linkage with
// its deal at the point values, each side's best package and P(deal) over the report's draws; no
// section without linkages.
#include "report/package_section.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "parley/io.hpp"
#include "parley/parley.hpp"
#include "parley/report.hpp"
#include "report/output/numbers.hpp"
#include "report/svg.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

/// No zone on a nor on b, but a package deal (package_deal_test.cpp, case (a)); b's status quo
/// uncertain, so that P(deal) is below 1; c, on which nobody has a position.
constexpr const char* kPackageSectionBase = R"y(parley: 1
metadata: {title: t, sources: [{id: r, title: R}]}
issues: [{id: a, label: Issue A, status_quo: 50}, {id: b, label: Issue B, status_quo: "normal(50, 20)"}, {id: c, status_quo: 50}]
actors: [{id: x, capability: 1}, {id: y, capability: 1}]
positions:
  x: {a: {position: 0, salience: 0.8}, b: {position: 0, salience: 0.2}}
  y: {a: {position: 100, salience: 0.2}, b: {position: 100, salience: 0.8}}
sides:
  X: {negotiator: x, ratifiers: {x: {threshold: 0.1}}}
  Y: {negotiator: y, ratifiers: {y: {threshold: 0.1}}}
)y";

Scenario package_section_scenario(const std::string& linkages) {
  return read_scenario_text(std::string(kPackageSectionBase) + linkages, "linked.yaml");
}

TEST(ReportPackageSection, ListsEachLinkageWithDealBestPackagesAndProbability) {
  const Scenario s = package_section_scenario(
      "linkages:\n  - {id: ab, label: A for B, issues: [a, b], source: {ref: r, note: \"p. 3\"}}\n  - {id: ac, issues: [a, c]}\n");
  const PackageDeals deals = assess_packages(s, {}, 400, {1, 0}, 1);
  ASSERT_EQ(deals.odds.size(), 2u);
  const std::string h = report::package_section(s, deals);
  EXPECT_EQ(h.find("<h2>Package deals</h2>"), 0u) << h;
  const Proportion& ab = deals.odds[0];
  EXPECT_GT(ab.estimate, 0.05);
  EXPECT_LT(ab.estimate, 0.99);
  EXPECT_NE(
      h.find("<tr><td><span title=\"ab\">A for B</span></td><td><span title=\"a\">Issue A</span> + <span title=\"b\">Issue B</span>"
             "</td><td>yes: Issue A [0.0, 33.3], Issue B [66.7, 100.0]</td>"
             "<td>Issue A 0.0, Issue B 75.0 <small>(utility 0.850, status quo 0.500)</small></td>"
             "<td>Issue A 25.0, Issue B 100.0 <small>(utility 0.850, status quo 0.500)</small></td>"
             "<td class=\"n\">" +
             report::escape(report::probability_cell(ab)) + fmt::format(" [{:.3f}, {:.3f}]</td><td>r: p. 3</td></tr>", ab.low, ab.high)),
      std::string::npos)
      << h;
  // a with c: x accepts a <= 40, y a >= 60 on a alone (c weighs nothing): no deal.
  EXPECT_NE(h.find("<tr><td>ac</td><td><span title=\"a\">Issue A</span> + c</td>"
                   "<td>no</td><td>—</td><td>—</td>"),
            std::string::npos)
      << h;
  EXPECT_EQ(report::package_section(s, {}), "");
}

TEST(ReportPackageSection, IsInTheReportOnlyWithLinkagesAndUsesItsDraws) {
  ReportOptions o;
  o.models = {&model_named("compromise")};
  o.draws = 300;
  o.seed = 9;
  const Scenario linked = package_section_scenario("linkages:\n  - {id: ab, issues: [a, b]}\n");
  const std::string h = build_report(linked, o).html;
  const std::string section = report::package_section(linked, assess_packages(linked, {}, 300, {9, 0}, 1));
  ASSERT_FALSE(section.empty());
  EXPECT_NE(h.find("<h2 id=\"package-deals\">Package deals</h2>" + section.substr(section.find("</h2>") + 5)), std::string::npos)
      << section;
  EXPECT_NE(h.find("href=\"#package-deals\""), std::string::npos);  // in the table of contents
  EXPECT_LT(h.find("Deal feasibility"), h.find("Package deals"));
  const std::string plain = build_report(package_section_scenario(""), o).html;
  EXPECT_EQ(plain.find("Package deals"), std::string::npos);
}

}  // namespace
}  // namespace parley
