// model_inputs: what a sweep's evaluators copy leaves out nothing any model reads. Every registered
// model gives byte-identical forecasts on the flagship (citations, sources, classes, events, sides,
// linkages, labels) with and without the parts model_inputs drops.
#include <gtest/gtest.h>

#include <sstream>

#include "parley/output.hpp"
#include "parley/sweep.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

std::string forecast_json(const Model& model, const Scenario& run_on, const Scenario& shown_with) {
  std::ostringstream out;
  write_forecast(out, shown_with, model.run(run_on, {}), OutputFormat::json);
  return out.str();
}

TEST(ModelInputs, DropsOnlyWhatNoModelReads) {
  const Scenario full = testing::flagship_scenario();
  const Scenario inputs = model_inputs(full);
  EXPECT_TRUE(inputs.citations.empty());
  EXPECT_TRUE(inputs.outcome_classes.empty());
  EXPECT_TRUE(inputs.metadata.sources.empty());
  EXPECT_TRUE(inputs.sides.empty());
  EXPECT_TRUE(inputs.linkages.empty());
  EXPECT_TRUE(inputs.actor(0).name.empty());
  EXPECT_TRUE(inputs.issue(0).label.empty());
  ASSERT_FALSE(full.sides.empty());
  ASSERT_FALSE(full.linkages.empty());
  ASSERT_FALSE(full.citations.empty());
  ASSERT_FALSE(full.events.empty());
  for (const Model* m : all_models()) {
    SCOPED_TRACE(std::string(m->name()));
    EXPECT_EQ(forecast_json(*m, inputs, full), forecast_json(*m, full, full));
  }
}

}  // namespace
}  // namespace parley
