// parley._native's analyses: sensitivity, feasibility and compare, each computed as its command
// (src/cli/commands/) computes it and written by the writer the command uses: JSON, CSV where the
// writer has it, and the table the command prints, for the Python package (parley/analysis.py) to
// turn into tables. The backtest and the report are in analysis_backtest.cpp.
#include <pybind11/stl.h>

#include <optional>
#include <sstream>

#include "binding.hpp"
#include "core/parallel.hpp"
#include "parley/feasibility.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/scenario.hpp"
#include "parley/sensitivity.hpp"
#include "parley/sweep.hpp"

namespace parley::python {

void bind_backtest_and_report(py::module_& m);  // analysis_backtest.cpp

namespace {

/// The texts of one result: what the writer gives in each format (absent formats are not set).
py::dict texts(const std::string& json, const std::string& csv, const std::string& table) {
  py::dict d;
  d["json"] = json.empty() ? py::object(py::none()) : py::object(py::str(json));
  d["csv"] = csv.empty() ? py::object(py::none()) : py::object(py::str(csv));
  d["table"] = table;
  return d;
}

/// Runs `analysis`, naming in its InputError the Python argument where the library names the
/// command line's option ("--samples" is "samples", "--method" is "method").
template <typename Analysis>
auto with_argument_names(Analysis&& analysis) {
  try {
    return analysis();
  } catch (const InputError& e) {
    if (!e.field().starts_with("--")) throw;
    throw InputError(e.where(), e.field().substr(2), e.problem(), e.expected());
  }
}

/// `parley sensitivity`: Sobol indices and/or a tornado for every issue and outcome class.
py::dict sensitivity(const Scenario& scenario, const std::string& model_name, const ModelOptions& options, std::size_t samples,
                     const std::string& method, std::size_t top, std::uint64_t seed, unsigned threads, const std::string& file) {
  if (samples < 2 || samples > limits::kMaxSamples)
    throw InputError({}, "samples", "got " + std::to_string(samples), "a whole number from 2 to " + std::to_string(limits::kMaxSamples));
  const Model& model = model_named(model_name, "model");
  threads = resolve_threads(threads);
  std::string json, csv, table;
  {
    py::gil_scoped_release free;
    const SweepSetup setup(scenario, model, options, {seed, 0.0});
    const SensitivityResults results =
        with_argument_names([&] { return analyse_sensitivity(setup, file, method, samples, seed, threads); });
    std::ostringstream j, c, t;
    write_sensitivity(j, results, OutputFormat::json, top);
    write_sensitivity(c, results, OutputFormat::csv, top);
    write_sensitivity(t, results, OutputFormat::table, top);
    json = j.str(), csv = c.str(), table = t.str();
  }
  return texts(json, csv, table);
}

/// `parley feasibility`: win-sets, zones of agreement and binding ratifiers, at the point values and
/// over `draws` draws, then the package deals: `packages` (lists of issue ids, each checked as
/// --package checks it; empty: none) or, when None, the scenario's declared linkages. The writer
/// has no CSV.
py::dict feasibility(const Scenario& scenario, std::uint64_t draws, std::uint64_t seed, double correlation, unsigned threads,
                     const std::optional<std::vector<std::vector<std::string>>>& packages) {
  if (draws < 1 || draws > limits::kMaxCountedDraws)
    throw InputError({}, "draws", "got " + std::to_string(draws), "a whole number from 1 to " + std::to_string(limits::kMaxCountedDraws));
  threads = resolve_threads(threads);
  PackageChoice choice;
  if (packages) {
    choice.kind = packages->empty() ? PackageChoice::Kind::none : PackageChoice::Kind::given;
    for (std::size_t q = 0; q < packages->size(); ++q)
      choice.given.push_back(package_issues(scenario, (*packages)[q], "packages[" + std::to_string(q) + "]"));
  }
  std::string json, table;
  {
    py::gil_scoped_release free;
    const FeasibilityAnalysis a = analyse_feasibility(scenario, choice, draws, {seed, correlation}, threads);
    std::ostringstream j, t;
    write_feasibility(j, scenario, a.point, a.odds, a.deals, seed, OutputFormat::json);
    write_feasibility(t, scenario, a.point, a.odds, a.deals, seed, OutputFormat::table);
    json = j.str(), table = t.str();
  }
  return texts(json, "", table);
}

/// One side of `parley compare`: the point forecast and a sweep's summary. Ctrl-C stops the draws
/// and raises KeyboardInterrupt (nothing is returned of a partial sweep).
ComparedScenario evaluate(const Scenario& scenario, const std::string& file, const Model& model, const ModelOptions& options,
                          std::uint64_t draws, std::uint64_t seed, double correlation, unsigned threads) {
  PythonProgress progress{py::none()};
  const SweepControl control = progress.control(threads);
  ComparedScenario side;
  {
    py::gil_scoped_release free;
    side = compare_side(file, scenario, model, options, {seed, correlation}, draws, control);
  }
  if (progress.stopped()) {
    progress.rethrow();
    throw Interrupted("interrupted");
  }
  return side;
}

/// `parley compare A B`: two scenarios side by side, issue by issue and class by class.
py::dict compare(const Scenario& a, const Scenario& b, const std::string& file_a, const std::string& file_b, const std::string& model_name,
                 const ModelOptions& options, std::uint64_t draws, std::uint64_t seed, double correlation, unsigned threads) {
  if (draws < 1 || draws > limits::kMaxMemoryDraws)
    throw InputError({}, "draws", "got " + std::to_string(draws), "a whole number from 1 to " + std::to_string(limits::kMaxMemoryDraws));
  const Model& model = model_named(model_name, "model");
  threads = resolve_threads(threads);
  const Comparison comparison{evaluate(a, file_a, model, options, draws, seed, correlation, threads),
                              evaluate(b, file_b, model, options, draws, seed, correlation, threads), model_name, draws, seed};
  std::string json, csv, table;
  {
    py::gil_scoped_release free;
    std::ostringstream j, c, t;
    write_comparison(j, comparison, OutputFormat::json);
    write_comparison(c, comparison, OutputFormat::csv);
    write_comparison(t, comparison, OutputFormat::table);
    json = j.str(), csv = c.str(), table = t.str();
  }
  return texts(json, csv, table);
}

/// The limits of parley/limits.hpp, the thread and round maxima, for the Python package's
/// argument checks (parley/_arguments.py).
py::dict limit_values() {
  py::dict d;
  d["max_threads"] = kMaxThreads;
  d["max_rounds"] = kMaxRounds;
  d["max_memory_draws"] = limits::kMaxMemoryDraws;
  d["max_counted_draws"] = limits::kMaxCountedDraws;
  d["max_seed"] = limits::kMaxSeed;
  d["max_samples"] = limits::kMaxSamples;
  d["max_sobol_values"] = limits::kMaxSobolValues;
  d["max_top"] = limits::kMaxTop;
  d["max_folds"] = limits::kMaxFolds;
  d["max_repeats"] = limits::kMaxRepeats;
  d["max_bootstrap"] = limits::kMaxBootstrap;
  return d;
}

}  // namespace

void bind_analysis(py::module_& m) {
  m.attr("limits") = limit_values();
  m.def("sensitivity", &sensitivity, py::arg("scenario"), py::arg("model"), py::arg("options"), py::arg("samples"), py::arg("method"),
        py::arg("top"), py::arg("seed"), py::arg("threads"), py::arg("file"),
        "parley sensitivity: {json, csv, table} as the command writes them (the table lists `top` inputs per output)");
  m.def("feasibility", &feasibility, py::arg("scenario"), py::arg("draws"), py::arg("seed"), py::arg("correlation"), py::arg("threads"),
        py::arg("packages") = py::none(), "parley feasibility: {json, csv (None), table}");
  m.def("compare", &compare, py::arg("a"), py::arg("b"), py::arg("file_a"), py::arg("file_b"), py::arg("model"), py::arg("options"),
        py::arg("draws"), py::arg("seed"), py::arg("correlation"), py::arg("threads"), "parley compare: {json, csv, table}");
  bind_backtest_and_report(m);
}

}  // namespace parley::python
