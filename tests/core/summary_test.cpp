#include <gtest/gtest.h>

#include "parley/io.hpp"
#include "parley/scenario.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

TEST(Summary, CountsTheExampleScenario) {
  const Scenario s = read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml"));
  const ScenarioSummary sum = summarize(s);
  EXPECT_EQ(sum.actors, 5u);
  EXPECT_EQ(sum.issues, 3u);
  EXPECT_EQ(sum.cells, 15u);
  EXPECT_EQ(sum.complete, 13u);
  EXPECT_EQ(sum.sitting_out, 1u);
  EXPECT_EQ(sum.missing_salience, 1u);
  EXPECT_EQ(sum.uncertain, 4u);  // two capabilities, one position, one salience
  ASSERT_EQ(sum.missing_cells.size(), 2u);
  EXPECT_NE(sum.missing_cells[0].find("eu on verification"), std::string::npos);
}

TEST(Summary, ListsAtMostTheRequestedNumberOfCells) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  const ScenarioSummary sum = summarize(s, 5);
  EXPECT_EQ(sum.missing_cells.size(), 5u);
  EXPECT_GT(sum.sitting_out, 5u);
}

}  // namespace
}  // namespace parley
