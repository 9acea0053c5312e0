#include "cli/stored_sensitivity.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/shard.hpp"
#include "parley/error.hpp"
#include "parley/limits.hpp"
#include "parley/parley.hpp"
#include "parley/stored_sweep.hpp"
#include "parley/version.hpp"

namespace parley::cli {

void check_sensitivity_design(const SweepSetup& setup, const SensitivityDesign& design, const std::string& file) {
  if (setup.inputs() == 0)
    throw InputError({file, 0, 0}, "", "no uncertain inputs", "at least one number written as a range or a distribution");
  const std::uint64_t per_sample = (setup.inputs() + 2) * (setup.issues() + setup.classes());
  if (design.sobol && design.samples > limits::kMaxSobolValues / per_sample)
    throw InputError({}, "--samples", fmt::format("got {}: that is {} model results to keep", design.samples, design.samples * per_sample),
                     fmt::format("at most {} for this scenario", limits::kMaxSobolValues / per_sample));
}

SensitivityResults sensitivity_from_rows(const SweepSetup& setup, const SensitivityDesign& design, const std::vector<double>& y,
                                         unsigned threads) {
  SensitivityResults results = sensitivity_outline(setup, design.seed);
  results.with_sobol = design.sobol;
  results.with_tornado = design.tornado;
  results.samples = design.samples;
  const std::size_t m = setup.issues() + setup.classes();
  const std::uint64_t sobol_rows = design.sobol_rows(setup.inputs());
  if (design.sobol)
    results.sobol = sobol_estimate(setup.inputs(), m, {design.samples, design.seed, threads, 100},
                                   std::vector<double>(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(sobol_rows * m)));
  if (design.tornado) results.tornado = tornado_from_rows(setup, y.data() + sobol_rows * m, results.at_point_values);
  return results;
}

namespace {

/// Evaluates `todo`, storing each chunk (with `mpi`, over the ranks of the job); Interrupted (saying
/// how to resume) when Ctrl-C stopped it.
void evaluate(ResultsDb& db, std::int64_t run, const SweepSetup& setup, const SensitivityDesign& design, const std::vector<DrawRange>& todo,
              std::uint64_t rows, unsigned threads, MpiJob* mpi) {
  InterruptGuard guard;
  SweepControl control;
  control.threads = threads;
  control.stop = &InterruptGuard::flag();
  const std::uint64_t stored = mpi ? mpi_evaluate_and_store(*mpi, db, run, db.run(run), setup, todo, rows, control, &design)
                                   : evaluate_and_store_rows(db, run, setup, design, todo, rows, control);
  if (stored < rows)
    throw Interrupted(
        fmt::format("interrupted; complete run {} of {} with: parley sensitivity --resume {} --db {}", run, db.path(), run, db.path()));
}

}  // namespace

std::optional<SensitivityResults> stored_sensitivity(const StoredSensitivityRequest& q, std::string& note, MpiJob* mpi) {
  const std::optional<Shard> shard = parse_shard(q.shard);  // before the database is created
  std::optional<ResultsDb> opened;
  std::int64_t id = q.resume;
  std::optional<SweepSetup> setup;
  SensitivityDesign design;
  if (q.resume > 0) {
    std::error_code ec;
    if (!std::filesystem::exists(q.db, ec))
      throw InputError({q.db, 0, 0}, "--db", "no such database", "a results database written by parley sensitivity --db");
    ResultsDb& db = opened.emplace(q.db);
    const RunRecord r = db.run(q.resume);
    if (r.kind != "sensitivity")
      throw InputError({q.db, 0, 0}, "--resume", fmt::format("run {} is a {}", r.id, r.kind), "a run of parley sensitivity --db");
    db.claim(r.id);
    if (r.parley_version != kVersion)
      throw InputError({q.db, 0, 0}, "--resume", fmt::format("run {} was made by parley {}, this is {}", r.id, r.parley_version, kVersion),
                       "the same parley version, so that the remaining rows match the stored ones");
    setup.emplace(stored_scenario(r), model_named(r.model), r.options, SamplingOptions{r.seed, 0.0});
    design = stored_design(r);
  } else {
    const std::string content = read_input_file(q.file);
    InputArgs input;
    input.file = q.file;
    input.input_format = q.input_format;
    input.capability = q.capability;
    Scenario scenario = read_scenario_text(content, q.file, read_options(input));
    check_scenario_options(scenario);
    apply_overrides(scenario, q.overrides);
    setup.emplace(std::move(scenario), model_named(q.model), parse_options(q.options), SamplingOptions{q.seed, 0.0});
    design = {q.samples, q.method != "tornado", q.method != "sobol", q.seed};
    check_sensitivity_design(*setup, design, q.file);
    RunRecord record =
        new_sensitivity_record(*setup, {q.file, content, q.input_format, q.capability, q.overrides, q.seed, 0, 0.0, q.threads}, design);
    record.shard = shard;
    id = opened.emplace(q.db).create_run(record, *setup);  // the database is created once all else is checked
  }
  ResultsDb& db = *opened;
  const RunRecord r = db.run(id);
  evaluate(db, id, *setup, design, missing_draws(db, id, r.draws), r.draws, q.threads, mpi);
  if (r.shard) {
    const DrawRange share = run_draws(r);
    note = fmt::format(
        "shard {} of {}: {} of the {} model runs of the sensitivity analysis ({}-{}) stored as run {} in {}.\n"
        "Merge the shards with parley merge, then print the indices with: parley sensitivity --resume RUN --db MERGED.db\n",
        r.shard->index, r.shard->count, share.size(), r.draws, share.first, share.last == 0 ? 0 : share.last - 1, id, q.db);
    return std::nullopt;
  }
  return sensitivity_from_rows(*setup, design, stored_row_outputs(db, id), q.threads);
}

}  // namespace parley::cli
