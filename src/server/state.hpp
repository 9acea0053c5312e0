// What the server's parts share: the options, the root folder, the HTTP server and the jobs; and
// how each part adds its routes (one file per group of endpoints, docs/web.md).
#pragma once

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "parley/server.hpp"
#include "server/jobs.hpp"
#include "server/router.hpp"

namespace parley {

struct Server::State {
  ServerOptions options;
  std::filesystem::path root;       // canonical folder served
  std::optional<std::string> open;  // the FILE given instead of a folder, relative to root
  server::Router http;              // httplib::Server, which knows the methods of each path
  server::Jobs jobs;
  int port = 0;
  bool fell_back = false;
  bool bound = false;
  std::atomic<bool> in_run{false}, stopped{false};  // Server::run and Server::stop

  std::filesystem::path database() const { return root / "parley.db"; }
};

namespace server {

using State = Server::State;

/// Before every route: the token, the Host header and the content type of a body (safety.cpp).
void add_safety(State& state);
/// GET /api/models, /api/scenarios, /api/scenarios/<path>, PUT /api/scenarios/<path>, POST /api/validate.
void add_scenario_routes(State& state);
/// POST /api/run, /api/whatif, /api/sensitivity, /api/feasibility, /api/compare, /api/report; GET /api/skill.
void add_analysis_routes(State& state);
/// POST /api/sweeps; GET, DELETE /api/jobs/<id>; GET /api/jobs/<id>/events.
void add_job_routes(State& state);
/// GET /api/runs, /api/runs/<n>, /api/runs/<n>/export.
void add_run_routes(State& state);
/// Every other GET: the front-end's files (web_assets.hpp).
void add_static_routes(State& state);

}  // namespace server
}  // namespace parley
