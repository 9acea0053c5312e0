// Reading a request's body and fields (src/server/request.hpp): every bad body is an InputError
// naming `body` (400), never another exception (500). Cases found by fuzz/fuzz_api_request.cpp.
#include "server/request.hpp"

#include <gtest/gtest.h>

#include <string>

#include "parley/error.hpp"
#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

/// The field of the InputError request_body throws for `text` ("" when it throws none).
std::string body_error_field(const std::string& text) {
  try {
    (void)server::request_body(text);
  } catch (const InputError& e) {
    return e.field();
  }
  return {};
}

TEST(ServerRequest, ANumberOutOfRangeIsMalformedJsonNotAnInternalError) {
  EXPECT_EQ(body_error_field("{\"draws\": 1e999}"), "body");
  EXPECT_EQ(body_error_field("55e555e5"), "body");  // the fuzzer's input, cut at its NUL
  EXPECT_EQ(body_error_field("{\"seed\": -1e400}"), "body");
  ServedFolder s;
  const auto r = s.post("/api/run", "{\"path\": \"us-russia.yaml\", \"rounds\": 1e999}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_EQ(error_field(r->body, "field"), "body") << r->body;
}

TEST(ServerRequest, MalformedDeepOrOtherBodiesNameTheBody) {
  EXPECT_EQ(body_error_field("{\"a\": "), "body");
  EXPECT_EQ(body_error_field("[1, 2]"), "body");
  EXPECT_EQ(body_error_field(std::string(65, '[') + std::string(65, ']')), "body");
  EXPECT_EQ(body_error_field("{\"a\": [[[1]]]}"), "");
}

}  // namespace
}  // namespace parley::server_testing
