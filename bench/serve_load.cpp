// The web server under load (issue #16, item 6; docs/web.md, "Load"): a server on 127.0.0.1 (in
// this process, on a copy of scenarios/ in a temporary folder) gets N what-if requests of the
// flagship from C concurrent clients, each moving a salience as the slider does; then the same
// while a long sweep runs. Prints latency percentiles and errors. A benchmark, not a test:
//
//   build/release/bench/serve_load [--requests 2000] [--clients 16] [--models compromise,focal,bdm]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "parley/server.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Load {
  std::vector<double> ms;  // every request's latency
  int errors = 0;
  double seconds = 0;
};

std::string models_json(const std::string& list) {
  std::string out, item;
  for (std::size_t i = 0; i <= list.size(); ++i)
    if (i == list.size() || list[i] == ',') {
      if (!item.empty()) out += (out.empty() ? "\"" : ", \"") + item + "\"";
      item.clear();
    } else {
      item += list[i];
    }
  return "[" + out + "]";
}

Load what_ifs(int port, int requests, int clients, const std::string& models) {
  std::vector<std::vector<double>> per_client(static_cast<std::size_t>(clients));
  std::atomic<int> next{0}, errors{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      httplib::Client http("127.0.0.1", port);
      http.set_keep_alive(true);
      http.set_tcp_nodelay(true);  // as browsers do
      for (int i = next++; i < requests; i = next++) {
        const std::string body = R"({"path": "us-russia.yaml", "models": )" + models + R"(, "set": ["us-president.sanctions.salience=)" +
                                 std::to_string(0.05 + 0.9 * (i % 97) / 96.0) + "\"]}";
        const auto t0 = Clock::now();
        const auto r = http.Post("/api/whatif", body, "application/json");
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!r || r->status != 200) ++errors;
        per_client[static_cast<std::size_t>(c)].push_back(ms);
      }
    });
  for (auto& t : threads) t.join();
  Load load;
  load.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (const auto& v : per_client) load.ms.insert(load.ms.end(), v.begin(), v.end());
  std::sort(load.ms.begin(), load.ms.end());
  load.errors = errors;
  return load;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5))];
}

void print(const char* what, const Load& l) {
  std::printf("%-34s %5zu requests  %3d errors  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %6.0f req/s\n", what, l.ms.size(),
              l.errors, percentile(l.ms, 0.50), percentile(l.ms, 0.95), percentile(l.ms, 0.99), l.ms.empty() ? 0 : l.ms.back(),
              static_cast<double>(l.ms.size()) / l.seconds);
}

}  // namespace

int main(int argc, char** argv) {
  int requests = 2000, clients = 16;
  std::string models = "compromise,focal,bdm";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--requests") requests = std::atoi(argv[i + 1]);
    if (flag == "--clients") clients = std::atoi(argv[i + 1]);
    if (flag == "--models") models = argv[i + 1];
  }
  const fs::path dir = fs::temp_directory_path() / ("parley-serve-load-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(fs::path(PARLEY_SOURCE_DIR) / "scenarios", dir, fs::copy_options::recursive);
  int status = 0;
  {
    parley::ServerOptions o;
    o.root = dir.string();
    o.port = 0;
    o.request_threads = static_cast<unsigned>(clients) + 8;
    parley::Server server(o);
    server.bind();
    std::thread serving([&] { server.run(); });
    const std::string list = models_json(models);
    std::printf("parley serve on 127.0.0.1:%d, %d clients, what-if of %s on the flagship, %u cores\n", server.port(), clients, list.c_str(),
                std::thread::hardware_concurrency());
    what_ifs(server.port(), 50, 4, list);  // warm up
    const Load idle = what_ifs(server.port(), requests, clients, list);
    print("what-if", idle);

    httplib::Client http("127.0.0.1", server.port());
    const auto sweep = http.Post("/api/sweeps", R"({"path": "us-russia.yaml", "model": "bdm", "draws": 1000000})", "application/json");
    if (!sweep || sweep->status != 202) {
      std::fprintf(stderr, "serve_load: the sweep did not start\n");
      status = 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const Load busy = what_ifs(server.port(), requests, clients, list);
    const auto job = http.Get("/api/jobs/1");
    print("what-if while a bdm sweep runs", busy);
    if (job) std::printf("the sweep meanwhile: %s\n", job->body.c_str());
    http.Delete("/api/jobs/1");
    server.stop();
    serving.join();
    if (idle.errors > 0 || busy.errors > 0) status = 1;
  }
  fs::remove_all(dir);
  return status;
}
