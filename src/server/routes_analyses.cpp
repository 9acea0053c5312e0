// The analyses (docs/web.md): POST /api/run, /api/whatif, /api/sensitivity, /api/feasibility,
// /api/compare, /api/report and GET /api/skill, each answering the command line's document.
#include <sstream>

#include "core/parallel.hpp"
#include "parley/feasibility.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/report.hpp"
#include "parley/skill.hpp"
#include "server/api.hpp"
#include "server/safety.hpp"
#include "server/state.hpp"

namespace parley::server {

namespace {

using namespace parley::limits;

unsigned threads_of(const State& state, const Json& body) {
  return resolve_threads(static_cast<unsigned>(request_count(body, "threads", state.options.threads, 0, kMaxThreads)));
}

/// `parley run -f json`: the model's options with rounds and seed carried out by the model contract.
void run(const State& state, const Json& body, httplib::Response& res) {
  const Model& model = model_named(request_string(body, "model", "compromise"), "model");
  const RunRequest request = request_run(body);
  const ModelOptions options = apply_request(model, request_options(body, "options"), request);
  const RequestScenario r = request_scenario(state, body);
  const Forecast forecast = model.run(r.scenario, options);
  std::ostringstream out;
  write_forecast(out, r.scenario, forecast, OutputFormat::json);
  send(res, out.str());
}

/// Every model asked for (default: all) on one scenario: the slider's call.
void what_if(const State& state, const Json& body, httplib::Response& res) {
  const std::vector<const Model*> models = request_models(body, "models");
  const Json all_options = request_object(body, "options", "an object of options per model");
  const RequestScenario r = request_scenario(state, body);
  std::vector<WhatIfResult> results;
  for (const Model* m : models) {
    WhatIfResult result;
    result.model = std::string(m->name());
    try {
      const ModelOptions options = request_options(all_options, result.model.c_str());
      result.forecast = m->run(r.scenario, options);
    } catch (const InputError& e) {
      result.error = e;
    }
    results.push_back(std::move(result));
  }
  std::ostringstream out;
  write_what_if(out, r.scenario, results, shipped_skill());
  send(res, out.str());
}

void sensitivity(const State& state, const Json& body, httplib::Response& res) {
  const std::uint64_t seed = request_count(body, "seed", 1, 0, kMaxSeed);
  const std::size_t samples = request_count(body, "samples", 512, 2, kMaxSamples);
  const std::size_t top = request_count(body, "top", 10, 0, kMaxTop);
  const std::string method = request_string(body, "method", "both");
  const Model& model = model_named(request_string(body, "model", "compromise"), "model");
  const ModelOptions options = request_options(body, "options");
  const unsigned threads = threads_of(state, body);
  RequestScenario r = request_scenario(state, body);
  const SweepSetup setup(std::move(r.scenario), model, options, {seed, 0.0});
  const SensitivityResults results = analyse_sensitivity(setup, r.name, method, samples, seed, threads);
  std::ostringstream out;
  write_sensitivity(out, results, OutputFormat::json, top);
  send(res, out.str());
}

/// `packages`: absent or null, the scenario's declared linkages; a list of lists of issue ids, each
/// checked as --package checks it; `[]`, none (`--package none`).
PackageChoice request_packages(const Scenario& s, const Json& body) {
  PackageChoice out;
  if (!body.contains("packages") || body["packages"].is_null()) return out;
  const Json& v = body["packages"];
  const char* expected = "a list of packages, each a list of two or more issue ids, e.g. [[\"a\", \"b\"]]";
  if (!v.is_array()) throw InputError({}, "packages", "got " + v.dump(), expected);
  out.kind = v.empty() ? PackageChoice::Kind::none : PackageChoice::Kind::given;
  for (std::size_t q = 0; q < v.size(); ++q) {
    const std::string field = "packages[" + std::to_string(q) + "]";
    if (!v[q].is_array()) throw InputError({}, field, "got " + v[q].dump(), expected);
    std::vector<std::string> ids;
    for (const Json& id : v[q]) {
      if (!id.is_string()) throw InputError({}, field, "got " + id.dump() + " in the list", "issue ids (strings)");
      ids.push_back(id.get<std::string>());
    }
    out.given.push_back(package_issues(s, ids, field));
  }
  return out;
}

void feasibility(const State& state, const Json& body, httplib::Response& res) {
  const std::uint64_t seed = request_count(body, "seed", 1, 0, kMaxSeed);
  const std::uint64_t draws = request_count(body, "draws", 2000, 1, kMaxCountedDraws);
  const double correlation = request_number(body, "correlation", 0);
  const unsigned threads = threads_of(state, body);
  const RequestScenario r = request_scenario(state, body);
  const PackageChoice packages = request_packages(r.scenario, body);
  const FeasibilityAnalysis analysis = analyse_feasibility(r.scenario, packages, draws, {seed, correlation}, threads);
  std::ostringstream out;
  write_feasibility(out, r.scenario, analysis.point, analysis.odds, analysis.deals, seed, OutputFormat::json);
  send(res, out.str());
}

void compare(const State& state, const Json& body, httplib::Response& res) {
  const std::uint64_t seed = request_count(body, "seed", 1, 0, kMaxSeed);
  const std::uint64_t draws = request_count(body, "draws", 1000, 1, kMaxMemoryDraws);
  const double correlation = request_number(body, "correlation", 0);
  const std::string model_name = request_string(body, "model", "compromise");
  const Model& model = model_named(model_name, "model");
  const ModelOptions options = request_options(body, "options");
  SweepControl control;
  control.threads = threads_of(state, body);
  const auto side = [&](const char* key, const char* name) {
    if (!body.contains(key) || !body[key].is_object()) throw InputError({}, key, "missing", "an object with 'scenario' or 'path'");
    RequestScenario r = request_scenario(state, body[key], name);
    return compare_side(r.name, std::move(r.scenario), model, options, {seed, correlation}, draws, control);
  };
  const Comparison comparison{side("a", "A"), side("b", "B"), model_name, draws, seed};
  std::ostringstream out;
  write_comparison(out, comparison, OutputFormat::json);
  send(res, out.str());
}

void report(const State& state, const Json& body, httplib::Response& res) {
  ReportOptions o;
  for (const std::string& name : request_strings(body, "models")) o.models.push_back(&model_named(name, "models"));
  const std::string lead = request_string(body, "lead", "");
  if (!lead.empty()) o.lead = &model_named(lead, "lead");
  o.draws = request_count(body, "draws", 1000, 1, kMaxMemoryDraws);
  o.seed = request_count(body, "seed", 1, 0, kMaxSeed);
  o.threads = threads_of(state, body);
  const RequestScenario r = request_scenario(state, body);
  o.scenario_file = r.name;
  const Report built = build_report(r.scenario, o);
  send(res, built.html, "text/html; charset=utf-8");
  res.headers.erase("Content-Security-Policy");
  res.set_header("Content-Security-Policy", kReportSecurityPolicy);
  res.set_header("Content-Disposition", "attachment; filename=\"report.html\"");
}

void skill(const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv") throw InputError({}, "format", "got '" + format + "'", "json or csv");
  std::ostringstream out;
  write_skill(out, shipped_skill(), format == "csv" ? OutputFormat::csv : OutputFormat::json);
  send(res, out.str(), format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
}

using Analysis = void (*)(const State&, const Json&, httplib::Response&);

void post(State& state, const char* path, Analysis analysis) {
  state.http.Post(path, [&state, analysis](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { analysis(state, request_body(req), res); });
  });
}

}  // namespace

void add_analysis_routes(State& state) {
  post(state, "/api/run", run);
  post(state, "/api/whatif", what_if);
  post(state, "/api/sensitivity", sensitivity);
  post(state, "/api/feasibility", feasibility);
  post(state, "/api/compare", compare);
  post(state, "/api/report", report);
  state.http.Get("/api/skill", [](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { skill(req, res); }); });
}

}  // namespace parley::server
