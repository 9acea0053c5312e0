#include "analysis/linear_program.hpp"

#include <Clp_C_Interface.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace parley::analysis {

std::size_t LinearProgram::add_variable(double low, double high) {
  low_.push_back(low);
  high_.push_back(high);
  return low_.size() - 1;
}

void LinearProgram::add_row(const std::vector<std::pair<std::size_t, double>>& terms, double low, double high) {
  for (const auto& [column, coefficient] : terms) {
    columns_.push_back(static_cast<int>(column));
    elements_.push_back(coefficient);
  }
  row_starts_.push_back(static_cast<int>(columns_.size()));
  row_low_.push_back(low);
  row_high_.push_back(high);
  crossed_ = crossed_ || low > high;
}

std::optional<LinearProgram::Solution> LinearProgram::minimise(const std::vector<double>& cost) const {
  for (std::size_t j = 0; j < low_.size(); ++j)
    if (low_[j] > high_[j]) return std::nullopt;  // crossed bounds: infeasible before any solving
  if (crossed_) return std::nullopt;
  const std::unique_ptr<Clp_Simplex, void (*)(Clp_Simplex*)> model(Clp_newModel(), Clp_deleteModel);
  Clp_setLogLevel(model.get(), 0);
  const int n = static_cast<int>(low_.size());
  std::vector<double> objective(low_.size(), 0.0);
  for (std::size_t j = 0; j < cost.size() && j < objective.size(); ++j) objective[j] = cost[j];
  const std::vector<int> no_column_starts(low_.size() + 1, 0);  // the rows come next
  Clp_loadProblem(model.get(), n, 0, no_column_starts.data(), nullptr, nullptr, low_.data(), high_.data(), objective.data(), nullptr,
                  nullptr);
  if (!row_low_.empty())
    Clp_addRows(model.get(), static_cast<int>(row_low_.size()), row_low_.data(), row_high_.data(), row_starts_.data(), columns_.data(),
                elements_.data());
  Clp_setPrimalTolerance(model.get(), 1e-9);
  Clp_dual(model.get(), 0);
  if (Clp_isProvenPrimalInfeasible(model.get())) return std::nullopt;
  if (!Clp_isProvenOptimal(model.get())) throw std::runtime_error("linear program: CLP status " + std::to_string(Clp_status(model.get())));
  const double* x = Clp_getColSolution(model.get());
  return Solution{std::vector<double>(x, x + n), Clp_objectiveValue(model.get())};
}

}  // namespace parley::analysis
