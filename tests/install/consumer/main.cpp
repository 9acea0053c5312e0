// Reads a scenario, forecasts it with the compromise model and prints each issue's outcome: the
// smallest program a library user writes (built by tests/install/check_install.cmake). It also
// opens a results database in memory, so that linking it needs SQLite and libcrypto too.
#include <cstdio>
#include <exception>
#include <parley/parley.hpp>
#include <parley/results_db.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parley_consumer SCENARIO\n");
    return 2;
  }
  try {
    const parley::Scenario scenario = parley::read_scenario_file(argv[1]);
    const parley::Model* model = parley::find_model("compromise");
    if (model == nullptr) return 1;
    const parley::Forecast forecast = model->run(scenario, {});
    std::printf("parley %s, model %s\n", parley::kVersion, forecast.model.c_str());
    for (const parley::IssueForecast& issue : forecast.issues) {
      if (issue.outcome)
        std::printf("%s %.4f\n", issue.issue_id.c_str(), *issue.outcome);
      else
        std::printf("%s none (%s)\n", issue.issue_id.c_str(), issue.note.c_str());
    }
    const parley::ResultsDb db(":memory:");
    std::printf("results database schema %d\n", db.schema_version());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
