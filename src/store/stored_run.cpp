#include "parley/stored_run.hpp"

#include "parley/error.hpp"
#include "parley/model_error.hpp"
#include "parley/stored_sweep.hpp"

namespace parley {

void require_sweep_run(const RunRecord& r, const std::string& db) {
  if (r.kind != "sensitivity") return;
  throw InputError({db, 0, 0}, "RUN", "run " + std::to_string(r.id) + " holds the model runs of a sensitivity analysis",
                   "a sweep's run; print its indices with: parley sensitivity --resume " + std::to_string(r.id) + " --db " + db);
}

StoredRun load_stored_run(ResultsDb& db, std::int64_t id, bool with_inputs) {
  StoredRun l;
  l.run = db.run(id);
  l.scenario = stored_scenario(l.run);
  const std::size_t n_in = l.run.input_names.size(), n_out = l.run.issue_ids.size(), n_cls = l.run.class_names.size();
  db.load(
      id,
      [&](const StoredDraw& d) {
        l.draws.push_back(d.draw);
        if (with_inputs) l.inputs.insert(l.inputs.end(), d.inputs, d.inputs + n_in);
        l.outcomes.insert(l.outcomes.end(), d.outcomes, d.outcomes + n_out);
        l.classes.insert(l.classes.end(), d.classes, d.classes + n_cls);
      },
      with_inputs);
  return l;
}

SweepSummary summarize_stored_run(const StoredRun& l) {
  SweepSummary s = summarize_sweep(l.scenario, l.draws.size(), l.outcomes.data(), l.classes.data());
  s.with_model_error =
      model_error_summary(shipped_skill(), l.run.model, l.scenario, l.run.seed, l.draws.size(), l.outcomes.data(), l.draws.data());
  return s;
}

}  // namespace parley
