// The API's requests and answers: reading a request's JSON body and its fields (a scenario, counts,
// model options), sending documents, and turning every exception into the error document of
// docs/web.md ({"error": {"status", "message", "file", "line", "column", "field", ...}}).
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/model.hpp"
#include "parley/scenario.hpp"
#include "server/state.hpp"

namespace parley::server {

using Json = nlohmann::json;

/// An answer other than 200 that is no InputError (403, 404, 409, 415): its status, message and
/// the request field it concerns (may be empty).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, std::string field = {})
      : std::runtime_error(message), status_(status), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }

 private:
  int status_;
  std::string field_;
};

/// Runs `handler` and answers its exceptions: InputError 400 (its field named as the request
/// names it: "--set" is "set", "--option q" is "options.q"), HttpError its status, ResourceError
/// and std::bad_alloc 503, OutputError and anything else 500. Never throws.
void answer(httplib::Response& res, const std::function<void()>& handler);

/// Sends `text` (a writer's document) as JSON, or with another content type.
void send(httplib::Response& res, std::string text, const char* content_type = "application/json; charset=utf-8", int status = 200);
/// Sends the error document for `status`.
void send_error(httplib::Response& res, int status, const std::string& message, const std::string& field = {});

/// The request's body: one JSON object. Throws InputError (field "body") for malformed JSON, with
/// the byte where it broke, or for any other JSON value.
Json request_body(const httplib::Request& req);

/// A scenario as the request gives it: `scenario` (a parley JSON document) or `path` (a file in
/// the root), with the `set` overrides applied and validated.
struct RequestScenario {
  Scenario scenario;
  std::string name;    // as named to the user: the path, or `fallback_name` for one sent inline
  std::string text;    // the text read (the file's bytes, or the inline document as JSON)
  std::string format;  // "yaml", "json", ... as given to the reader ("auto" for a file)
};
RequestScenario request_scenario(const State& state, const Json& body, const std::string& fallback_name = "scenario");

/// `body[field]` as a whole number in [min, max], or `fallback` when absent. InputError naming the
/// field otherwise.
std::uint64_t request_count(const Json& body, const char* field, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
std::string request_string(const Json& body, const char* field, const std::string& fallback);
double request_number(const Json& body, const char* field, double fallback);
std::vector<std::string> request_strings(const Json& body, const char* field);
/// An object of NAME: VALUE (text, number or boolean) as the model options `--option NAME=VALUE` give.
ModelOptions request_options(const Json& body, const char* field);

}  // namespace parley::server
