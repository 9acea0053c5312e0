// parley._native.sweep(), resume(), load_run() and runs(): Monte Carlo sweeps held in memory as a
// StoredRun, stored in a results database when asked, exactly as `parley sweep` stores them, so
// that the command line can show, export and resume a run made from Python and the other way round.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <numeric>
#include <sstream>

#include "binding.hpp"
#include "core/parallel.hpp"
#include "parley/io.hpp"
#include "parley/limits.hpp"
#include "parley/output.hpp"
#include "parley/results_db.hpp"
#include "parley/stored_run.hpp"
#include "parley/stored_sweep.hpp"
#include "parley/version.hpp"

namespace parley::python {

namespace {

/// A sweep's draws and what they were drawn from; `db` is empty when nothing was stored.
struct SweepData {
  StoredRun stored;
  std::string db;
};

/// A read-only array over `n` rows of `width` values owned by `owner` (no copy).
template <typename T>
py::array view(const std::vector<T>& values, std::size_t n, std::size_t width, const py::object& owner) {
  const auto w = static_cast<py::ssize_t>(width);
  py::array_t<T> a({static_cast<py::ssize_t>(n), w}, {w * static_cast<py::ssize_t>(sizeof(T)), static_cast<py::ssize_t>(sizeof(T))},
                   values.data(), owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

std::string summary_json(const SweepData& d) {
  const StoredRun& r = d.stored;
  SweepSummary summary;
  {
    py::gil_scoped_release free;
    summary = summarize_stored_run(r);
  }
  std::ostringstream out;
  write_sweep_summary(out, summary, {r.scenario.metadata.title, r.run.model, r.run.seed, r.run.input_names.size(), r.run.id, d.db},
                      OutputFormat::json);
  return out.str();
}

std::string export_table(const SweepData& d, const std::string& table, const std::string& format) {
  const auto t = export_table_from_string(table);
  if (!t) throw InputError({}, "table", "got '" + table + "'", "outcomes, inputs, classes, summary or all");
  const auto f = output_format_from_string(format);
  if (!f || (*f != OutputFormat::csv && *f != OutputFormat::json) || (*t == ExportTable::all && *f == OutputFormat::csv))
    throw InputError({}, "format", "got '" + format + "'", "csv or json (all: json only)");
  std::ostringstream out;
  write_export(out, d.stored, *t, *f, d.db);
  return out.str();
}

/// The record of a sweep about to run: what `parley sweep` stores (new_sweep_record), with the
/// names of its inputs, issues and classes, which the arrays of a run kept only in memory need. A
/// stored run's scenario_text is the scenario written as parley JSON (lossless, so that a resume
/// reads the same scenario); it is set when the run is stored.
RunRecord new_record(const SweepSetup& setup, const std::string& file, std::uint64_t draws, std::uint64_t seed, double correlation,
                     unsigned threads) {
  SweepOrigin origin;
  origin.scenario_file = file;
  origin.input_format = "json";
  origin.seed = seed;
  origin.draws = draws;
  origin.correlation = correlation;
  origin.threads = threads;
  RunRecord r = new_sweep_record(setup, origin);
  for (const UncertainInput& in : setup.sampler().inputs()) r.input_names.push_back(in.name);
  for (const Issue& i : setup.scenario().issues()) r.issue_ids.push_back(i.id);
  for (std::size_t c = 0; c < setup.classes(); ++c) r.class_names.push_back(setup.scenario().outcome_classes[c].name);
  return r;
}

/// Arrays for `draws` draws, filled chunk by chunk as draws finish, in any order.
class DrawArrays {
 public:
  DrawArrays(StoredRun& run, std::uint64_t draws) : run_(run) {
    ni_ = run.run.input_names.size(), no_ = run.run.issue_ids.size(), nc_ = run.run.class_names.size();
    run.draws.resize(draws);
    std::iota(run.draws.begin(), run.draws.end(), std::uint64_t{0});
    run.inputs.resize(draws * ni_);
    run.outcomes.resize(draws * no_);
    run.classes.resize(draws * nc_);
  }
  void put(const DrawChunk& c) {
    for (std::size_t k = 0; k < c.size(); ++k) {
      const std::uint64_t d = c.draws[k];
      std::copy_n(c.inputs.data() + k * ni_, ni_, run_.inputs.data() + d * ni_);
      std::copy_n(c.outcomes.data() + k * no_, no_, run_.outcomes.data() + d * no_);
      std::copy_n(c.classes.data() + k * nc_, nc_, run_.classes.data() + d * nc_);
    }
  }

 private:
  StoredRun& run_;
  std::size_t ni_ = 0, no_ = 0, nc_ = 0;
};

[[noreturn]] void interrupted(PythonProgress& progress, std::uint64_t stored, std::uint64_t draws, std::int64_t run,
                              const std::string& db) {
  const py::object keyboard = py::reinterpret_borrow<py::object>(PyExc_KeyboardInterrupt);
  try {
    progress.rethrow();
  } catch (py::error_already_set& e) {
    if (!e.matches(keyboard) || db.empty()) throw;
  }
  throw Interrupted("interrupted; " + std::to_string(stored) + " of " + std::to_string(draws) + " draws are stored in run " +
                    std::to_string(run) + " of " + db + ".\nComplete it with: parley.ResultsDb(" +
                    py::repr(py::str(db)).cast<std::string>() + ").resume(" + std::to_string(run) + ")  (or: parley sweep --resume " +
                    std::to_string(run) + " --db " + db + ")");
}

std::unique_ptr<SweepData> sweep(const Scenario& scenario, const std::string& model_name, const ModelOptions& options, std::uint64_t draws,
                                 std::uint64_t seed, double correlation, unsigned threads, std::optional<std::string> db_path,
                                 const std::string& file, py::object callback) {
  if (draws < 1 || draws > limits::kMaxMemoryDraws)
    throw InputError({}, "draws", "got " + std::to_string(draws), "a whole number from 1 to " + std::to_string(limits::kMaxMemoryDraws));
  const Model& model = model_named(model_name, "model");
  auto data = std::make_unique<SweepData>();
  std::optional<SweepSetup> setup;
  {
    py::gil_scoped_release free;
    setup.emplace(scenario, model, options, SamplingOptions{seed, correlation});
  }
  threads = resolve_threads(threads);
  data->stored.run = new_record(*setup, file, draws, seed, correlation, threads);
  data->stored.scenario = setup->scenario();
  DrawArrays arrays(data->stored, draws);
  PythonProgress progress(std::move(callback));
  const SweepControl control = progress.control(threads);
  std::uint64_t stored = 0;
  if (db_path) {
    data->db = *db_path;
    data->stored.run.scenario_text = scenario_to_json(setup->scenario());
    ResultsDb db(*db_path);
    const std::int64_t id = db.create_run(data->stored.run, *setup);
    {
      py::gil_scoped_release free;
      stored = evaluate_and_store(db, id, *setup, {{0, draws}}, draws, control, [&](const DrawChunk& c) { arrays.put(c); });
    }
    data->stored.run = db.run(id);
  } else {
    py::gil_scoped_release free;
    stored = evaluate_draws(*setup, std::vector<DrawRange>{{0, draws}}, control, [&](const DrawChunk& c) { arrays.put(c); });
    data->stored.run.status = stored == draws ? "complete" : "interrupted";
    data->stored.run.stored = stored;
  }
  if (stored < draws) interrupted(progress, stored, draws, data->stored.run.id, data->db);
  return data;
}

ResultsDb open_existing(const std::string& path) { return open_existing_results_db(path, "db"); }

std::unique_ptr<SweepData> load_run(const std::string& path, std::int64_t id) {
  ResultsDb db = open_existing(path);
  auto data = std::make_unique<SweepData>();
  data->db = path;
  require_sweep_run(db.run(id), path);
  py::gil_scoped_release free;
  data->stored = load_stored_run(db, id, true);
  return data;
}

std::unique_ptr<SweepData> resume(const std::string& path, std::int64_t id, unsigned threads, py::object callback) {
  ResultsDb db = open_existing(path);
  const RunRecord r = db.run(id);
  require_sweep_run(r, path);
  db.claim(r.id);  // one writer per run, before reading which draws are stored (docs/results-db.md)
  if (r.parley_version != kVersion)
    throw InputError({path, 0, 0}, "run",
                     "run " + std::to_string(r.id) + " was made by parley " + r.parley_version + ", this is " + kVersion,
                     "the same parley version, so that the remaining draws match the stored ones");
  const SweepSetup setup(stored_scenario(r), model_named(r.model, "model"), r.options, {r.seed, r.actor_correlation});
  const std::vector<DrawRange> todo = missing_draws(db, r.id, r.draws);
  std::uint64_t already = r.draws;
  for (const DrawRange& t : todo) already -= t.size();
  PythonProgress progress(std::move(callback), already);
  std::uint64_t stored = 0;
  {
    py::gil_scoped_release free;
    stored = evaluate_and_store(db, r.id, setup, todo, r.draws, progress.control(resolve_threads(threads)));
  }
  if (stored < r.draws) interrupted(progress, stored, r.draws, r.id, path);
  auto data = std::make_unique<SweepData>();
  data->db = path;
  py::gil_scoped_release free;
  data->stored = load_stored_run(db, r.id, true);
  return data;
}

py::dict record_dict(const RunRecord& r) {
  py::dict d;
  d["id"] = r.id;
  d["created"] = r.created;
  d["parley_version"] = r.parley_version;
  d["scenario_file"] = r.scenario_file;
  d["input_format"] = r.input_format;
  d["capability"] = r.capability;
  d["model"] = r.model;
  d["options"] = r.options;
  d["overrides"] = r.overrides;
  d["seed"] = r.seed;
  d["draws"] = r.draws;
  d["actor_correlation"] = r.actor_correlation;
  d["threads"] = r.threads;
  d["status"] = r.status;
  d["elapsed_seconds"] = r.elapsed_seconds;
  d["stored"] = r.stored;
  d["input_names"] = r.input_names;
  d["issue_ids"] = r.issue_ids;
  d["class_names"] = r.class_names;
  return d;
}

py::list runs(const std::string& path) {
  ResultsDb db = open_existing(path);
  py::list out;
  for (const RunRecord& r : db.runs()) out.append(record_dict(r));
  return out;
}

}  // namespace

void bind_sweep(py::module_& m) {
  py::class_<SweepData>(m, "SweepData", "a sweep's draws, held in memory; the arrays are views of them")
      .def_property_readonly("outcomes",
                             [](py::object self) {
                               const SweepData& d = self.cast<const SweepData&>();
                               return view(d.stored.outcomes, d.stored.draws.size(), d.stored.run.issue_ids.size(), self);
                             })
      .def_property_readonly("inputs",
                             [](py::object self) {
                               const SweepData& d = self.cast<const SweepData&>();
                               return view(d.stored.inputs, d.stored.draws.size(), d.stored.run.input_names.size(), self);
                             })
      .def_property_readonly("classes",
                             [](py::object self) {
                               const SweepData& d = self.cast<const SweepData&>();
                               return view(d.stored.classes, d.stored.draws.size(), d.stored.run.class_names.size(), self);
                             })
      .def_property_readonly("draw_numbers",
                             [](py::object self) {
                               const SweepData& d = self.cast<const SweepData&>();
                               return view(d.stored.draws, d.stored.draws.size(), 1, self).attr("reshape")(-1);
                             })
      .def_property_readonly("record", [](const SweepData& d) { return record_dict(d.stored.run); })
      .def_property_readonly("db", [](const SweepData& d) { return d.db.empty() ? py::object(py::none()) : py::object(py::str(d.db)); })
      .def_property_readonly("scenario", [](const SweepData& d) { return d.stored.scenario; })
      .def("summary_json", &summary_json)
      .def("export", &export_table, py::arg("table"), py::arg("format"));
  m.def("sweep", &sweep, py::arg("scenario"), py::arg("model"), py::arg("options"), py::arg("draws"), py::arg("seed"),
        py::arg("correlation"), py::arg("threads"), py::arg("db"), py::arg("file"), py::arg("progress"));
  m.def("resume", &resume, py::arg("db"), py::arg("run"), py::arg("threads"), py::arg("progress"));
  m.def("load_run", &load_run, py::arg("db"), py::arg("run"));
  m.def("runs", &runs, py::arg("db"));
}

}  // namespace parley::python
