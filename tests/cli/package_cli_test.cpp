// parley feasibility --package (docs/feasibility.md, "Package deals"): the hand-solved package of
// tests/analysis/package_deal_test.cpp through the command line, and the errors of a bad --package.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::kFlagship;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::temp;

/// No zone on a nor on b, but a package deal (package_deal_test.cpp, case (a)).
fs::path package_cli_scenario() {
  const fs::path file = temp("package-deal.yaml");
  std::ofstream(file) << "metadata: {title: Package}\nissues:\n  - {id: a, status_quo: 50}\n  - {id: b, status_quo: 50}\n"
                         "actors:\n  - {id: x, capability: 1}\n  - {id: y, capability: 1}\npositions:\n"
                         "  x: {a: {position: 0, salience: 0.8}, b: {position: 0, salience: 0.2}}\n"
                         "  y: {a: {position: 100, salience: 0.2}, b: {position: 100, salience: 0.8}}\n"
                         "sides:\n  X: {negotiator: x, ratifiers: {x: {threshold: 0.1}}}\n"
                         "  Y: {negotiator: y, ratifiers: {y: {threshold: 0.1}}}\n";
  return file;
}

TEST(PackageCli, TableShowsWinSetsDealBestPackagesAndProbability) {
  const Result r = parley_cli("feasibility " + package_cli_scenario().string() + " --draws 50 --package a,b");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out,
                       "\npackage a + b\n"
                       "  X     win-set a [0.0, 50.0], b [0.0, 100.0]\n"
                       "  Y     win-set a [0.0, 100.0], b [50.0, 100.0]\n"
                       "  deal  a [0.0, 33.3], b [66.7, 100.0]\n"
                       "  best for X (x): a 0.0, b 75.0; utility 0.850 (status quo 0.500)\n"
                       "  best for Y (y): a 25.0, b 100.0; utility 0.850 (status quo 0.500)\n"
                       "  P(deal) "))
      << r.out;
  EXPECT_TRUE(contains(r.out, "zone on every issue: no at point values")) << r.out;
  // The option may come before the file, and repeat.
  const Result two = parley_cli("feasibility --package b,a --draws 50 " + package_cli_scenario().string() + " --package a,b");
  ASSERT_EQ(two.code, 0) << two.out;
  EXPECT_TRUE(contains(two.out, "\npackage b + a\n")) << two.out;
  EXPECT_TRUE(contains(two.out, "\npackage a + b\n")) << two.out;
}

TEST(PackageCli, JsonAddsPackagesOnlyWhenAsked) {
  const std::string file = package_cli_scenario().string();
  const Result plain = parley_cli("feasibility " + file + " --draws 50 -f json");
  ASSERT_EQ(plain.code, 0) << plain.out;
  EXPECT_FALSE(contains(plain.out, "\"packages\"")) << plain.out;
  const Result r = parley_cli("feasibility " + file + " --draws 50 -f json --package a,b");
  ASSERT_EQ(r.code, 0) << r.out;
  // The document without --package, with one more key before its end.
  EXPECT_EQ(r.out.substr(0, plain.out.size() - 3), plain.out.substr(0, plain.out.size() - 3));
  EXPECT_TRUE(contains(r.out, "\"packages\": [\n    {\n      \"issues\": [\n        \"a\",\n        \"b\"\n      ],")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"deal\": true,")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"negotiator\": \"x\",")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"deal_probability\": {\n        \"probability\": 1.0,")) << r.out;
}

TEST(PackageCli, ABadPackageIsRefusedNamingTheOptionAndTheId) {
  const std::string file = package_cli_scenario().string();
  const fs::path out = temp("package-out.txt");
  fs::remove(out);
  const std::pair<const char*, const char*> cases[] = {
      {"a,zz", "no issue 'zz'; expected issue ids of the scenario, separated by commas"},
      {"a", "1 issue(s); expected at least two issue ids, e.g. ISSUE,ISSUE"},
      {"a,b,a", "issue 'a' twice; expected each issue once"},
      {"a,", "no issue ''; expected issue ids of the scenario, separated by commas"},
  };
  for (const auto& [package, message] : cases) {
    const Result r = parley_cli("feasibility " + file + " --draws 5 -o " + out.string() + " --package " + package);
    EXPECT_EQ(r.code, 2) << package;
    EXPECT_EQ(r.out, std::string("parley: error: field '--package': ") + message + "\n") << package;
    EXPECT_FALSE(fs::exists(out)) << package;
  }
  // Checked before any draw, in the flagship as well.
  const Result flagship = parley_cli("feasibility " + kFlagship + " --package ukraine-terms,nato");
  EXPECT_EQ(flagship.code, 2);
  EXPECT_TRUE(contains(flagship.out, "field '--package': no issue 'nato'")) << flagship.out;
}

}  // namespace
