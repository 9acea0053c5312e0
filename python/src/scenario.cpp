// parley._native.Scenario: a scenario read from a file or text, written back as parley's JSON or
// YAML, changed by what-if assignments.
#include <pybind11/stl.h>

#include "binding.hpp"
#include "parley/io.hpp"
#include "parley/what_if.hpp"

namespace parley::python {

namespace {

ReadOptions read_options(const std::string& format, const std::string& capability) {
  ReadOptions options;
  const auto f = input_format_from_string(format);
  if (!f) throw InputError({}, "format", "got '" + format + "'", "auto, yaml, json, ktab-csv, ktab-xml, deu or decide");
  options.format = *f;
  const auto c = deu_capability_from_string(capability);
  if (!c) throw InputError({}, "capability", "got '" + capability + "'", "equal, gdp or council");
  options.deu_capability = *c;
  return options;
}

Scenario read_file(const std::string& path, const std::string& format, const std::string& capability) {
  const ReadOptions options = read_options(format, capability);
  py::gil_scoped_release free;
  Scenario s = read_scenario_file(path, options);
  check_scenario_options(s);
  return s;
}

Scenario read_text(const std::string& text, const std::string& name, const std::string& format, const std::string& capability) {
  const ReadOptions options = read_options(format, capability);
  py::gil_scoped_release free;
  Scenario s = read_scenario_text(text, name, options);
  check_scenario_options(s);
  return s;
}

Scenario with_overrides(const Scenario& s, const std::vector<std::string>& assignments) {
  Scenario copy = s;
  apply_overrides(copy, assignments);
  return copy;
}

py::dict summary(const Scenario& s) {
  const ScenarioSummary x = summarize(s);
  py::dict d;
  d["actors"] = x.actors;
  d["issues"] = x.issues;
  d["cells"] = x.cells;
  d["complete"] = x.complete;
  d["sitting_out"] = x.sitting_out;
  d["missing_salience"] = x.missing_salience;
  d["uncertain"] = x.uncertain;
  d["cited"] = x.cited;
  d["issues_without_participants"] = x.issues_without_participants;
  d["actors_without_stances"] = x.actors_without_stances;
  d["missing_cells"] = x.missing_cells;
  return d;
}

std::vector<std::string> ids_of_actors(const Scenario& s) {
  std::vector<std::string> ids;
  for (const Actor& a : s.actors()) ids.push_back(a.id);
  return ids;
}

std::vector<std::string> ids_of_issues(const Scenario& s) {
  std::vector<std::string> ids;
  for (const Issue& i : s.issues()) ids.push_back(i.id);
  return ids;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<Scenario>(m, "Scenario", "a scenario as parley's engine holds it")
      .def_static("read_file", &read_file, py::arg("path"), py::arg("format") = "auto", py::arg("capability") = "equal")
      .def_static("read_text", &read_text, py::arg("text"), py::arg("name"), py::arg("format") = "auto", py::arg("capability") = "equal")
      .def_static("from_dict", &scenario_from_dict, py::arg("data"))
      .def(
          "to_json", [](const Scenario& s, int indent) { return scenario_to_json(s, indent); }, py::arg("indent") = 2)
      .def("to_yaml", [](const Scenario& s) { return scenario_to_yaml(s); })
      .def("with_overrides", &with_overrides, py::arg("assignments"))
      .def("summary", &summary)
      .def("overrides", [](const Scenario& s) { return what_if_overrides(s); })
      .def_property_readonly("title", [](const Scenario& s) { return s.metadata.title; })
      .def_property_readonly("date", [](const Scenario& s) { return s.metadata.date; })
      .def_property_readonly("actor_ids", &ids_of_actors)
      .def_property_readonly("issue_ids", &ids_of_issues)
      .def_property_readonly("class_names",
                             [](const Scenario& s) {
                               std::vector<std::string> names;
                               for (const OutcomeClass& c : s.outcome_classes) names.push_back(c.name);
                               return names;
                             })
      .def("__copy__", [](const Scenario& s) { return Scenario(s); });
}

}  // namespace parley::python
