// POST /api/run, /api/whatif, /api/sensitivity, /api/feasibility, /api/compare, /api/report and
// GET /api/skill (src/server/routes_analyses.cpp): the command line's documents, byte for byte.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parley/output.hpp"
#include "parley/skill.hpp"
#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

TEST(ServerAnalyses, RunIsTheCommandLinesForecastByteForByte) {
  ServedFolder s;
  const std::string flagship = s.folder.file("us-russia.yaml");
  auto r = s.post("/api/run", R"({"path": "us-russia.yaml"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, cli_output({"run", flagship, "-f", "json"}));
  r = s.post("/api/run", R"({"path": "us-russia.yaml", "model": "bdm", "options": {"q": 0.5}, "rounds": 9,
                             "set": ["us-president.sanctions.position=30"]})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, cli_output({"run", flagship, "-m", "bdm", "--option", "q=0.5", "--rounds", "9", "--set",
                                 "us-president.sanctions.position=30", "-f", "json"}));
}

TEST(ServerAnalyses, RunOfAnInlineScenarioIsTheSameAsOfItsFile) {
  ServedFolder s;
  const std::string doc = scenario_to_json(read_scenario_file(s.folder.file("us-russia.yaml")));
  const auto r = s.post("/api/run", R"({"model": "focal", "scenario": )" + doc + "}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, cli_output({"run", s.folder.file("us-russia.yaml"), "-m", "focal", "-f", "json"}));
}

TEST(ServerAnalyses, RunRefusesAnUnknownModelOrOptionNamingTheField) {
  ServedFolder s;
  auto r = s.post("/api/run", R"({"path": "us-russia.yaml", "model": "nope"})");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "model");
  r = s.post("/api/run", R"({"path": "us-russia.yaml", "model": "bdm", "options": {"q": "lots"}})");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "options.q") << r->body;
  r = s.post("/api/run", R"({"path": "us-russia.yaml", "rounds": -1, "model": "bdm"})");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "rounds");
}

TEST(ServerAnalyses, WhatIfGivesEveryModelsForecastAndTheEnsemble) {
  ServedFolder s;
  const auto r = s.post("/api/whatif", R"({"path": "us-russia.yaml", "models": ["compromise", "focal", "bdm"],
                                           "set": ["us-president.sanctions.salience=0.8"]})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["schema"], "parley.whatif/1");
  const std::string flagship = s.folder.file("us-russia.yaml");
  for (const char* model : {"compromise", "focal", "bdm"})
    EXPECT_EQ(
        j["forecasts"][model],
        nlohmann::json::parse(cli_output({"run", flagship, "-m", model, "--set", "us-president.sanctions.salience=0.8", "-f", "json"})))
        << model;
  EXPECT_EQ(j["ensemble"]["models"], (nlohmann::json{"compromise", "focal", "bdm"}));
  ASSERT_EQ(j["ensemble"]["issues"].size(), 8u);
  // The weighted mean lies between the models' forecasts.
  const double x = j["ensemble"]["issues"][0]["outcome"], a = j["forecasts"]["compromise"]["issues"][0]["outcome"],
               b = j["forecasts"]["focal"]["issues"][0]["outcome"], c = j["forecasts"]["bdm"]["issues"][0]["outcome"];
  EXPECT_GE(x, std::min({a, b, c}));
  EXPECT_LE(x, std::max({a, b, c}));
  EXPECT_TRUE(j["errors"].empty());
}

TEST(ServerAnalyses, WhatIfPutsAModelsErrorBesideTheOthers) {
  ServedFolder s;
  const auto r = s.post("/api/whatif", R"({"path": "us-russia.yaml", "models": ["compromise", "bdm"], "options": {"bdm": {"q": "lots"}}})");
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_TRUE(j["forecasts"].contains("compromise"));
  EXPECT_FALSE(j["forecasts"].contains("bdm"));
  EXPECT_EQ(j["errors"]["bdm"]["status"], 400);
  EXPECT_EQ(j["ensemble"]["models"], (nlohmann::json{"compromise"}));
}

TEST(ServerAnalyses, SensitivityFeasibilityAndCompareAreTheCommandLines) {
  ServedFolder s;
  const std::string flagship = s.folder.file("us-russia.yaml");
  auto r = s.post("/api/sensitivity", R"({"path": "us-russia.yaml", "method": "tornado", "seed": 3})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, cli_output({"sensitivity", flagship, "--method", "tornado", "--seed", "3", "--threads", "2", "-f", "json"}));
  r = s.post("/api/feasibility", R"({"path": "us-russia.yaml", "draws": 50, "seed": 2})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, cli_output({"feasibility", flagship, "-n", "50", "--seed", "2", "--threads", "2", "-f", "json"}));
  const std::string arms = s.folder.file("examples/arms-control.yaml");
  r = s.post("/api/compare", R"({"a": {"path": "examples/arms-control.yaml"}, "b": {"path": "examples/arms-control.json"}, "draws": 40})");
  ASSERT_EQ(r->status, 200) << r->body;
  const fs::path here = fs::current_path();
  fs::current_path(s.folder.path());
  const std::string cli =
      cli_output({"compare", "examples/arms-control.yaml", "examples/arms-control.json", "-n", "40", "--threads", "2", "-f", "json"});
  fs::current_path(here);
  EXPECT_EQ(r->body, cli);
}

TEST(ServerAnalyses, SensitivityWithSobolIsTheCommandLines) {
  ServedFolder s;
  const auto r = s.post("/api/sensitivity", R"({"path": "examples/arms-control.yaml", "method": "sobol", "samples": 16})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, cli_output({"sensitivity", s.folder.file("examples/arms-control.yaml"), "--method", "sobol", "--samples", "16",
                                 "--threads", "2", "-f", "json"}));
  const auto bad = s.post("/api/sensitivity", R"({"path": "examples/arms-control.yaml", "method": "guess"})");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(error_field(bad->body, "field"), "method");
}

TEST(ServerAnalyses, SkillIsTheShippedTable) {
  ServedFolder s;
  auto r = s.http->Get("/api/skill");
  ASSERT_EQ(r->status, 200);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["schema"], "parley.skill/1");
  EXPECT_EQ(j["models"].size(), shipped_skill().models.size());
  r = s.http->Get("/api/skill?format=csv");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body, write_skill_csv(shipped_skill()));
  EXPECT_EQ(s.http->Get("/api/skill?format=xml")->status, 400);
}

TEST(ServerAnalyses, ReportIsHtmlWithItsOwnPolicy) {
  ServedFolder s;
  const auto r = s.post("/api/report", R"({"path": "examples/arms-control.yaml", "models": ["compromise", "bdm"], "draws": 20})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(r->body.starts_with("<!DOCTYPE html>") || r->body.starts_with("<!doctype html>")) << r->body.substr(0, 40);
  EXPECT_TRUE(r->get_header_value("Content-Security-Policy").starts_with("default-src 'none'"));
}

}  // namespace
}  // namespace parley::server_testing
