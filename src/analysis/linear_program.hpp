// A small linear program solved by COIN-OR CLP (Debian's coinor-libclp-dev): variables with
// bounds, rows with bounds, a linear cost to minimise. Used by the package-deal analysis
// (package_deal.cpp), whose programs have a few dozen variables. Feasibility tolerance 1e-9.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace parley::analysis {

class LinearProgram {
 public:
  /// A new variable in [low, high]; its index.
  std::size_t add_variable(double low, double high);
  /// The row low <= sum coefficient * variable <= high (either end may be infinite; low > high makes
  /// the program infeasible).
  void add_row(const std::vector<std::pair<std::size_t, double>>& terms, double low, double high);
  std::size_t variables() const { return low_.size(); }

  struct Solution {
    std::vector<double> values;  // per variable
    double cost = 0;
  };
  /// Minimises sum cost[j] * variable j (cost may be shorter than the variables: zeros); none when
  /// the program is infeasible. Throws std::runtime_error when CLP reports anything else (the
  /// programs built here are bounded).
  std::optional<Solution> minimise(const std::vector<double>& cost) const;

 private:
  std::vector<double> low_, high_;
  std::vector<double> row_low_, row_high_;
  std::vector<int> row_starts_{0}, columns_;
  std::vector<double> elements_;
  bool crossed_ = false;  // a row with low > high
};

}  // namespace parley::analysis
