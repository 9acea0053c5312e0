// POST /api/sweeps, the jobs (status, events, cancel) and the results database (runs, show,
// export) (src/server/routes_jobs.cpp, src/server/jobs.cpp).
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/server_support.hpp"

namespace parley::server_testing {
namespace {

/// Polls the job until it leaves "running" (at most 20 s).
nlohmann::json finished_job(httplib::Client& http, long long job) {
  nlohmann::json j;
  for (int i = 0; i < 2000; ++i) {
    j = nlohmann::json::parse(http.Get(("/api/jobs/" + std::to_string(job)).c_str())->body);
    if (j["status"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return j;
}

TEST(ServerJobs, ASweepIsStoredAsTheCommandLineStoresIt) {
  ServedFolder s;
  EXPECT_EQ(nlohmann::json::parse(s.http->Get("/api/runs")->body)["runs"].size(), 0u);
  EXPECT_EQ(s.http->Get("/api/runs/1")->status, 404);
  const auto r = s.post("/api/sweeps", R"({"path": "examples/arms-control.yaml", "model": "bdm", "draws": 30, "seed": 5})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 202) << r->body;
  const auto started = nlohmann::json::parse(r->body);
  EXPECT_EQ(started["run"], 1);
  const auto job = finished_job(*s.http, started["job"].get<long long>());
  EXPECT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["done"], 30);

  const std::string db = s.folder.file("parley.db");
  const auto runs = nlohmann::json::parse(s.http->Get("/api/runs")->body);
  ASSERT_EQ(runs["runs"].size(), 1u);
  EXPECT_EQ(runs["runs"][0]["status"], "complete");
  EXPECT_EQ(runs["runs"][0]["scenario_file"], "examples/arms-control.yaml");
  const fs::path here = fs::current_path();
  fs::current_path(s.folder.path());
  const std::string show = cli_output({"show", "1", "-f", "json"});
  const std::string exported = cli_output({"export", "1", "-f", "csv", "--table", "outcomes"});
  const std::string listed = cli_output({"runs", "-f", "json"});
  // The stored run is the command line's: its sweep of the same file gives the same draws.
  const std::string sweep =
      cli_output({"sweep", "examples/arms-control.yaml", "-m", "bdm", "-n", "30", "--seed", "5", "--db", "cli.db", "-f", "json"});
  fs::current_path(here);
  EXPECT_EQ(s.http->Get("/api/runs/1")->body, show);
  EXPECT_EQ(s.http->Get("/api/runs/1/export?table=outcomes")->body, exported);
  EXPECT_EQ(s.http->Get("/api/runs")->body, listed);
  auto a = nlohmann::json::parse(show), b = nlohmann::json::parse(sweep);
  a["run"].erase("db");
  b["run"].erase("db");
  EXPECT_EQ(a, b);
  EXPECT_EQ(s.http->Get("/api/runs/1/export?table=all")->status, 400);
  EXPECT_EQ(s.http->Get("/api/runs/9")->status, 404);
}

TEST(ServerJobs, ACancelledSweepStaysResumable) {
  ServedFolder s;
  const auto r = s.post("/api/sweeps", R"({"path": "us-russia.yaml", "model": "smp", "draws": 100000, "threads": 1})");
  ASSERT_EQ(r->status, 202) << r->body;
  const long long job = nlohmann::json::parse(r->body)["job"];
  const auto cancelled = s.http->Delete(("/api/jobs/" + std::to_string(job)).c_str());
  ASSERT_TRUE(cancelled);
  ASSERT_EQ(cancelled->status, 200);
  const auto j = nlohmann::json::parse(cancelled->body);
  EXPECT_EQ(j["status"], "cancelled") << j.dump();
  EXPECT_LT(j["done"].get<long long>(), 100000);
  const auto runs = nlohmann::json::parse(s.http->Get("/api/runs")->body);
  EXPECT_EQ(runs["runs"][0]["status"], "interrupted");
  EXPECT_EQ(s.http->Delete("/api/jobs/99")->status, 404);
}

TEST(ServerJobs, EventsStreamProgressThenTheEnd) {
  ServedFolder s;
  const auto r = s.post("/api/sweeps", R"({"path": "examples/arms-control.yaml", "draws": 2000})");
  ASSERT_EQ(r->status, 202) << r->body;
  const long long job = nlohmann::json::parse(r->body)["job"];
  std::string stream;
  const auto events = s.http->Get(("/api/jobs/" + std::to_string(job) + "/events").c_str(), [&](const char* data, std::size_t n) {
    stream.append(data, n);
    return true;
  });
  ASSERT_TRUE(events);
  EXPECT_EQ(events->status, 200);
  EXPECT_EQ(events->get_header_value("Content-Type"), "text/event-stream");
  EXPECT_TRUE(stream.starts_with("event: progress\ndata: {")) << stream.substr(0, 80);
  const std::size_t end = stream.rfind("event: end\ndata: ");
  ASSERT_NE(end, std::string::npos) << stream;
  const auto last = nlohmann::json::parse(stream.substr(end + 17));
  EXPECT_EQ(last["status"], "done");
  EXPECT_EQ(last["done"], 2000);
  EXPECT_EQ(s.http->Get("/api/jobs/77/events")->status, 404);
}

TEST(ServerJobs, ABadSweepRequestCreatesNoRun) {
  ServedFolder s;
  const auto r = s.post("/api/sweeps", R"({"path": "us-russia.yaml", "draws": 0})");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(error_field(r->body, "field"), "draws");
  EXPECT_FALSE(fs::exists(s.folder.file("parley.db")));
}

TEST(ServerJobs, ASensitivityAnalysisRunIsListedAsOneAndNotShownAsASweep) {
  ServedFolder s;
  const fs::path here = fs::current_path();
  fs::current_path(s.folder.path());
  cli_output({"sensitivity", "examples/arms-control.yaml", "--samples", "8", "--db", "parley.db"});
  fs::current_path(here);
  const auto runs = nlohmann::json::parse(s.http->Get("/api/runs")->body);
  ASSERT_EQ(runs["runs"].size(), 1u);
  EXPECT_EQ(runs["runs"][0]["kind"], "sensitivity");
  EXPECT_EQ(s.http->Get("/api/runs/1/export?table=outcomes")->status, 200);  // its model runs, row by row
  for (const char* path : {"/api/runs/1", "/api/runs/1/export?table=summary&format=json"}) {
    const auto r = s.http->Get(path);
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_NE(r->body.find("holds the model runs of a sensitivity analysis"), std::string::npos) << r->body;
  }
}

}  // namespace
}  // namespace parley::server_testing
