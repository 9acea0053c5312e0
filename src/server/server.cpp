// parley::Server (parley/server.hpp): options checked, the HTTP server set up with the safety
// rules and every group of routes, bound, run and stopped.
#include "parley/server.hpp"

#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "parley/error.hpp"
#include "server/api.hpp"
#include "server/safety.hpp"
#include "server/state.hpp"

namespace parley {

namespace fs = std::filesystem;

bool is_loopback_host(const std::string& host) { return host == "localhost" || host == "::1" || host.starts_with("127."); }

namespace {

/// ROOT as a canonical folder, and the file in it to open first when ROOT is a file.
void set_root(Server::State& state) {
  std::error_code ec;
  const fs::path given = state.options.root.empty() ? fs::path(".") : fs::path(state.options.root);
  const fs::path real = fs::canonical(given, ec);
  if (ec) throw InputError({}, "DIR", "'" + state.options.root + "': " + ec.message(), "a folder of scenarios, or a scenario file");
  if (fs::is_directory(real, ec)) {
    state.root = real;
  } else if (fs::is_regular_file(real, ec)) {
    state.root = real.parent_path();
    state.open = real.filename().string();
  } else {
    throw InputError({}, "DIR", "'" + state.options.root + "' is neither a folder nor a regular file",
                     "a folder of scenarios, or a scenario file");
  }
}

/// Only SO_REUSEADDR: httplib's default adds SO_REUSEPORT, with which a second server could bind
/// a port that is taken.
void socket_options(int sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

void set_up(Server::State& state) {
  auto& http = state.http;
  const unsigned threads = std::max(4u, state.options.request_threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_socket_options(socket_options);
  // Without TCP_NODELAY an answer's body waits behind its headers for the client's delayed ACK
  // (Nagle): up to 40 ms on every what-if, a large part of the slider's 100 ms.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(30);
  server::add_safety(state);
  http.set_error_handler(httplib::Server::HandlerWithResponse([&state](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    // No route took the request: 405 where a route takes the path with another method.
    const std::string allowed = res.status == 404 ? state.http.allowed_methods(req.path) : std::string();
    if (!allowed.empty()) {
      res.set_header("Allow", allowed);
      server::send_error(res, 405, fmt::format("method {} is not allowed on {}; it accepts {}", req.method, req.path, allowed));
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string message = res.status == 413   ? "the request body is over the limit (--body-limit)"
                                : res.status == 404 ? "no such endpoint: " + req.method + " " + req.path
                                                    : fmt::format("HTTP status {}", res.status);
    server::send_error(res, res.status, message);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) { server::send_error(res, 500, "internal error"); });
  server::add_scenario_routes(state);
  server::add_analysis_routes(state);
  server::add_job_routes(state);
  server::add_run_routes(state);
  server::add_static_routes(state);
}

}  // namespace

Server::Server(ServerOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  ServerOptions& o = state_->options;
  if (o.host.empty()) throw InputError({}, "--host", "empty", "an address to bind, e.g. 127.0.0.1");
  if (o.port < 0 || o.port > 65535) throw InputError({}, "--port", fmt::format("got {}", o.port), "a port from 0 to 65535");
  if (o.token.empty() && !is_loopback_host(o.host)) o.token = server::generate_token();
  set_root(*state_);
  set_up(*state_);
}

Server::~Server() {
  stop();
  state_->jobs.cancel_all();
}

int Server::bind() {
  State& s = *state_;
  const std::string host = s.options.host == "localhost" ? "127.0.0.1" : s.options.host;
  if (s.options.port > 0 && s.http.bind_to_port(host, s.options.port)) {
    s.port = s.options.port;
  } else if (s.options.port == 0 || s.options.port_fallback) {
    s.port = s.http.bind_to_any_port(host);
    s.fell_back = s.options.port != 0;
    if (s.port <= 0) throw InputError({}, "--host", "cannot listen on '" + s.options.host + "'", "an address of this machine");
  } else {
    throw InputError({}, "--port",
                     fmt::format("cannot listen on {}:{} (taken, or not an address of this machine)", s.options.host, s.options.port),
                     "a free port, or --port 0 for any");
  }
  s.bound = true;
  return s.port;
}

void Server::run() {
  State& s = *state_;
  if (!s.bound) bind();
  s.in_run = true;
  if (!s.stopped) s.http.listen_after_bind();
  s.in_run = false;
  s.jobs.cancel_all();
}

void Server::stop() {
  State& s = *state_;
  s.stopped = true;
  s.jobs.cancel_all();
  // run() may be between its check of `stopped` and listening: wait until it listens.
  while (s.in_run && !s.http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.http.stop();
}

int Server::port() const { return state_->port; }
bool Server::fell_back() const { return state_->fell_back; }
const ServerOptions& Server::options() const { return state_->options; }

std::string Server::url() const {
  const std::string& h = state_->options.host;
  const std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  const std::string token = state_->options.token.empty() ? "" : "?token=" + state_->options.token;
  return fmt::format("http://{}:{}/{}", host, state_->port, token);
}

}  // namespace parley
