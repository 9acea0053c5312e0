// POST /api/feasibility with package deals (docs/web.md): the scenario's declared linkages by
// default, `packages` in their place, `[]` for none; each answer the command line's, byte for byte.
#include <gtest/gtest.h>

#include <fstream>

#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

/// The hand-solved package of tests/cli/package_cli_test.cpp with the linkage b-for-a declared.
std::string write_linked_scenario(const ScenarioFolder& folder) {
  const std::string file = folder.file("linked.yaml");
  std::ofstream(file) << "metadata: {title: Package}\nissues:\n  - {id: a, status_quo: 50}\n  - {id: b, status_quo: [40, 60]}\n"
                         "actors:\n  - {id: x, capability: 1}\n  - {id: y, capability: 1}\npositions:\n"
                         "  x: {a: {position: 0, salience: 0.8}, b: {position: 0, salience: 0.2}}\n"
                         "  y: {a: {position: 100, salience: 0.2}, b: {position: 100, salience: 0.8}}\n"
                         "sides:\n  X: {negotiator: x, ratifiers: {x: {threshold: 0.1}}}\n"
                         "  Y: {negotiator: y, ratifiers: {y: {threshold: 0.1}}}\n"
                         "linkages:\n  - {id: b-for-a, issues: [b, a]}\n";
  return file;
}

TEST(ServerLinkages, FeasibilityAssessesTheLinkagesOrTheGivenPackagesAsTheCommandLine) {
  ServedFolder s;
  const std::string file = write_linked_scenario(s.folder);
  auto r = s.post("/api/feasibility", R"({"path": "linked.yaml", "draws": 40, "seed": 3})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("\"linkage\": \"b-for-a\""), std::string::npos) << r->body;
  EXPECT_EQ(r->body, cli_output({"feasibility", file, "-n", "40", "--seed", "3", "--threads", "2", "-f", "json"}));

  r = s.post("/api/feasibility", R"({"path": "linked.yaml", "draws": 40, "packages": [["a", "b"], ["b", "a"]]})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body.find("\"linkage\""), std::string::npos) << r->body;
  EXPECT_EQ(r->body, cli_output({"feasibility", file, "-n", "40", "--threads", "2", "-f", "json", "--package", "a,b", "--package", "b,a"}));

  r = s.post("/api/feasibility", R"({"path": "linked.yaml", "draws": 40, "packages": []})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body.find("\"packages\""), std::string::npos) << r->body;
  EXPECT_EQ(r->body, cli_output({"feasibility", file, "-n", "40", "--threads", "2", "-f", "json", "--package", "none"}));
}

TEST(ServerLinkages, BadPackagesAreRefusedNamingTheField) {
  ServedFolder s;
  write_linked_scenario(s.folder);
  const std::pair<const char*, const char*> cases[] = {
      {R"("a,b")", "packages"},         {R"(["a", "b"])", "packages[0]"},
      {R"([["a", 1]])", "packages[0]"}, {R"([["a", "b"], ["a", "zz"]])", "packages[1]"},
      {R"([["a"]])", "packages[0]"},
  };
  for (const auto& [packages, field] : cases) {
    const auto r = s.post("/api/feasibility", std::string(R"({"path": "linked.yaml", "draws": 5, "packages": )") + packages + "}");
    EXPECT_EQ(r->status, 400) << packages;
    EXPECT_EQ(error_field(r->body, "field"), field) << r->body;
  }
}

}  // namespace
}  // namespace parley::server_testing
