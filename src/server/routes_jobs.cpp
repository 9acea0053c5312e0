// Sweeps as jobs and the results database (docs/web.md): POST /api/sweeps; GET /api/jobs,
// /api/jobs/<id>, /api/jobs/<id>/events (Server-Sent Events); DELETE /api/jobs/<id>; GET
// /api/runs, /api/runs/<n>, /api/runs/<n>/export.
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/parallel.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/stored_run.hpp"
#include "parley/stored_sweep.hpp"
#include "server/api.hpp"
#include "server/state.hpp"

namespace parley::server {

namespace {

using namespace parley::limits;

/// A new run in ROOT/parley.db, made as `parley sweep` makes it, and its job started.
void start_sweep(State& state, const Json& body, httplib::Response& res) {
  const Model& model = model_named(request_string(body, "model", "compromise"), "model");
  const ModelOptions options = request_options(body, "options");
  SweepOrigin origin;
  origin.seed = request_count(body, "seed", 1, 0, kMaxSeed);
  origin.draws = request_count(body, "draws", 1000, 1, kMaxStoredDraws);
  origin.correlation = request_number(body, "correlation", 0);
  origin.threads = resolve_threads(static_cast<unsigned>(request_count(body, "threads", state.options.threads, 0, kMaxThreads)));
  origin.overrides = request_strings(body, "set");
  RequestScenario r = request_scenario(state, body);
  origin.scenario_file = r.name;
  origin.scenario_text = std::move(r.text);
  origin.input_format = r.format;
  auto setup = std::make_unique<SweepSetup>(std::move(r.scenario), model, options, SamplingOptions{origin.seed, origin.correlation});
  auto db = std::make_unique<ResultsDb>(state.database().string());
  const std::int64_t run = db->create_run(new_sweep_record(*setup, origin), *setup);
  const auto job = state.jobs.start_sweep(std::move(db), run, std::move(setup), origin.draws, origin.threads);
  send(res, nlohmann::ordered_json{{"job", job->snapshot().id}, {"run", run}}.dump() + "\n", "application/json; charset=utf-8", 202);
}

std::shared_ptr<Job> job_of(const State& state, const httplib::Request& req) {
  const std::string text = req.matches[1].str();
  std::shared_ptr<Job> job = text.size() < 18 ? state.jobs.find(std::stoll(text)) : nullptr;
  if (!job) throw HttpError(404, "no job " + text, "job");
  return job;
}

/// Progress events at most every 100 ms while the job runs, then `end`; the stream closes.
void stream_events(const std::shared_ptr<Job>& job, httplib::Response& res) {
  auto seen = std::make_shared<Job::Snapshot>();
  seen->status = "";
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider("text/event-stream", [job, seen](std::size_t, httplib::DataSink& sink) {
    const Job::Snapshot now = seen->status.empty() ? job->snapshot() : job->wait_change(*seen, 100);
    const bool ended = now.status != "running";
    if (seen->status.empty() || now.done != seen->done || ended) {
      const std::string event = std::string("event: ") + (ended ? "end" : "progress") + "\ndata: " + Job::json(now) + "\n\n";
      if (!sink.write(event.data(), event.size())) return false;
    }
    *seen = now;
    if (ended) sink.done();
    return true;
  });
}

std::int64_t run_id(const httplib::Request& req) {
  const std::string text = req.matches[1].str();
  if (text.size() > 18) throw HttpError(404, "no run " + text, "run");
  return std::stoll(text);
}

/// The database, which must hold run `id`: 404 when no sweep has made it (or the run) yet.
std::unique_ptr<ResultsDb> database_with(const State& state, std::int64_t id) {
  std::error_code ec;
  if (!std::filesystem::exists(state.database(), ec)) throw HttpError(404, "no results database yet: start a sweep first", "run");
  auto db = std::make_unique<ResultsDb>(state.database().string());
  for (const RunRecord& r : db->runs())
    if (r.id == id) return db;
  throw HttpError(404, "no run " + std::to_string(id) + " in the results database", "run");
}

void show_run(const State& state, const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv") throw InputError({}, "format", "got '" + format + "'", "json or csv");
  const std::int64_t id = run_id(req);
  const auto db = database_with(state, id);
  require_sweep_run(db->run(id), "parley.db");
  const StoredRun run = load_stored_run(*db, id, false);
  std::ostringstream out;
  write_stored_run(out, run, "parley.db", format == "csv" ? OutputFormat::csv : OutputFormat::json);
  send(res, out.str(), format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
}

void export_run(const State& state, const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "csv";
  const std::string name = req.has_param("table") ? req.get_param_value("table") : "outcomes";
  if (format != "json" && format != "csv") throw InputError({}, "format", "got '" + format + "'", "csv or json");
  const std::optional<ExportTable> table = export_table_from_string(name);
  if (!table || (*table == ExportTable::all && format == "csv"))
    throw InputError({}, "table", "got '" + name + "'", "outcomes, inputs, classes or summary (or all, with format=json)");
  const std::int64_t id = run_id(req);
  const auto db = database_with(state, id);
  if (*table == ExportTable::summary || *table == ExportTable::all) require_sweep_run(db->run(id), "parley.db");
  const StoredRun run = load_stored_run(*db, id, *table == ExportTable::all || *table == ExportTable::inputs);
  std::ostringstream out;
  write_export(out, run, *table, format == "csv" ? OutputFormat::csv : OutputFormat::json, "parley.db");
  send(res, out.str(), format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
}

void list_runs(const State& state, httplib::Response& res) {
  std::error_code ec;
  std::vector<RunRecord> runs;
  if (std::filesystem::exists(state.database(), ec)) runs = ResultsDb(state.database().string()).runs();
  std::ostringstream out;
  write_run_list(out, runs, "parley.db", OutputFormat::json);
  send(res, out.str());
}

}  // namespace

void add_job_routes(State& state) {
  auto& http = state.http;
  http.Post("/api/sweeps", [&state](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { start_sweep(state, request_body(req), res); });
  });
  http.Get("/api/jobs", [&state](const httplib::Request&, httplib::Response& res) {
    answer(res, [&] {
      std::string list;
      for (const auto& job : state.jobs.list()) list += (list.empty() ? "" : ", ") + Job::json(job->snapshot());
      send(res, "{\"jobs\": [" + list + "]}\n");
    });
  });
  http.Get("/api/jobs/([0-9]+)", [&state](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] { send(res, Job::json(job_of(state, req)->snapshot()) + "\n"); });
  });
  http.Get("/api/jobs/([0-9]+)/events",
           [&state](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { stream_events(job_of(state, req), res); }); });
  http.Delete("/api/jobs/([0-9]+)", [&state](const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      const auto job = job_of(state, req);
      job->cancel();
      send(res, Job::json(job->snapshot()) + "\n");
    });
  });
}

void add_run_routes(State& state) {
  auto& http = state.http;
  http.Get("/api/runs", [&state](const httplib::Request&, httplib::Response& res) { answer(res, [&] { list_runs(state, res); }); });
  http.Get("/api/runs/([0-9]+)",
           [&state](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { show_run(state, req, res); }); });
  http.Get("/api/runs/([0-9]+)/export",
           [&state](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { export_run(state, req, res); }); });
}

}  // namespace parley::server
