// A known path asked with a method it does not take answers 405 with an Allow header and the error
// document (docs/web.md, "Errors"); a path no route takes answers 404 (src/server/router.hpp,
// server.cpp's error handler).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "server/router.hpp"
#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

/// Sends `method` to `path` with an empty JSON body (what a browser's fetch would send).
httplib::Result send_method(httplib::Client& http, const std::string& method, const std::string& path) {
  httplib::Request req;
  req.method = method;
  req.path = path;
  if (method == "POST" || method == "PUT" || method == "PATCH") {
    req.body = "{}";
    req.set_header("Content-Type", "application/json");
  }
  return http.send(req);
}

TEST(ServerMethods, AKnownPathAskedWithAnotherMethodGets405WithAllow) {
  ServedFolder s;
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  for (const Case& c :
       {Case{"DELETE", "/api/models", "GET, HEAD"}, Case{"POST", "/api/models", "GET, HEAD"}, Case{"GET", "/api/run", "POST"},
        Case{"HEAD", "/api/run", "POST"}, Case{"PUT", "/api/whatif", "POST"}, Case{"PATCH", "/api/validate", "POST"},
        Case{"DELETE", "/api/scenarios/us-russia.yaml", "GET, HEAD, PUT"}, Case{"POST", "/api/jobs/7", "GET, HEAD, DELETE"},
        Case{"PUT", "/api/runs/1/export", "GET, HEAD"}, Case{"DELETE", "/api/skill", "GET, HEAD"}, Case{"POST", "/", "GET, HEAD"}}) {
    const auto r = send_method(*s.http, c.method, c.path);
    ASSERT_TRUE(r) << c.method << " " << c.path;
    EXPECT_EQ(r->status, 405) << c.method << " " << c.path;
    EXPECT_EQ(r->get_header_value("Allow"), c.allow) << c.method << " " << c.path;
    EXPECT_FALSE(r->get_header_value("Content-Security-Policy").empty()) << c.method << " " << c.path;
    if (std::string(c.method) == "HEAD") continue;  // no body
    EXPECT_EQ(error_field(r->body, "status"), "405") << r->body;
    EXPECT_EQ(error_field(r->body, "message"),
              std::string("method ") + c.method + " is not allowed on " + c.path + "; it accepts " + c.allow)
        << r->body;
  }
}

TEST(ServerMethods, APathNoRouteTakesStays404) {
  ServedFolder s;
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{{"GET", "/api/nothing"},
                                                                                     {"DELETE", "/api/nothing"},
                                                                                     {"POST", "/api/nothing"},
                                                                                     {"GET", "/api"},
                                                                                     {"POST", "/api"},
                                                                                     {"GET", "/api/"},
                                                                                     {"DELETE", "/api/jobs/x"},
                                                                                     {"GET", "/api/runs/1/other"}}) {
    const auto r = send_method(*s.http, method, path);
    ASSERT_TRUE(r) << method << " " << path;
    EXPECT_EQ(r->status, 404) << method << " " << path;
    EXPECT_FALSE(r->has_header("Allow")) << method << " " << path;
    EXPECT_EQ(error_field(r->body, "message"), "no such endpoint: " + method + " " + path) << r->body;
  }
  // The methods a path takes still answer as before.
  EXPECT_EQ(s.http->Get("/api/models")->status, 200);
  EXPECT_EQ(s.http->Get("/")->status, 200);
}

TEST(ServerMethods, TheRouterListsTheMethodsOfEveryRouteMatchingAPath) {
  server::Router router;
  const auto ignore = [](const httplib::Request&, httplib::Response&) {};
  router.Get("/things", ignore);
  router.Post("/things", ignore);
  router.Get("/things/([0-9]+)", ignore);
  router.Put("/things/([0-9]+)", ignore);
  router.Delete("/things/([0-9]+)", ignore);
  router.Post("/things/([0-9]+)", ignore);
  router.Get("/things/(.+)", ignore);
  EXPECT_EQ(router.allowed_methods("/things"), "GET, HEAD, POST");
  EXPECT_EQ(router.allowed_methods("/things/4"), "GET, HEAD, PUT, DELETE, POST");
  EXPECT_EQ(router.allowed_methods("/things/x"), "GET, HEAD");
  EXPECT_EQ(router.allowed_methods("/thing"), "");
  EXPECT_EQ(router.allowed_methods("/things/"), "");
}

}  // namespace
}  // namespace parley::server_testing
