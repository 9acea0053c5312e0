// A sensitivity analysis stored row by row (runs of kind "sensitivity", docs/distributed.md): its
// design in the run's record, each model run a stored "draw" numbered as SensitivityDesign numbers
// the rows, so that shards, resume and merge work as they do for sweeps.
#include <cstring>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/stored_sweep.hpp"

namespace parley {

RunRecord new_sensitivity_record(const SweepSetup& setup, const SweepOrigin& origin, const SensitivityDesign& design) {
  RunRecord r = new_sweep_record(setup, origin);
  r.kind = "sensitivity";
  r.seed = design.seed;
  r.draws = design.rows(setup.inputs());
  r.actor_correlation = 0;
  const char* method = design.sobol && design.tornado ? "both" : design.sobol ? "sobol" : "tornado";
  r.design = nlohmann::ordered_json{{"samples", design.samples}, {"method", method}}.dump();
  return r;
}

SensitivityDesign stored_design(const RunRecord& run) {
  SensitivityDesign d;
  d.seed = run.seed;
  try {
    const nlohmann::json j = nlohmann::json::parse(run.design);
    d.samples = j.at("samples").get<std::size_t>();
    const std::string method = j.at("method").get<std::string>();
    if (method != "both" && method != "sobol" && method != "tornado") throw std::invalid_argument(method);
    d.sobol = method != "tornado";
    d.tornado = method != "sobol";
  } catch (const std::exception& e) {
    throw InputError({run.scenario_file, 0, 0}, "--db", "run " + std::to_string(run.id) + ": unreadable sensitivity design: " + e.what(),
                     "an intact parley results database");
  }
  return d;
}

std::uint64_t evaluate_and_store_rows(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const SensitivityDesign& design,
                                      const std::vector<DrawRange>& todo, std::uint64_t rows, const SweepControl& control) {
  return store_draws(db, run, todo, rows, control.threads, [&](const std::function<void(const DrawChunk&)>& sink) {
    return evaluate_sensitivity_rows(setup, design, todo, control, sink);
  });
}

std::vector<double> stored_row_outputs(ResultsDb& db, std::int64_t run) {
  const RunRecord r = db.run(run);
  const std::size_t issues = r.issue_ids.size(), classes = r.class_names.size(), m = issues + classes;
  if (r.shard || r.stored != r.draws)
    throw InputError({db.path(), 0, 0}, "--resume",
                     "run " + std::to_string(run) + " holds " + std::to_string(r.stored) + " of " + std::to_string(r.draws) + " rows" +
                         (r.shard ? " as one shard" : ""),
                     "a complete run of every row (merge the shards first)");
  std::vector<double> y(r.draws * m);
  db.load(
      run,
      [&](const StoredDraw& d) {
        double* row = y.data() + d.draw * m;
        if (issues) std::memcpy(row, d.outcomes, issues * sizeof(double));
        for (std::size_t c = 0; c < classes; ++c) row[issues + c] = d.classes[c];
      },
      false);
  return y;
}

}  // namespace parley
