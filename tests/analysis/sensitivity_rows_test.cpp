// A sensitivity analysis evaluated row by row, in any parts (docs/distributed.md), gives the
// indices and tornado of the analysis run at once.
#include <gtest/gtest.h>

#include <cmath>

#include "models/model_fixtures.hpp"
#include "parley/sensitivity.hpp"

namespace parley {
namespace {

SweepSetup rows_setup() {
  Scenario s = testing::one_issue({{0, 1}, {0, 2}, {50, 4}});
  s.stance(0, 0).position->value = Uncertain::range(0, 60);
  s.stance(0, 1).position->value = Uncertain::normal(30, 5);
  s.outcome_classes.push_back({"low", "", "i < 30", ""});
  return SweepSetup(s, *find_model("compromise"), {}, {});
}

/// The outputs of every row of `design`, evaluated in the parts `todo` on `threads` threads.
std::vector<double> row_outputs(const SweepSetup& setup, const SensitivityDesign& design, const std::vector<DrawRange>& todo, unsigned threads) {
  const std::size_t m = setup.issues() + setup.classes();
  std::vector<double> y(design.rows(setup.inputs()) * m, -1);
  SweepControl control;
  control.threads = threads;
  for (const DrawRange& part : todo)
    evaluate_sensitivity_rows(setup, design, {part}, control, [&](const DrawChunk& c) {
      for (std::size_t k = 0; k < c.size(); ++k) {
        for (std::size_t i = 0; i < setup.issues(); ++i) y[c.draws[k] * m + i] = c.outcomes[k * setup.issues() + i];
        for (std::size_t i = 0; i < setup.classes(); ++i) y[c.draws[k] * m + setup.issues() + i] = c.classes[k * setup.classes() + i];
      }
    });
  return y;
}

TEST(SensitivityRows, InPartsGiveTheIndicesAndTornadoOfTheWholeAnalysis) {
  const SweepSetup setup = rows_setup();
  const SensitivityDesign design{16, true, true, 9};
  const std::size_t m = setup.issues() + setup.classes(), rows = design.rows(setup.inputs());
  ASSERT_EQ(rows, 16u * 4 + 5);
  const std::vector<double> y = row_outputs(setup, design, {{0, 10}, {10, 37}, {37, rows}}, 2);
  EXPECT_EQ(row_outputs(setup, design, {{0, rows}}, 1), y);
  const SobolResult whole = scenario_sobol_indices(setup, {16, 9, 1, 100});
  const SobolResult parts = sobol_estimate(setup.inputs(), m, {16, 9, 1, 100}, std::vector<double>(y.begin(), y.begin() + 64 * m));
  ASSERT_EQ(parts.index.size(), whole.index.size());
  for (std::size_t k = 0; k < whole.index.size(); ++k) {
    EXPECT_EQ(std::isnan(parts.index[k].first), std::isnan(whole.index[k].first));
    if (!std::isnan(whole.index[k].first)) {
      EXPECT_EQ(parts.index[k].first, whole.index[k].first);
      EXPECT_EQ(parts.index[k].total_error, whole.index[k].total_error);
    }
  }
  std::vector<double> base, base_rows;
  const std::vector<TornadoBar> bars = tornado(setup, base, 1);
  const std::vector<TornadoBar> from_rows = tornado_from_rows(setup, y.data() + 64 * m, base_rows);
  EXPECT_EQ(base_rows, base);
  ASSERT_EQ(from_rows.size(), bars.size());
  for (std::size_t k = 0; k < bars.size(); ++k) {
    EXPECT_EQ(from_rows[k].low, bars[k].low);
    EXPECT_EQ(from_rows[k].high, bars[k].high);
    EXPECT_EQ(from_rows[k].low_value, bars[k].low_value);
  }
}

TEST(SensitivityRows, EstimateRefusesOutputsOfAnotherShape) {
  EXPECT_THROW(sobol_estimate(2, 1, {8, 1, 1, 10}, std::vector<double>(31)), std::invalid_argument);
}

}  // namespace
}  // namespace parley
