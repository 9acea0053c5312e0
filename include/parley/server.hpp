// parley's web server (`parley serve`, docs/web.md): the front-end at / and a JSON API under /api/
// whose documents are the command line's (parley/output.hpp).
//
//   parley::ServerOptions o;
//   o.root = "scenarios";                 // a folder, or one scenario file in it
//   parley::Server server(o);             // checks the options; binds nothing yet
//   const int port = server.bind();       // binds host:port (or a free port), returns it
//   std::thread t([&] { server.run(); }); // serves until stop()
//   ...
//   server.stop();                        // from any thread; run() returns
//   t.join();
//
// Safe by default: 127.0.0.1; any other host needs a token, which every request must carry; no
// path outside the root is read or written; bodies over a limit get 413 (docs/web.md, "Safety").
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace parley {

struct ServerOptions {
  /// The folder whose scenarios the app lists, loads and saves, or a scenario file (its folder is
  /// served, and the file is the one the page opens first). Sweeps go to ROOT/parley.db.
  std::string root = ".";
  std::string host = "127.0.0.1";
  /// The port; 0: any free port. With `port_fallback`, a taken port is replaced by a free one.
  int port = 8023;
  bool port_fallback = false;
  /// Required on every request when not empty (Authorization: Bearer, ?token= or the cookie).
  /// Server() generates one when `host` is not a loopback address and this is empty.
  std::string token;
  std::size_t body_limit = std::size_t{8} << 20;  // bytes; larger bodies get 413
  unsigned threads = 0;                           // workers of sweeps and analyses; 0: every core
  /// Threads that answer requests (each open connection holds one while it is kept alive).
  unsigned request_threads = 32;
};

/// The default port of `parley serve`.
inline constexpr int kDefaultServePort = 8023;

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

class Server {
 public:
  /// Checks the options: the root must be a folder or a regular file; the host must not be empty.
  /// Throws InputError naming the option ("DIR", "--host", "--port") otherwise.
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket and returns the port. Throws InputError naming "--port" when the
  /// port is taken (and there is no fallback) or the host cannot be bound.
  int bind();
  /// Serves until stop(); bind() first. Returns once the listening socket is closed and every
  /// request being answered has ended; running jobs are cancelled (their runs stay resumable).
  void run();
  /// Stops run() from any thread (a signal handler must not call it: set a flag and call it from a
  /// thread). Safe to call more than once, and before run().
  void stop();

  int port() const;
  /// Whether bind() fell back to another port than the one asked for.
  bool fell_back() const;
  const ServerOptions& options() const;
  /// The address to open: http://HOST:PORT/ with ?token=T when a token is required.
  std::string url() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace parley
