// parley feasibility on a scenario that declares linkages (docs/feasibility.md, "Declared
// linkages"): each linkage assessed as a package without --package; --package replaces them;
// --package none leaves them out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using parley::testing::contains;
using parley::testing::parley_cli;
using parley::testing::Result;
using parley::testing::temp;

/// The hand-solved package of package_cli_test.cpp, with the linkage b-for-a declared (b then a).
fs::path linkage_cli_scenario(bool linked) {
  const fs::path file = temp(linked ? "linkage-declared.yaml" : "linkage-none.yaml");
  std::ofstream(file) << "metadata: {title: Package}\nissues:\n  - {id: a, status_quo: 50}\n  - {id: b, status_quo: 50}\n"
                         "actors:\n  - {id: x, capability: 1}\n  - {id: y, capability: 1}\npositions:\n"
                         "  x: {a: {position: 0, salience: 0.8}, b: {position: 0, salience: 0.2}}\n"
                         "  y: {a: {position: 100, salience: 0.2}, b: {position: 100, salience: 0.8}}\n"
                         "sides:\n  X: {negotiator: x, ratifiers: {x: {threshold: 0.1}}}\n"
                         "  Y: {negotiator: y, ratifiers: {y: {threshold: 0.1}}}\n"
                      << (linked ? "linkages:\n  - {id: b-for-a, label: B for A, issues: [b, a]}\n" : "");
  return file;
}

TEST(LinkageCli, EachDeclaredLinkageIsAssessedAsAPackage) {
  const std::string file = linkage_cli_scenario(true).string();
  const Result r = parley_cli("feasibility " + file + " --draws 50");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out,
                       "\npackage b + a (linkage b-for-a)\n"
                       "  X     win-set b [0.0, 100.0], a [0.0, 50.0]\n"
                       "  Y     win-set b [50.0, 100.0], a [0.0, 100.0]\n"
                       "  deal  b [66.7, 100.0], a [0.0, 33.3]\n"))
      << r.out;
  // The table without the linkage is the same up to the package.
  const Result plain = parley_cli("feasibility " + linkage_cli_scenario(false).string() + " --draws 50");
  ASSERT_EQ(plain.code, 0) << plain.out;
  EXPECT_EQ(r.out.substr(0, plain.out.size()), plain.out);
  EXPECT_FALSE(contains(plain.out, "package")) << plain.out;

  const Result json = parley_cli("feasibility " + file + " --draws 50 -f json");
  ASSERT_EQ(json.code, 0) << json.out;
  EXPECT_TRUE(contains(json.out, "\"issues\": [\n        \"b\",\n        \"a\"\n      ],\n      \"linkage\": \"b-for-a\",\n")) << json.out;
}

TEST(LinkageCli, PackageReplacesTheLinkagesAndNoneLeavesThemOut) {
  const std::string file = linkage_cli_scenario(true).string();
  const Result given = parley_cli("feasibility " + file + " --draws 50 --package a,b");
  ASSERT_EQ(given.code, 0) << given.out;
  EXPECT_TRUE(contains(given.out, "\npackage a + b\n")) << given.out;
  EXPECT_FALSE(contains(given.out, "linkage")) << given.out;
  // The same as on the scenario without linkages.
  EXPECT_EQ(given.out, parley_cli("feasibility " + linkage_cli_scenario(false).string() + " --draws 50 --package a,b").out);

  const Result none = parley_cli("feasibility " + file + " --draws 50 --package none -f json");
  ASSERT_EQ(none.code, 0) << none.out;
  EXPECT_EQ(none.out, parley_cli("feasibility " + linkage_cli_scenario(false).string() + " --draws 50 -f json").out);

  const Result mixed = parley_cli("feasibility " + file + " --draws 5 --package none --package a,b");
  EXPECT_EQ(mixed.code, 2);
  EXPECT_EQ(mixed.out,
            "parley: error: field '--package': 'none' with other packages; expected either 'none' or packages ISSUE,ISSUE[,...]\n");
}

}  // namespace
