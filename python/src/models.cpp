// parley._native.models() and run(): the models with their options and traits, and one run of a
// model, written as `parley run --format json` writes it (and its trace, as --trace does).
#include <pybind11/stl.h>

#include <sstream>

#include "binding.hpp"
#include "parley/output.hpp"
#include "parley/scenario.hpp"

namespace parley::python {

namespace {

py::list models() {
  py::list out;
  for (const Model* model : all_models()) {
    py::dict d;
    d["name"] = std::string(model->name());
    d["description"] = std::string(model->description());
    py::list options;
    for (const ModelOptionSpec& o : model->options()) {
      py::dict od;
      od["name"] = o.name;
      od["default"] = o.default_value;
      od["description"] = o.description;
      options.append(od);
    }
    d["options"] = options;
    const ModelTraits t = model->traits();
    py::dict traits;
    traits["rounds"] = t.rounds;
    traits["seed"] = t.seed;
    traits["trace"] = t.trace;
    traits["events"] = t.events;
    traits["fitted"] = t.fitted;
    d["traits"] = traits;
    out.append(d);
  }
  return out;
}

/// {"json": the forecast (schema parley.forecast/1), "table": as `parley run` prints it,
///  "trace": the trace (parley.trace/1) when asked for, else None}
py::dict run(const Scenario& scenario, const std::string& model_name, const ModelOptions& options, std::optional<int> rounds,
             std::optional<std::string> seed, bool trace) {
  const Model& model = model_named(model_name, "model");
  if (rounds && (*rounds < 0 || *rounds > kMaxRounds))
    throw InputError({}, "rounds", "got " + std::to_string(*rounds), "a whole number from 0 to " + std::to_string(kMaxRounds));
  RunRequest request;
  request.rounds = rounds;
  request.seed = seed;
  request.trace = trace;
  const ModelOptions merged = apply_request(model, options, request);
  std::ostringstream json, table, trace_json;
  {
    py::gil_scoped_release free;
    const Forecast forecast = model.run(scenario, merged);
    write_forecast(json, scenario, forecast, OutputFormat::json);
    write_forecast(table, scenario, forecast, OutputFormat::table);
    if (trace) write_trace(trace_json, scenario, forecast);
  }
  py::dict d;
  d["json"] = json.str();
  d["table"] = table.str();
  d["trace"] = trace ? py::object(py::str(trace_json.str())) : py::none();
  return d;
}

}  // namespace

void bind_models(py::module_& m) {
  m.def("models", &models, "every model: name, description, options (name, default, description) and traits");
  m.def("run", &run, py::arg("scenario"), py::arg("model"), py::arg("options"), py::arg("rounds") = py::none(),
        py::arg("seed") = py::none(), py::arg("trace") = false);
}

}  // namespace parley::python
