// parley._native's backtest (a model's errors against observed outcomes, or every model
// cross-validated out of fold) and the analyst's HTML report, computed as `parley backtest` and
// `parley report` compute them (src/cli/commands/) and written by the same writers.
#include <pybind11/stl.h>

#include <sstream>
#include <utility>

#include "binding.hpp"
#include "core/parallel.hpp"
#include "parley/backtest.hpp"
#include "parley/cross_validation.hpp"
#include "parley/io.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/report.hpp"
#include "parley/scenario.hpp"
#include "parley/skill.hpp"
#include "parley/version.hpp"

namespace parley::python {

void bind_backtest_and_report(py::module_& m);

namespace {

py::dict summary_row(const std::string& predictor, const ErrorSummary& e) {
  py::dict d;
  d["predictor"] = predictor;
  d["issues"] = e.issues;
  d["mae"] = e.issues > 0 ? py::object(py::float_(e.mean_absolute_error)) : py::object(py::none());
  d["median_error"] = e.issues > 0 ? py::object(py::float_(e.median_absolute_error)) : py::object(py::none());
  return d;
}

/// `parley backtest FILE`: {csv (one row per issue, the file of --per-issue), table, summary (the
/// table's rows: the model, the status quo and the reference actor's position, as numbers)}.
py::dict backtest(const Scenario& scenario, const std::string& model_name, const ModelOptions& options, const std::string& reference_actor,
                  const std::string& capability) {
  const Model& model = model_named(model_name, "model");
  std::optional<BacktestResult> r;
  std::string csv, table;
  {
    py::gil_scoped_release free;
    r = parley::backtest(scenario, model, options, reference_actor);
    std::ostringstream c, t;
    write_backtest(c, scenario, *r, capability, OutputFormat::csv);
    write_backtest(t, scenario, *r, capability, OutputFormat::table);
    csv = c.str(), table = t.str();
  }
  py::list summary;
  summary.append(summary_row(r->model, r->model_errors));
  summary.append(summary_row("status quo", r->status_quo_errors));
  if (!r->reference_actor.empty())
    summary.append(summary_row(scenario.actor(*scenario.find_actor(r->reference_actor)).name + " position", r->reference_actor_errors));
  py::dict d;
  d["json"] = py::none();
  d["csv"] = csv;
  d["table"] = table;
  d["summary"] = summary;
  return d;
}

/// The command the skill table names, as `parley backtest --cross-validate` writes it.
std::string command_line(const std::string& file, const std::string& capability, const CrossValidationOptions& cv,
                         const std::vector<std::pair<std::string, std::string>>& options) {
  std::string line = "parley backtest " + file + " --cross-validate --capability " + capability + " --folds " + std::to_string(cv.folds) +
                     " --repeats " + std::to_string(cv.repeats) + " --seed " + std::to_string(cv.seed) + " --bootstrap " +
                     std::to_string(cv.bootstrap);
  for (const auto& [name, value] : options) line += " --option " + name + "=" + value;
  return line;
}

/// `parley backtest FILE --cross-validate`: {json, csv (the skill table, data/skill/ layout), table}.
/// `models` empty: every model. `options` in the order given (the skill table's command lists them).
py::dict cross_validate(const Scenario& scenario, const std::vector<std::string>& models,
                        const std::vector<std::pair<std::string, std::string>>& options, std::size_t folds, std::size_t repeats,
                        std::uint64_t seed, std::size_t bootstrap, const std::string& capability, const std::string& file) {
  std::vector<const Model*> chosen;
  for (const std::string& name : models) chosen.push_back(&model_named(name, "models"));
  if (chosen.empty()) chosen = all_models();
  ModelOptions merged;
  for (const auto& [name, value] : options) merged[name] = value;
  CrossValidationOptions cv_options;
  cv_options.folds = folds;
  cv_options.repeats = repeats;
  cv_options.seed = seed;
  cv_options.bootstrap = bootstrap;
  std::string json, csv, table;
  {
    py::gil_scoped_release free;
    const CrossValidation cv = parley::cross_validate(scenario, chosen, merged, cv_options);
    SkillTable skill;
    skill.data = scenario.metadata.title;
    skill.command = command_line(file, capability, cv_options, options);
    skill.version = kVersion;
    for (const ModelCrossValidation& m : cv.models) skill.models.push_back(m.skill);
    set_skill_weights(skill);
    std::ostringstream j, t;
    write_cross_validation(j, scenario, cv, skill, capability, OutputFormat::json);
    write_cross_validation(t, scenario, cv, skill, capability, OutputFormat::table);
    json = j.str(), table = t.str();
    csv = write_skill_csv(skill);
  }
  py::dict d;
  d["json"] = json;
  d["csv"] = csv;
  d["table"] = table;
  return d;
}

/// `parley report FILE --output PATH`: builds the report, writes it whole to `path` (never a partial
/// file) and returns the summary it prints. Ctrl-C between the report's stages raises
/// KeyboardInterrupt, and nothing is written.
std::string report(const Scenario& scenario, const std::string& path, const std::vector<std::string>& models,
                   std::optional<std::string> lead, std::uint64_t draws, std::uint64_t seed, unsigned threads, const std::string& file) {
  if (draws < 1 || draws > limits::kMaxMemoryDraws)
    throw InputError({}, "draws", "got " + std::to_string(draws), "a whole number from 1 to " + std::to_string(limits::kMaxMemoryDraws));
  ReportOptions o;
  for (const std::string& name : models) o.models.push_back(&model_named(name, "models"));
  if (lead) o.lead = &model_named(*lead, "lead");
  o.draws = draws;
  o.seed = seed;
  o.threads = resolve_threads(threads);
  o.scenario_file = file;
  PythonProgress progress{py::none()};
  const SweepControl control = progress.control(1);
  o.stage = [&](const std::string&) {
    control.progress(0, 0);  // takes the GIL and runs Python's signal handlers
    if (progress.stopped()) throw Interrupted("interrupted");
  };
  std::optional<Report> r;
  try {
    py::gil_scoped_release free;
    r = build_report(scenario, o);
    write_file_atomically(path, r->html);
  } catch (const Interrupted&) {
    progress.rethrow();
    throw;
  }
  return r->summary;
}

}  // namespace

void bind_backtest_and_report(py::module_& m) {
  m.def("backtest", &backtest, py::arg("scenario"), py::arg("model"), py::arg("options"), py::arg("reference_actor"), py::arg("capability"),
        "parley backtest: {json (None), csv, table, summary}");
  m.def("cross_validate", &cross_validate, py::arg("scenario"), py::arg("models"), py::arg("options"), py::arg("folds"), py::arg("repeats"),
        py::arg("seed"), py::arg("bootstrap"), py::arg("capability"), py::arg("file"),
        "parley backtest --cross-validate: {json, csv (the skill table), table}");
  m.def("report", &report, py::arg("scenario"), py::arg("path"), py::arg("models"), py::arg("lead"), py::arg("draws"), py::arg("seed"),
        py::arg("threads"), py::arg("file"), "parley report: writes the HTML report to `path` and returns its summary text");
}

}  // namespace parley::python
