// What the server's tests share: a temporary folder with the shipped scenarios, a server started
// in-process on 127.0.0.1 on a free port (stopped when the test ends), a client, and the command
// line's output for the same request.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parley/cli.hpp"
#include "parley/io.hpp"
#include "parley/server.hpp"

namespace parley::server_testing {

namespace fs = std::filesystem;

/// A fresh folder under the system's temporary folder holding scenarios/ of the source tree;
/// removed with everything in it at the end.
class ScenarioFolder {
 public:
  ScenarioFolder() {
    static int count = 0;
    path_ = fs::temp_directory_path() / ("parley-server-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    fs::remove_all(path_);
    fs::create_directories(path_);
    fs::copy(fs::path(PARLEY_SOURCE_DIR) / "scenarios", path_, fs::copy_options::recursive);
  }
  ~ScenarioFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

/// A server on 127.0.0.1, any free port, answering from its own thread until destroyed.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) : server_(tuned(std::move(options))) {
    server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  Server& server() { return server_; }
  int port() const { return server_.port(); }
  /// A client of this server (5 s timeouts), with `token` as a bearer token when not empty.
  std::unique_ptr<httplib::Client> client(const std::string& token = {}) const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    c->set_connection_timeout(5);
    c->set_read_timeout(30);
    if (!token.empty()) c->set_bearer_token_auth(token.c_str());
    return c;
  }

 private:
  static ServerOptions tuned(ServerOptions o) {
    o.port = 0;
    if (o.host.empty()) o.host = "127.0.0.1";
    o.request_threads = 8;
    o.threads = 2;
    return o;
  }
  Server server_;
  std::thread thread_;
};

/// The folder and a server on it: the fixture of most tests.
struct ServedFolder {
  ScenarioFolder folder;
  RunningServer running;
  std::unique_ptr<httplib::Client> http;
  explicit ServedFolder(ServerOptions o = {})
      : running(with_root(std::move(o), folder)), http(running.client(running.server().options().token)) {}
  static ServerOptions with_root(ServerOptions o, const ScenarioFolder& f) {
    o.root = f.path().string();
    return o;
  }
  /// POST `body` (JSON) to `path`.
  httplib::Result post(const std::string& path, const std::string& body) { return http->Post(path.c_str(), body, "application/json"); }
};

/// What `parley ARGS` prints on standard output, run in-process (exit code 0 expected).
inline std::string cli_output(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  std::vector<std::string> argv{"parley"};
  argv.insert(argv.end(), args.begin(), args.end());
  const int code = parley::cli::run_command_line(argv, out, err);
  EXPECT_EQ(code, 0) << err.str();
  return out.str();
}

/// The value of a JSON field of an error document, as text ("" when absent).
inline std::string error_field(const std::string& body, const std::string& key) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.contains("error") || !j["error"].contains(key)) return {};
  return j["error"][key].is_string() ? j["error"][key].get<std::string>() : j["error"][key].dump();
}

}  // namespace parley::server_testing
