// The scenarios of the served folder and the models (docs/web.md): GET /api/models, GET
// /api/scenarios, GET and PUT /api/scenarios/<path>, POST /api/validate.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parley/io.hpp"
#include "parley/output.hpp"
#include "server/api.hpp"
#include "server/safety.hpp"
#include "server/state.hpp"

namespace parley::server {

namespace fs = std::filesystem;

namespace {

std::string format_of(const std::string& name) { return name.ends_with(".json") ? "json" : "yaml"; }

/// Every scenario file under the root, at most 8 folders deep, never through a symlink that leads
/// out of it; sorted by path.
nlohmann::ordered_json scenario_list(const State& state) {
  std::vector<std::string> names;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(state.root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() >= 8) it.disable_recursion_pending();
    const std::string name = fs::relative(it->path(), state.root, ec).generic_string();
    if (ec || !it->is_regular_file(ec) || !is_scenario_name(name)) continue;
    try {
      confined_path(state.root, name, true);  // a symlink out of the root is not listed
      names.push_back(name);
    } catch (const std::exception&) {
    }
  }
  std::sort(names.begin(), names.end());
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const std::string& name : names) {
    nlohmann::ordered_json item{{"path", name}, {"title", ""}, {"format", format_of(name)}};
    try {
      item["title"] = read_scenario_file((state.root / name).string()).metadata.title;
    } catch (const std::exception& e) {
      item["error"] = e.what();
    }
    list.push_back(std::move(item));
  }
  return list;
}

void list_scenarios(const State& state, httplib::Response& res) {
  nlohmann::ordered_json j;
  j["open"] = state.open ? nlohmann::ordered_json(*state.open) : nlohmann::ordered_json(nullptr);
  j["scenarios"] = scenario_list(state);
  send(res, j.dump(2) + "\n");
}

void load_scenario(const State& state, const std::string& path, httplib::Response& res) {
  const fs::path file = confined_path(state.root, path, true);
  if (!is_scenario_name(path)) throw HttpError(403, "path '" + path + "': only .yaml, .yml and .json files are served", "path");
  const std::string text = read_input_file(file.string());
  const Scenario s = read_scenario_text(text, path);
  // The scenario as parley's own JSON, spliced in as the writer wrote it.
  nlohmann::ordered_json head{{"path", path}, {"format", format_of(path)}, {"text", text}};
  std::string doc = head.dump();
  doc.pop_back();
  send(res, doc + ",\"scenario\":" + scenario_to_json(s, -1) + "}\n");
}

void save_scenario(const State& state, const std::string& path, const httplib::Request& req, httplib::Response& res) {
  const Json body = request_body(req);
  if (!is_scenario_name(path)) throw HttpError(403, "path '" + path + "': a scenario is saved as .yaml, .yml or .json", "path");
  const std::string format = request_string(body, "format", format_of(path));
  if (format != "yaml" && format != "json") throw InputError({}, "format", "got '" + format + "'", "yaml or json");
  if (!body.contains("scenario")) throw InputError({}, "scenario", "missing", "the scenario to save, as a parley JSON document");
  const RequestScenario r = request_scenario(state, Json{{"scenario", body["scenario"]}});
  const fs::path file = confined_path(state.root, path, false);
  const std::string text = format == "yaml" ? scenario_to_yaml(r.scenario) : scenario_to_json(r.scenario);
  write_file_atomically(file.string(), text);
  send(res, nlohmann::ordered_json{{"path", path}, {"format", format}, {"bytes", text.size()}}.dump() + "\n");
}

void validate_scenario(const State& state, const httplib::Request& req, httplib::Response& res) {
  const RequestScenario r = request_scenario(state, request_body(req));
  std::ostringstream out;
  write_scenario_check(out, r.name, r.scenario, OutputFormat::json);
  send(res, out.str());
}

}  // namespace

void add_scenario_routes(State& state) {
  auto& http = state.http;
  http.Get("/api/models", [](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] {
      std::ostringstream out;
      write_model_list(out, all_models(), OutputFormat::json);
      send(res, out.str());
    });
  });
  http.Get("/api/scenarios",
           [&state](const httplib::Request&, httplib::Response& res) { answer(res, [&] { list_scenarios(state, res); }); });
  http.Get("/api/scenarios/(.+)", [&state](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { load_scenario(state, req.matches[1].str(), res); });
  });
  http.Put("/api/scenarios/(.+)", [&state](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { save_scenario(state, req.matches[1].str(), req, res); });
  });
  http.Post("/api/validate",
            [&state](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { validate_scenario(state, req, res); }); });
}

}  // namespace parley::server
