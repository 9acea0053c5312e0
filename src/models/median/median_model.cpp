// The weighted median: the position where half the capability x salience weight lies on either
// side; on one dimension the Condorcet winner (docs/models/median.md).
#include <algorithm>
#include <cmath>

#include "models/options.hpp"
#include "models/participants.hpp"

namespace parley::models {

namespace {

class WeightedMedianModel final : public Model {
 public:
  std::string_view name() const override { return "median"; }
  std::string_view description() const override {
    return "capability x salience weighted median position (the Condorcet winner on one dimension)";
  }
  std::vector<ModelOptionSpec> options() const override {
    return {
        {"tie", "midpoint", "when exactly half the weight lies at or below a position: midpoint, lower or upper of the median interval"}};
  }

  void check_options(const ModelOptions& given) const override {
    OptionReader options(*this, given);
    (void)tie_rule(options);
  }

  Forecast forecast(const Scenario& s, const ModelOptions& given) const override {
    OptionReader options(*this, given);
    const std::string tie = tie_rule(options);
    Forecast f{std::string(name()), options.resolved(), {}, {}, {}};
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      IssueForecast r{s.issue(i).id, std::nullopt, "", {}};
      std::vector<std::pair<double, double>> xw;  // (position, weight)
      for (const Participant& p : participants(s, i))
        if (p.c * p.s > 0) xw.emplace_back(p.x, p.c * p.s);
      if (xw.empty())
        r.note = "no actor takes part with a positive weight";
      else
        r.outcome = median(xw, tie);
      f.issues.push_back(std::move(r));
    }
    return f;
  }

  static std::string tie_rule(OptionReader& options) { return options.choice("tie", {"midpoint", "lower", "upper"}); }

  /// Sorting by (position, weight) makes the sums, and so the result, independent of actor order.
  static double median(std::vector<std::pair<double, double>>& xw, const std::string& tie) {
    std::sort(xw.begin(), xw.end());
    double total = 0;
    for (const auto& [x, w] : xw) total += w;
    const double half = total / 2;
    double below = 0;
    for (std::size_t k = 0; k < xw.size(); ++k) {
      below += xw[k].second;
      if (below < half * (1 - 1e-12)) continue;
      const bool exact_half = std::fabs(below - half) <= 1e-12 * total;
      if (!exact_half || k + 1 == xw.size() || tie == "lower") return xw[k].first;
      if (tie == "upper") return xw[k + 1].first;
      return 0.5 * (xw[k].first + xw[k + 1].first);
    }
    return xw.back().first;
  }
};

}  // namespace

const Model& weighted_median_model() {
  static const WeightedMedianModel model;
  return model;
}

}  // namespace parley::models
