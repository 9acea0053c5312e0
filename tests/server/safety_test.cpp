// The server's safety rules (docs/web.md, "Safety"; src/server/safety.cpp): no path outside the
// served folder, the token, the Host header, body limits, bad input as 400, the headers of every
// response, and the front-end's stub.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

TEST(ServerSafety, NoPathOutsideTheFolderIsRead) {
  ServedFolder s;
  const fs::path outside = s.folder.path().parent_path() / (s.folder.path().filename().string() + "-outside.yaml");
  fs::copy_file(s.folder.file("us-russia.yaml"), outside, fs::copy_options::overwrite_existing);
  fs::create_symlink(outside, s.folder.path() / "link-out.yaml");
  fs::create_directory_symlink(s.folder.path().parent_path(), s.folder.path() / "up");
  const std::string name = outside.filename().string();
  for (const std::string& path : std::vector<std::string>{
           "../" + name, "..%2f" + name, "%2e%2e/" + name, "%2E%2E%2F" + name, "examples/../../" + name, "examples/%2e%2e/%2e%2e/" + name,
           "%2f" + outside.relative_path().string(), "/" + outside.string(), "link-out.yaml", "up/" + name, "examples%5c..%5c..%5c" + name,
           "./us-russia.yaml", "examples//arms-control.yaml", "us-russia.yaml%00.yaml"}) {
    const auto r = s.http->Get(("/api/scenarios/" + path).c_str());
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 403 || r->status == 404) << path << ": " << r->status;
    EXPECT_EQ(r->body.find("Trump"), std::string::npos) << path;
    const auto run = s.post("/api/run", nlohmann::json{{"path", httplib::detail::decode_url(path, false)}}.dump());
    EXPECT_TRUE(run->status == 403 || run->status == 404) << path << ": " << run->status;
  }
  // The symlinks out are not listed either.
  const std::string list = s.http->Get("/api/scenarios")->body;
  EXPECT_EQ(list.find("link-out"), std::string::npos);
  EXPECT_EQ(list.find("up/"), std::string::npos);
  fs::remove(outside);
}

TEST(ServerSafety, NoPathOutsideTheFolderIsWritten) {
  ServedFolder s;
  const std::string doc =
      nlohmann::json{{"scenario", nlohmann::json::parse(s.http->Get("/api/scenarios/us-russia.yaml")->body)["scenario"]}}.dump();
  const fs::path outside = s.folder.path().parent_path() / (s.folder.path().filename().string() + "-written.yaml");
  fs::create_symlink(outside, s.folder.path() / "dangling.yaml");
  for (const std::string& path :
       std::vector<std::string>{"../" + outside.filename().string(), "%2e%2e/" + outside.filename().string(), "dangling.yaml",
                                "/" + outside.string(), "parley.db", "notes.txt", "no-such-folder/x.yaml"}) {
    const auto r = s.http->Put(("/api/scenarios/" + path).c_str(), doc, "application/json");
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 403 || r->status == 404) << path << ": " << r->status;
  }
  EXPECT_FALSE(fs::exists(outside));
  EXPECT_FALSE(fs::exists(s.folder.file("parley.db")));
}

TEST(ServerSafety, BodiesOverTheLimitGet413) {
  ServerOptions o;
  o.body_limit = 4096;
  ServedFolder s(o);
  const auto r = s.post("/api/validate", "{\"path\": \"us-russia.yaml\", \"pad\": \"" + std::string(5000, 'x') + "\"}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(error_field(r->body, "status"), "413");
  EXPECT_FALSE(r->get_header_value("Content-Security-Policy").empty());
  EXPECT_EQ(s.post("/api/validate", R"({"path": "us-russia.yaml"})")->status, 200);
}

TEST(ServerSafety, MalformedRequestsGet400OrWorseNeverACrash) {
  ServedFolder s;
  const auto expect_400 = [&](const char* path, const std::string& body) {
    const auto r = s.post(path, body);
    ASSERT_TRUE(r) << path << " " << body;
    EXPECT_EQ(r->status, 400) << path << " " << body << ": " << r->body;
    EXPECT_FALSE(error_field(r->body, "message").empty()) << r->body;
  };
  for (const std::string body : {"{\"path\": ", "[1, 2]", "\"text\"", "", "{\"scenario\": 3}", "{\"path\": 3}", "{}",
                                 "{\"path\": \"us-russia.yaml\", \"scenario\": {}}", "{\"path\": \"us-russia.yaml\", \"set\": \"x\"}",
                                 "{\"path\": \"us-russia.yaml\", \"set\": [3]}", "\xff\xfe{}"})
    for (const char* path : {"/api/run", "/api/whatif", "/api/validate", "/api/feasibility", "/api/sweeps", "/api/sensitivity"})
      expect_400(path, body);
  for (const char* path : {"/api/feasibility", "/api/sweeps"}) {
    expect_400(path, R"({"path": "us-russia.yaml", "draws": 1.5})");
    expect_400(path, R"({"path": "us-russia.yaml", "draws": "many"})");
    expect_400(path, R"({"path": "us-russia.yaml", "seed": -1})");
  }
  expect_400("/api/run", R"({"path": "us-russia.yaml", "options": {"q": [1]}})");
  expect_400("/api/run", "{\"scenario\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
  expect_400("/api/run", R"({"path": "us-russia.yaml", "model": 3})");
  expect_400("/api/whatif", R"({"path": "us-russia.yaml", "models": ["nope"]})");
  expect_400("/api/compare", R"({"a": {"path": "us-russia.yaml"}})");
  const auto plain = s.http->Post("/api/run", R"({"path": "us-russia.yaml"})", "text/plain");
  EXPECT_EQ(plain->status, 415);
  EXPECT_EQ(s.http->Get("/api/nothing")->status, 404);
  EXPECT_EQ(s.post("/api/nothing", "{}")->status, 404);
  EXPECT_EQ(s.http->Get("/api/models")->status, 200);  // still serving
}

TEST(ServerSafety, EveryResponseCarriesTheContentSecurityPolicy) {
  ServedFolder s;
  for (const auto& r : {s.http->Get("/"), s.http->Get("/api/models"), s.http->Get("/api/nothing"), s.http->Get("/missing.js"),
                        s.post("/api/run", "{"), s.http->Get("/api/scenarios/..%2fx.yaml")}) {
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->get_header_value("Content-Security-Policy").starts_with("default-src 'self'")) << r->status;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  }
}

TEST(ServerSafety, WithATokenEveryRequestMustCarryIt) {
  ServerOptions o;
  o.token = "s3cret-token";
  ScenarioFolder folder;
  o.root = folder.path().string();
  RunningServer running(o);
  EXPECT_EQ(running.client()->Get("/api/models")->status, 401);
  EXPECT_EQ(running.client()->Get("/")->status, 401);
  EXPECT_EQ(running.client("wrong")->Get("/api/models")->status, 401);
  EXPECT_EQ(running.client()->Get("/api/models?token=s3cret-tokeN")->status, 401);
  EXPECT_EQ(running.client("s3cret-token")->Get("/api/models")->status, 200);
  const auto by_query = running.client()->Get("/?token=s3cret-token");
  EXPECT_EQ(by_query->status, 200);
  const std::string cookie = by_query->get_header_value("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("parley_token=s3cret-token;")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_EQ(running.client()->Get("/api/models", {{"Cookie", "parley_token=s3cret-token"}})->status, 200);
  EXPECT_EQ(running.server().url(), "http://127.0.0.1:" + std::to_string(running.port()) + "/?token=s3cret-token");
}

TEST(ServerSafety, AnotherHostThanLoopbackGetsATokenGenerated) {
  ScenarioFolder folder;
  ServerOptions o;
  o.root = folder.path().string();
  o.host = "0.0.0.0";
  o.port = 0;
  Server server(o);
  EXPECT_EQ(server.options().token.size(), 32u);
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  ServerOptions local = o;
  local.host = "127.0.0.1";
  EXPECT_TRUE(Server(local).options().token.empty());
}

TEST(ServerSafety, WithoutATokenOnlyTheServersOwnHostIsAnswered) {
  ServedFolder s;
  EXPECT_EQ(s.http->Get("/api/models", {{"Host", "evil.example:" + std::to_string(s.running.port())}})->status, 403);
  EXPECT_EQ(s.http->Get("/api/models", {{"Host", "localhost:" + std::to_string(s.running.port())}})->status, 200);
  EXPECT_EQ(s.http->Get("/api/models")->status, 200);
}

TEST(ServerSafety, ATakenPortIsAnErrorOrFallsBack) {
  ScenarioFolder folder;
  ServerOptions o;
  o.root = folder.path().string();
  RunningServer first(o);
  o.port = first.port();
  Server second(o);
  try {
    second.bind();
    ADD_FAILURE() << "bound a taken port";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--port");
  }
  o.port_fallback = true;
  Server third(o);
  EXPECT_NE(third.bind(), first.port());
  EXPECT_TRUE(third.fell_back());
}

TEST(ServerSafety, TheRootMustBeAFolderOrAFile) {
  ServerOptions o;
  o.root = "/nonexistent-parley-folder";
  EXPECT_THROW(Server{o}, InputError);
}

TEST(ServerSafety, TheStubPageIsServedWhenTheFrontEndIsNotBuilt) {
  ServedFolder s;
  const auto r = s.http->Get("/");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("<title>parley</title>"), std::string::npos);
  EXPECT_EQ(s.http->Get("/some/route")->status, 200);  // the front-end's own routes get the index
  EXPECT_EQ(s.http->Get("/missing.js")->status, 404);
}

}  // namespace
}  // namespace parley::server_testing
