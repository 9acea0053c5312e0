// Reading an API request (request.hpp).
#include "server/request.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/limits.hpp"
#include "parley/what_if.hpp"
#include "server/paths.hpp"

namespace parley::server {

namespace {

/// The deepest nesting of arrays and objects in `text` (outside strings).
std::size_t nesting_depth(const std::string& text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

Json request_body(const std::string& text) {
  if (nesting_depth(text) > kMaxBodyDepth)
    throw InputError({"body", 0, 0}, "body", fmt::format("nested more than {} deep", kMaxBodyDepth),
                     "one JSON object as docs/web.md describes");
  Json body;
  try {
    body = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw InputError({"body", 0, 0}, "body", fmt::format("malformed JSON at byte {}", e.byte), "one JSON object");
  } catch (const Json::exception&) {  // out_of_range: a number beyond a double's range (1e999)
    throw InputError({"body", 0, 0}, "body", "malformed JSON: a number out of range", "one JSON object");
  }
  if (!body.is_object()) throw InputError({"body", 0, 0}, "body", "not a JSON object", "one JSON object");
  return body;
}

RequestScenario request_scenario(const std::filesystem::path& root, const Json& body, const std::string& fallback_name) {
  RequestScenario r;
  const bool inline_scenario = body.contains("scenario"), from_path = body.contains("path");
  if (inline_scenario == from_path)
    throw InputError({}, inline_scenario ? "path" : "scenario", inline_scenario ? "given with 'scenario'" : "missing",
                     "either 'scenario' (a parley JSON document) or 'path' (a file in the served folder)");
  if (inline_scenario) {
    if (!body["scenario"].is_object()) throw InputError({}, "scenario", "not a JSON object", "a parley scenario document");
    r.name = fallback_name;
    r.text = body["scenario"].dump(2) + "\n";
    r.format = "json";
    ReadOptions options;
    options.format = InputFormat::json;
    r.scenario = read_scenario_text(r.text, fallback_name, options);
  } else {
    r.name = request_string(body, "path", "");
    const auto file = confined_path(root, r.name, true);
    if (!is_scenario_name(r.name)) throw HttpError(403, "path '" + r.name + "': only .yaml, .yml and .json files are served", "path");
    r.text = read_input_file(file.string());
    r.format = "auto";
    r.scenario = read_scenario_text(r.text, r.name);
  }
  check_scenario_options(r.scenario);
  apply_overrides(r.scenario, request_strings(body, "set"));
  return r;
}

std::uint64_t request_count(const Json& body, const char* field, std::uint64_t fallback, std::uint64_t min, std::uint64_t max) {
  if (!body.contains(field) || body[field].is_null()) return fallback;
  const Json& v = body[field];
  const std::string expected = fmt::format("a whole number from {} to {}", min, max);
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
    throw InputError({}, field, "got " + v.dump(), expected);
  const std::uint64_t n = v.get<std::uint64_t>();
  if (n < min || n > max) throw InputError({}, field, fmt::format("got {}, outside the accepted range", n), expected);
  return n;
}

std::string request_string(const Json& body, const char* field, const std::string& fallback) {
  if (!body.contains(field) || body[field].is_null()) return fallback;
  if (!body[field].is_string()) throw InputError({}, field, "got " + body[field].dump(), "a string");
  return body[field].get<std::string>();
}

double request_number(const Json& body, const char* field, double fallback) {
  if (!body.contains(field) || body[field].is_null()) return fallback;
  if (!body[field].is_number()) throw InputError({}, field, "got " + body[field].dump(), "a number");
  return body[field].get<double>();
}

std::vector<std::string> request_strings(const Json& body, const char* field) {
  std::vector<std::string> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  const Json& v = body[field];
  if (!v.is_array()) throw InputError({}, field, "got " + v.dump(), "a list of strings");
  for (const Json& item : v) {
    if (!item.is_string()) throw InputError({}, field, "got " + item.dump() + " in the list", "a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

ModelOptions request_options(const Json& body, const char* field) {
  ModelOptions out;
  if (!body.contains(field) || body[field].is_null()) return out;
  const Json& v = body[field];
  if (!v.is_object()) throw InputError({}, field, "got " + v.dump(), "an object of option names and values");
  for (const auto& [name, value] : v.items()) {
    if (value.is_string())
      out[name] = value.get<std::string>();
    else if (value.is_number() || value.is_boolean())
      out[name] = value.dump();
    else
      throw InputError({}, std::string(field) + "." + name, "got " + value.dump(), "a string, number or boolean");
  }
  return out;
}

RunRequest request_run(const Json& body) {
  RunRequest request;
  if (body.contains("rounds") && !body["rounds"].is_null())
    request.rounds = static_cast<int>(request_count(body, "rounds", 0, 0, static_cast<std::uint64_t>(kMaxRounds)));
  if (body.contains("seed") && !body["seed"].is_null())
    request.seed =
        body["seed"].is_string() ? body["seed"].get<std::string>() : std::to_string(request_count(body, "seed", 0, 0, limits::kMaxSeed));
  return request;
}

std::vector<const Model*> request_models(const Json& body, const char* field) {
  if (!body.contains(field)) return all_models();
  std::vector<const Model*> models;
  for (const std::string& name : request_strings(body, field)) models.push_back(&model_named(name, field));
  return models;
}

Json request_object(const Json& body, const char* field, const char* expected) {
  if (!body.contains(field)) return Json::object();
  const Json& v = body[field];
  if (!v.is_object()) throw InputError({}, field, "got " + v.dump(), expected);
  return v;
}

}  // namespace parley::server
