// A scenario from a Python dict in parley's format, read by the same reader as a YAML or JSON file
// (io::read_scenario_document, then validate) without writing and parsing JSON text: the dict is
// walked once into a Document. Scalars keep their text as a YAML file's would (numbers in their
// shortest round-trip form, so that every number reads back bit for bit). Errors name the field.
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "binding.hpp"
#include "io/document.hpp"
#include "io/document_builder.hpp"
#include "io/scenario_reader.hpp"
#include "parley/io.hpp"
#include "parley/scenario.hpp"

namespace parley::python {

namespace {

class DictWalker {
 public:
  explicit DictWalker(io::DocumentBuilder& builder) : b_(builder) {}

  void walk(py::handle value, int depth) {
    if (depth > io::kMaxDepth) fail("nesting deeper than " + std::to_string(io::kMaxDepth) + " levels", "a flatter dict");
    if (PyDict_Check(value.ptr())) return mapping(value, depth);
    if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) return sequence(value, depth);
    if (PyUnicode_Check(value.ptr())) return b_.add_text(io::Node::Type::string, {}, utf8(value));
    if (PyBool_Check(value.ptr())) return b_.add_text(io::Node::Type::boolean, {}, value.ptr() == Py_True ? "true" : "false", true);
    if (value.is_none()) return b_.add(io::Node::Type::null, {});
    if (PyFloat_Check(value.ptr()) || PyLong_Check(value.ptr())) return number(value);
    fail("got a Python " + std::string(Py_TYPE(value.ptr())->tp_name), "a dict, list, str, number, bool or None");
  }

 private:
  void mapping(py::handle value, int depth) {
    b_.open(io::Node::Type::mapping, {});
    PyObject *key = nullptr, *item = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(value.ptr(), &pos, &key, &item)) {
      if (!PyUnicode_Check(key)) fail("a key of type " + std::string(Py_TYPE(key)->tp_name), "text keys");
      const std::string_view k = utf8(key);
      b_.add_text(io::Node::Type::string, {}, k);
      path_.push_back(std::string(k));
      walk(item, depth + 1);
      path_.pop_back();
    }
    b_.close();
  }

  void sequence(py::handle value, int depth) {
    b_.open(io::Node::Type::sequence, {});
    const py::sequence items = py::reinterpret_borrow<py::sequence>(value);
    const std::size_t n = items.size();
    for (std::size_t k = 0; k < n; ++k) {
      std::string index = "[";
      index += std::to_string(k);
      index += ']';
      path_.push_back(std::move(index));
      walk(items[k], depth + 1);
      path_.pop_back();
    }
    b_.close();
  }

  void number(py::handle value) {
    double x = PyFloat_AsDouble(value.ptr());
    if (x == -1.0 && PyErr_Occurred()) {  // an int beyond a double's range
      PyErr_Clear();
      x = PyObject_RichCompareBool(value.ptr(), py::int_(0).ptr(), Py_LT) == 1 ? -HUGE_VAL : HUGE_VAL;
    }
    if (std::isnan(x)) return b_.add_text(io::Node::Type::number, {}, ".nan", true);
    if (std::isinf(x)) return b_.add_text(io::Node::Type::number, {}, x < 0 ? "-.inf" : ".inf", true);
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, x);
    b_.add_text(io::Node::Type::number, {}, std::string_view(text, static_cast<std::size_t>(end - text)), true);
  }

  static std::string_view utf8(py::handle text) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();  // a lone surrogate
    return {data, static_cast<std::size_t>(size)};
  }

  [[noreturn]] void fail(const std::string& problem, const std::string& expected) const {
    std::string field;
    for (const std::string& p : path_) {
      if (!field.empty() && p[0] != '[') field += '.';
      field += p;
    }
    throw InputError({}, field.empty() ? "data" : field, problem, expected);
  }

  io::DocumentBuilder& b_;
  std::vector<std::string> path_;
};

}  // namespace

Scenario scenario_from_dict(py::handle data) {
  io::DocumentBuilder builder("", io::DocumentBuilder::Positions::lines);
  DictWalker(builder).walk(data, 1);
  const io::Document document = builder.finish();
  py::gil_scoped_release free;
  Scenario s = io::read_scenario_document(document.root(), "");
  validate(s);
  check_scenario_options(s);
  return s;
}

}  // namespace parley::python
