#include "cli/commands/stored_run.hpp"

#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

Loaded load(ResultsDb& db, std::int64_t id, bool with_inputs) {
  Loaded l;
  l.run = db.run(id);
  l.scenario = read_scenario_text(l.run.scenario_text, l.run.scenario_file,
                                  read_options({l.run.scenario_file, l.run.input_format, l.run.capability}));
  apply_overrides(l.scenario, l.run.overrides);
  const std::size_t n_in = l.run.input_names.size(), n_out = l.run.issue_ids.size(), n_cls = l.run.class_names.size();
  db.load(id, [&](const StoredDraw& d) {
    l.draws.push_back(d.draw);
    if (with_inputs) l.inputs.insert(l.inputs.end(), d.inputs, d.inputs + n_in);
    l.outcomes.insert(l.outcomes.end(), d.outcomes, d.outcomes + n_out);
    l.classes.insert(l.classes.end(), d.classes, d.classes + n_cls);
  }, with_inputs);
  return l;
}

SweepSummary summary_of(const Loaded& l) {
  return summarize_sweep(l.scenario, l.draws.size(), l.outcomes.data(), l.classes.data());
}

}  // namespace parley::cli
