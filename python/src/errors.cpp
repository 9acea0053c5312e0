// parley's errors as the Python exceptions of parley/_errors.py: InputError (a ValueError) with
// file, line, column, field, problem and expected; OutputError (an OSError) with path;
// ResourceError (a MemoryError). The text is the command line's message.
#include <new>

#include "binding.hpp"
#include "parley/error.hpp"
#include "parley/io.hpp"

namespace parley::python {

namespace {

void raise(const char* name, const py::object& instance) {
  const py::object type = py::module_::import("parley._errors").attr(name);
  PyErr_SetObject(type.ptr(), instance.ptr());
}

py::object none_if_zero(int n) { return n > 0 ? py::object(py::int_(n)) : py::none(); }
py::object none_if_empty(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const InputError& e) {
    const py::object type = py::module_::import("parley._errors").attr("InputError");
    raise("InputError", type(e.what(), py::arg("file") = none_if_empty(e.where().file), py::arg("line") = none_if_zero(e.where().line),
                             py::arg("column") = none_if_zero(e.where().column), py::arg("field") = none_if_empty(e.field()),
                             py::arg("problem") = none_if_empty(e.problem()), py::arg("expected") = none_if_empty(e.expected())));
  } catch (const OutputError& e) {
    const py::object type = py::module_::import("parley._errors").attr("OutputError");
    raise("OutputError", type(e.what(), py::arg("path") = none_if_empty(e.path())));
  } catch (const ResourceError& e) {
    raise("ResourceError", py::module_::import("parley._errors").attr("ResourceError")(e.what()));
  } catch (const Interrupted& e) {
    PyErr_SetString(PyExc_KeyboardInterrupt, e.what());
  }
}

}  // namespace

void bind_errors(py::module_& m) {
  py::register_exception_translator(translate);
  m.def(
      "raise_input_error",
      [](const std::string& field, const std::string& problem, const std::string& expected) {
        throw InputError({}, field, problem, expected);
      },
      py::arg("field"), py::arg("problem"), py::arg("expected"), "raises parley.InputError with the command line's wording");
  m.def(
      "write_file", [](const std::string& path, const std::string& content) { write_file_atomically(path, content); }, py::arg("path"),
      py::arg("content"), "writes a whole file atomically (parley::write_file_atomically): never a partial file");
}

}  // namespace parley::python
