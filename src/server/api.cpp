// Requests and answers of the API (api.hpp).
#include "server/api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <new>

#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/output.hpp"
#include "parley/what_if.hpp"
#include "server/safety.hpp"

namespace parley::server {

namespace {

/// The request's name for a field the library names as the command line does.
std::string request_field(const std::string& field, const std::string& file) {
  if (file == "scenario" || file == "A" || file == "B") return field.empty() ? "scenario" : "scenario." + field;
  if (field.starts_with("--option ")) return "options." + field.substr(9);
  if (field == "FILE") return "path";
  if (field.starts_with("--set")) return "set";
  if (field.starts_with("--")) return field.substr(2);
  return field;
}

/// The deepest nesting of arrays and objects in `text` (outside strings): a body nested deeper than
/// any scenario is refused before it is parsed, so that no recursion over it can exhaust the stack.
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

constexpr std::size_t kMaxBodyDepth = 64;

}  // namespace

void send(httplib::Response& res, std::string text, const char* content_type, int status) {
  res.status = status;
  res.set_content(std::move(text), content_type);
}

void send_error(httplib::Response& res, int status, const std::string& message, const std::string& field) {
  nlohmann::ordered_json e;
  e["status"] = status;
  e["message"] = message;
  if (!field.empty()) e["field"] = field;
  send(res, nlohmann::ordered_json{{"error", e}}.dump() + "\n", "application/json; charset=utf-8", status);
}

void answer(httplib::Response& res, const std::function<void()>& handler) {
  try {
    handler();
  } catch (const InputError& e) {
    const std::string field = request_field(e.field(), e.where().file);
    const bool renamed = !e.field().empty() && field != e.field();
    const std::string text =
        renamed ? input_error_json(InputError(e.where(), field, e.problem(), e.expected()), 400) : input_error_json(e, 400);
    send(res, "{\"error\": " + text + "}\n", "application/json; charset=utf-8", 400);
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.what(), e.field());
  } catch (const ResourceError& e) {
    send_error(res, 503, e.what());
  } catch (const std::bad_alloc&) {
    send_error(res, 503, "error: not enough memory");
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("internal error: ") + e.what());
  } catch (...) {
    send_error(res, 500, "internal error: an exception that is not a std::exception");
  }
}

Json request_body(const httplib::Request& req) {
  if (nesting_depth(req.body) > kMaxBodyDepth)
    throw InputError({"body", 0, 0}, "body", fmt::format("nested more than {} deep", kMaxBodyDepth),
                     "one JSON object as docs/web.md describes");
  Json body;
  try {
    body = Json::parse(req.body);
  } catch (const Json::parse_error& e) {
    throw InputError({"body", 0, 0}, "body", fmt::format("malformed JSON at byte {}", e.byte), "one JSON object");
  }
  if (!body.is_object()) throw InputError({"body", 0, 0}, "body", "not a JSON object", "one JSON object");
  return body;
}

RequestScenario request_scenario(const State& state, const Json& body, const std::string& fallback_name) {
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
    const auto file = confined_path(state.root, r.name, true);
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

}  // namespace parley::server
