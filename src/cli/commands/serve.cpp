// parley serve [DIR|FILE]: the web app (docs/web.md): serves the front-end and the JSON API until
// Ctrl-C, and prints the address to open.
#include <chrono>
#include <thread>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "parley/server.hpp"

namespace parley::cli {

namespace {

struct ServeArgs {
  std::string root = ".";
  std::string host = "127.0.0.1";
  std::string port;  // empty: the default, or a free port when it is taken
  std::string token;
  std::uint64_t body_limit = std::uint64_t{8} << 20;
  unsigned threads = 0;
};

void add_options(CLI::App& cmd, ServeArgs& a) {
  cmd.add_option("DIR", a.root, "folder of scenarios (or one scenario file in it); sweeps go to DIR/parley.db")->capture_default_str();
  cmd.add_option("--port", a.port, "port (default 8023, or a free one when it is taken; 0: any free port)");
  cmd.add_option("--host", a.host, "address to listen on; anything but loopback requires a token")->capture_default_str();
  cmd.add_option("--token", a.token, "require this token on every request (generated when --host is not loopback)");
  add_count(cmd, "--body-limit", a.body_limit, 1024, std::uint64_t{1} << 30, "largest request body in bytes (larger: 413)");
  add_count(cmd, "--threads", a.threads, 0, kMaxThreads, "worker threads of sweeps and analyses (0: every core)");
}

void serve(const ServeArgs& args, Context& context) {
  ServerOptions o;
  o.root = args.root;
  o.host = args.host;
  o.port = args.port.empty() ? kDefaultServePort : static_cast<int>(parse_count("--port", args.port, 0, 65535));
  o.port_fallback = args.port.empty();
  o.token = args.token;
  o.body_limit = args.body_limit;
  o.threads = args.threads;
  Server server(o);
  server.bind();
  if (server.fell_back()) context.err << "parley: port " << kDefaultServePort << " is taken; using " << server.port() << "\n";
  context.out << "parley: serving " << args.root << " at " << server.url() << "   (Ctrl-C stops)" << std::endl;

  InterruptGuard guard;
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done && !InterruptGuard::flag()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
  });
  server.run();
  done = true;
  watcher.join();
  context.out << "parley: stopped" << std::endl;
}

}  // namespace

Command serve_command() {
  return make_command<ServeArgs>("serve", "serve the web app: scenarios of DIR, every analysis, in a browser tab", add_options, serve);
}

}  // namespace parley::cli
