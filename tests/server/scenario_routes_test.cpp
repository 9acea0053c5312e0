// GET /api/models, /api/scenarios, GET and PUT /api/scenarios/<path>, POST /api/validate
// (src/server/routes_scenarios.cpp).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ServerScenarios, ModelsAreTheModelsJsonOfTheCommandLine) {
  ServedFolder s;
  const auto r = s.http->Get("/api/models");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, cli_output({"models", "-f", "json"}));
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["schema"], "parley.models/1");
  EXPECT_EQ(j["models"][3]["name"], "bdm");
  EXPECT_TRUE(j["models"][3]["traits"]["rounds"].get<bool>());
}

TEST(ServerScenarios, ListsTheScenarioFilesWithTheirTitles) {
  ServedFolder s;
  std::ofstream(s.folder.file("broken.yaml")) << "parley: 1\nactors: [\n";
  std::ofstream(s.folder.file("notes.txt")) << "not a scenario\n";
  const auto r = s.http->Get("/api/scenarios");
  ASSERT_TRUE(r);
  const auto j = nlohmann::json::parse(r->body);
  std::vector<std::string> paths;
  for (const auto& item : j["scenarios"]) paths.push_back(item["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{"broken.yaml", "examples/arms-control.json", "examples/arms-control.yaml",
                                             "examples/ec1994-emissions.yaml", "us-russia.yaml"}));
  EXPECT_EQ(j["scenarios"][4]["title"], "US–Russia relations under Trump and Putin (flagship)");
  EXPECT_EQ(j["scenarios"][4]["format"], "yaml");
  EXPECT_TRUE(j["scenarios"][0].contains("error"));
  EXPECT_TRUE(j["open"].is_null());
}

TEST(ServerScenarios, AFileAsRootIsOpenedFirst) {
  ScenarioFolder folder;
  ServerOptions o;
  o.root = folder.file("us-russia.yaml");
  RunningServer running(o);
  const auto r = running.client()->Get("/api/scenarios");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["open"], "us-russia.yaml");
}

TEST(ServerScenarios, LoadGivesTheTextAndTheLosslessJson) {
  ServedFolder s;
  const auto r = s.http->Get("/api/scenarios/us-russia.yaml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["path"], "us-russia.yaml");
  EXPECT_EQ(j["format"], "yaml");
  EXPECT_EQ(j["text"], file_text(s.folder.file("us-russia.yaml")));
  EXPECT_EQ(j["scenario"], nlohmann::json::parse(scenario_to_json(read_scenario_file(s.folder.file("us-russia.yaml")))));
}

TEST(ServerScenarios, ABadFileIs400WithItsLineAndColumn) {
  ServedFolder s;
  std::ofstream(s.folder.file("broken.yaml")) << "parley: 1\nmetadata: {title: x}\nactors: [\n";
  const auto r = s.http->Get("/api/scenarios/broken.yaml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "file"), "broken.yaml");
  EXPECT_NE(error_field(r->body, "line"), "");
  EXPECT_TRUE(error_field(r->body, "message").starts_with("broken.yaml:")) << r->body;
}

TEST(ServerScenarios, SaveWritesWhatReadsBackToTheSameForecast) {
  ServedFolder s;
  const auto loaded = nlohmann::json::parse(s.http->Get("/api/scenarios/us-russia.yaml")->body);
  for (const char* format : {"yaml", "json"}) {
    const std::string name = std::string("copy.") + format;
    const nlohmann::json body{{"scenario", loaded["scenario"]}, {"format", format}};
    const auto r = s.http->Put(("/api/scenarios/" + name).c_str(), body.dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    // What the page sent, written by parley's own writers: the file reads back to the same document.
    const Scenario sent = read_scenario_text(loaded["scenario"].dump(), "sent");
    const std::string saved = file_text(s.folder.file(name));
    EXPECT_EQ(saved, std::string(format) == "yaml" ? scenario_to_yaml(sent) : scenario_to_json(sent));
    EXPECT_EQ(nlohmann::json::parse(s.http->Get(("/api/scenarios/" + name).c_str())->body)["scenario"], loaded["scenario"]);
  }
  EXPECT_EQ(cli_output({"run", s.folder.file("copy.yaml"), "-f", "json"}),
            cli_output({"run", s.folder.file("us-russia.yaml"), "-f", "json"}));
}

TEST(ServerScenarios, ABadScenarioIsNotSavedAndNamesTheField) {
  ServedFolder s;
  auto loaded = nlohmann::json::parse(s.http->Get("/api/scenarios/us-russia.yaml")->body);
  const std::string before = file_text(s.folder.file("us-russia.yaml"));
  loaded["scenario"]["actors"][2]["capability"] = -3;
  const auto r = s.http->Put("/api/scenarios/us-russia.yaml", nlohmann::json{{"scenario", loaded["scenario"]}}.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "scenario.actors[2].capability");
  EXPECT_EQ(file_text(s.folder.file("us-russia.yaml")), before);
}

TEST(ServerScenarios, ValidateIsTheValidateJsonOfTheCommandLine) {
  ServedFolder s;
  const auto r = s.post("/api/validate", R"({"path": "us-russia.yaml"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // The command line names the file as given: from the served folder, the same relative path.
  const fs::path here = fs::current_path();
  fs::current_path(s.folder.path());
  const std::string cli = cli_output({"validate", "us-russia.yaml", "-f", "json"});
  fs::current_path(here);
  EXPECT_EQ(r->body, cli);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["schema"], "parley.validate/1");
  EXPECT_EQ(j["actors"], 11);
  EXPECT_EQ(j["stances"]["complete"], 70);
  EXPECT_EQ(j["with_source"], 159);
  EXPECT_EQ(j["events"].size(), 5u);
}

TEST(ServerScenarios, ValidateNamesTheFieldOfABadOverride) {
  ServedFolder s;
  const auto r = s.post("/api/validate", R"({"path": "us-russia.yaml", "set": ["us-president.capability=-5"]})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "set");
  const auto missing = s.post("/api/validate", R"({"scenario": {"parley": 1}})");
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(error_field(missing->body, "field"), "scenario.metadata");
}

}  // namespace
}  // namespace parley::server_testing
