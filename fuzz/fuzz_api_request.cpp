// libFuzzer entry point for the web API's request reading (src/server/request.hpp, paths.hpp): the
// bytes are a request body, read as the routes read it: the JSON object, the scenario (inline, or
// a path confined to a served folder of the fuzzer's own under /tmp) with its `set` overrides, the
// counts, strings and options of /api/run, /api/whatif and the others, and every model run as
// /api/whatif runs them. Bad input must end in an InputError or an HttpError; anything else (a
// crash, a sanitizer report, another exception) is a bug.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "parley/error.hpp"
#include "parley/io.hpp"
#include "parley/limits.hpp"
#include "parley/model.hpp"
#include "server/http_error.hpp"
#include "server/paths.hpp"
#include "server/request.hpp"

namespace {

namespace fs = std::filesystem;
using parley::server::Json;

constexpr const char* kScenario = R"(parley: 1
metadata: {title: T}
issues:
  - {id: i1, scale: {min: 0, max: 10}, status_quo: 2}
  - {id: i2, scale: {min: 0, max: 10}}
actors:
  - {id: a1, capability: [2, 4]}
  - {id: a2, capability: 1}
positions:
  a1: {i1: {position: 1, salience: 0.5}, i2: {position: 9, salience: 0.5}}
  a2: {i1: {position: 8, salience: 1}}
)";

fs::path& root_path() {
  static fs::path root;
  return root;
}

void remove_root() {
  std::error_code ec;
  fs::remove_all(root_path(), ec);
}

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

/// The served folder: small.yaml, sub/small.json (a copy), notes.txt (not a scenario), a link
/// out of the folder and one to nothing. Made once per process, removed at exit.
const fs::path& root() {
  static const bool made = [] {
    char name[] = "/tmp/parley-fuzz-api-XXXXXX";
    if (!mkdtemp(name)) std::abort();
    root_path() = fs::canonical(name);
    std::atexit(remove_root);
    const fs::path& r = root_path();
    write_file(r / "small.yaml", kScenario);
    fs::create_directory(r / "sub");
    write_file(r / "sub" / "small.json", parley::scenario_to_json(parley::read_scenario_text(kScenario, "small.yaml")));
    write_file(r / "notes.txt", "not a scenario\n");
    fs::create_directory_symlink(r.parent_path(), r / "out");
    fs::create_symlink(r / "missing.yaml", r / "dangling.yaml");
    return true;
  }();
  (void)made;
  return root_path();
}

/// Runs `step`; the errors a request may end in are expected, anything else escapes (a crash).
template <typename Step>
void expect_request_errors(Step&& step) {
  try {
    step();
  } catch (const parley::InputError&) {
  } catch (const parley::server::HttpError&) {
  }
}

/// What the analyses read besides the scenario, as their routes read it.
void read_fields(const Json& body) {
  using namespace parley::server;
  namespace limits = parley::limits;
  expect_request_errors([&] { (void)request_count(body, "draws", 1000, 1, limits::kMaxMemoryDraws); });
  expect_request_errors([&] { (void)request_count(body, "samples", 512, 2, limits::kMaxSamples); });
  expect_request_errors([&] { (void)request_number(body, "correlation", 0); });
  expect_request_errors([&] { (void)request_string(body, "method", "both"); });
  expect_request_errors([&] { (void)request_options(body, "options"); });
  expect_request_errors([&] { (void)request_run(body); });
  // The path for writing (PUT /api/scenarios/<path>): confined as for reading.
  expect_request_errors([&] { (void)confined_path(root(), request_string(body, "path", ""), false); });
}

/// POST /api/run: the model, its options with rounds and seed, one run.
void run(const Json& body, const parley::Scenario& scenario) {
  using namespace parley::server;
  const parley::Model& model = parley::model_named(request_string(body, "model", "compromise"), "model");
  const parley::RunRequest request = request_run(body);
  const parley::ModelOptions options = parley::apply_request(model, request_options(body, "options"), request);
  (void)model.run(scenario, options);
}

/// POST /api/whatif: every model named (or all), each with its options; a model's error is its own.
void what_if(const Json& body, const parley::Scenario& scenario) {
  using namespace parley::server;
  const std::vector<const parley::Model*> models = request_models(body, "models");
  const Json all_options = request_object(body, "options", "an object of options per model");
  for (const parley::Model* m : models)
    expect_request_errors([&] { (void)m->run(scenario, request_options(all_options, std::string(m->name()).c_str())); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley::server;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Json body;
  try {
    body = request_body(text);
  } catch (const parley::InputError&) {
    return 0;
  }
  read_fields(body);
  expect_request_errors([&] {
    const RequestScenario r = request_scenario(root(), body);
    expect_request_errors([&] { run(body, r.scenario); });
    expect_request_errors([&] { what_if(body, r.scenario); });
  });
  // POST /api/compare's sides: objects with a scenario or path of their own.
  for (const char* side : {"a", "b"})
    if (body.contains(side) && body[side].is_object()) expect_request_errors([&] { (void)request_scenario(root(), body[side], side); });
  return 0;
}
