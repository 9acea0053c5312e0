// The C++ side of the Python module `parley` (python/parley/): the module `parley._native`.
// It holds no logic of its own: each function reads, runs or writes through parley's library and
// returns parley's own objects or the JSON and CSV its writers produce, which the Python package
// turns into pandas tables. docs/python.md describes the Python API.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "parley/model.hpp"
#include "parley/scenario.hpp"
#include "parley/sweep.hpp"

namespace parley::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_scenario(py::module_& m);
void bind_models(py::module_& m);
void bind_sweep(py::module_& m);
void bind_analysis(py::module_& m);

/// A scenario from a dict in parley's format (io::read_scenario_document, validate, and the
/// scenario's model options checked): InputError names the field, with no file, line or column.
Scenario scenario_from_dict(py::handle data);

/// Progress and Ctrl-C for a long call made with the GIL released: control.progress, called on the
/// calling thread about ten times a second, takes the GIL, runs Python's signal handlers (so that
/// Ctrl-C raises KeyboardInterrupt within a second) and the user's callback (done, total); either
/// raising sets the stop flag, and rethrow() raises it again once the work has stopped.
class PythonProgress {
 public:
  /// `callback` may be None. `offset` is added to the draws done (a resumed run's stored draws).
  PythonProgress(py::object callback, std::uint64_t offset = 0);
  ~PythonProgress();
  /// A SweepControl with this object's stop flag and progress, for `threads` threads.
  SweepControl control(unsigned threads);
  /// Whether Python asked to stop (Ctrl-C, or the callback raised).
  bool stopped() const { return stop_.load(); }
  /// Raises the exception that stopped the work, if any (the GIL must be held).
  void rethrow();

 private:
  py::object callback_;
  std::uint64_t offset_;
  std::atomic<bool> stop_{false};
  std::unique_ptr<py::error_already_set> error_;
};

}  // namespace parley::python
