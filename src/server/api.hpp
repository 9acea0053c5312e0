// The API's answers: sending documents, and turning every exception into the error document of
// docs/web.md ({"error": {"status", "message", "file", "line", "column", "field", ...}}). Reading
// requests is request.hpp's (independent of httplib); the two overloads here take httplib's request
// and the server's state.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "server/http_error.hpp"
#include "server/request.hpp"
#include "server/state.hpp"

namespace parley::server {

/// Runs `handler` and answers its exceptions: InputError 400 (its field named as the request
/// names it: "--set" is "set", "--option q" is "options.q"), HttpError its status, ResourceError
/// and std::bad_alloc 503, OutputError and anything else 500. Never throws.
void answer(httplib::Response& res, const std::function<void()>& handler);

/// Sends `text` (a writer's document) as JSON, or with another content type.
void send(httplib::Response& res, std::string text, const char* content_type = "application/json; charset=utf-8", int status = 200);
/// Sends the error document for `status`.
void send_error(httplib::Response& res, int status, const std::string& message, const std::string& field = {});

/// The request's body (request.hpp's request_body).
inline Json request_body(const httplib::Request& req) { return request_body(req.body); }
/// The request's scenario (request.hpp's request_scenario), a path naming a file in the root.
inline RequestScenario request_scenario(const State& state, const Json& body, const std::string& fallback_name = "scenario") {
  return request_scenario(state.root, body, fallback_name);
}

}  // namespace parley::server
