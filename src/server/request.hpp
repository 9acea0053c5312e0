// Reading an API request (docs/web.md): its JSON body and its fields (a scenario, counts, strings,
// model names and options). Independent of the HTTP server (no httplib): the routes read every
// request through these, and the fuzzer (fuzz/fuzz_api_request.cpp) builds this file alone.
// Errors: InputError naming the request field (with the CLI's message), or HttpError (paths).
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"
#include "parley/scenario.hpp"
#include "server/http_error.hpp"

namespace parley::server {

using Json = nlohmann::json;

/// The deepest body nesting (arrays and objects) accepted: deeper than any scenario.
inline constexpr std::size_t kMaxBodyDepth = 64;

/// A request's body: one JSON object. Throws InputError (field "body") for malformed JSON, with
/// the byte where it broke, or a number out of range, for nesting deeper than kMaxBodyDepth (refused before parsing, so that
/// no recursion over it can exhaust the stack), or for any other JSON value.
Json request_body(const std::string& text);

/// A scenario as the request gives it: `scenario` (a parley JSON document) or `path` (a file in
/// `root`, canonical, confined_path), with the `set` overrides applied and validated.
struct RequestScenario {
  Scenario scenario;
  std::string name;    // as named to the user: the path, or `fallback_name` for one sent inline
  std::string text;    // the text read (the file's bytes, or the inline document as JSON)
  std::string format;  // "yaml", "json", ... as given to the reader ("auto" for a file)
};
RequestScenario request_scenario(const std::filesystem::path& root, const Json& body, const std::string& fallback_name = "scenario");

/// `body[field]` as a whole number in [min, max], or `fallback` when absent. InputError naming the
/// field otherwise.
std::uint64_t request_count(const Json& body, const char* field, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
std::string request_string(const Json& body, const char* field, const std::string& fallback);
double request_number(const Json& body, const char* field, double fallback);
std::vector<std::string> request_strings(const Json& body, const char* field);
/// An object of NAME: VALUE (text, number or boolean) as the model options `--option NAME=VALUE` give.
ModelOptions request_options(const Json& body, const char* field);

/// /api/run's `rounds` (0 to kMaxRounds) and `seed` (a whole number, or a text as the model reads
/// it): the run request the model contract carries out (apply_request).
RunRequest request_run(const Json& body);

/// The models `body[field]` names (a list; InputError naming the field for an unknown one), or
/// every model when the field is absent: /api/whatif's `models`.
std::vector<const Model*> request_models(const Json& body, const char* field);
/// `body[field]`: an object (empty when absent), e.g. /api/whatif's options per model. InputError
/// naming the field, expecting `expected`, for any other value.
Json request_object(const Json& body, const char* field, const char* expected);

}  // namespace parley::server
