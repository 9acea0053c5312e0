#include "binding.hpp"
#include "parley/version.hpp"

namespace parley::python {

PythonProgress::PythonProgress(py::object callback, std::uint64_t offset) : callback_(std::move(callback)), offset_(offset) {}

PythonProgress::~PythonProgress() = default;

SweepControl PythonProgress::control(unsigned threads) {
  SweepControl c;
  c.threads = threads;
  c.stop = &stop_;
  c.progress = [this](std::uint64_t done, std::uint64_t total) {
    if (stop_.load()) return;
    py::gil_scoped_acquire gil;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (!callback_.is_none()) callback_(offset_ + done, offset_ + total);
    } catch (py::error_already_set& e) {  // pybind11 took it off Python's error indicator
      error_ = std::make_unique<py::error_already_set>(std::move(e));
      stop_ = true;
    }
  };
  return c;
}

void PythonProgress::rethrow() {
  if (error_) throw py::error_already_set(std::move(*error_));
}

}  // namespace parley::python

PYBIND11_MODULE(_native, m) {
  namespace pp = parley::python;
  m.doc() = "parley's engine (C++); use the package `parley`, which wraps it";
  m.attr("__version__") = parley::kVersion;
  pp::bind_errors(m);
  pp::bind_scenario(m);
  pp::bind_models(m);
  pp::bind_sweep(m);
  pp::bind_analysis(m);
}
