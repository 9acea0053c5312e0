#include <gtest/gtest.h>

#include "io/importers.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

Scenario ktab(const std::string& text) { return read_scenario_text(text, "case.csv", {InputFormat::ktab_csv, {}}); }

TEST(KtabCsv, ReadsEveryShippedInput) {
  const std::pair<const char*, std::pair<std::size_t, std::size_t>> files[] = {
      {"dummyData_3Dim.csv", {7, 3}},   {"dummyData_6Dim.csv", {27, 6}}, {"dummyData-a040.csv", {40, 1}}, {"dummyData-a080.csv", {80, 1}},
      {"dummyData-a160.csv", {160, 1}}, {"SOE-Pol-Comp.csv", {13, 2}},   {"SOE-Policy.csv", {26, 1}},     {"SOE-Competitive.csv", {34, 1}}};
  for (const auto& [name, size] : files) {
    SCOPED_TRACE(name);
    const Scenario s = read_scenario_file(testing::data_path(std::string("ktab/") + name));
    EXPECT_EQ(s.actors().size(), size.first);
    EXPECT_EQ(s.issues().size(), size.second);
  }
}

TEST(KtabCsv, MapsColumnsToTheScenario) {
  const Scenario s = read_scenario_file(testing::data_path("ktab/SOE-Pol-Comp.csv"));
  EXPECT_EQ(s.metadata.title, "China Policy/Competitive; scen 2");
  EXPECT_EQ(s.issue(0).label, "Policy");
  EXPECT_EQ(s.issue(0).id, "policy");
  EXPECT_EQ(s.issue(1).label, "Competitive");
  EXPECT_EQ(s.actor(1).id, "LK");
  EXPECT_EQ(s.actor(1).name, "Li Keqiang");
  EXPECT_DOUBLE_EQ(s.actor(1).capability.point(), 60.2);
  EXPECT_DOUBLE_EQ(s.stance(0, 1).position->point(), 45);
  EXPECT_DOUBLE_EQ(s.stance(0, 1).salience->point(), 0.447);
  EXPECT_DOUBLE_EQ(s.stance(1, 1).salience->point(), 0.413);
}

TEST(KtabCsv, DetectedFromContent) {
  EXPECT_EQ(detect_format(testing::read_text(testing::data_path("ktab/dummyData_3Dim.csv"))), InputFormat::ktab_csv);
  EXPECT_EQ(detect_format(testing::read_text(testing::data_path("ktab/SOE-Policy.csv"))), InputFormat::ktab_csv);
}

const std::string kGood = "S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20,50\nB,b,5,80,40\n";

TEST(KtabCsv, BadCellsNameLineAndColumn) {
  EXPECT_NO_THROW(ktab(kGood));
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20,50\nB,b,-5,80,40\n"); }, 4, 5,
                     "B Influence", "greater than 0");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,120,50\nB,b,5,80,40\n"); }, 3, 8,
                     "A P Position", "within [0, 100]");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20,150\nB,b,5,80,40\n"); }, 3, 11,
                     "A P Salience", "within [0, 100]");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,x,50\nB,b,5,80,40\n"); }, 3, 8,
                     "A P Position", "a number");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,nan,50\nB,b,5,80,40\n"); }, 3, 8,
                     "A P Position", "a finite number");
  expect_input_error([] { ktab("S,desc,3,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20,50\nB,b,5,80,40\n"); }, 1, 8,
                     "nActors", "one row per actor");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20,50\nA,b,5,80,40\n"); }, 4, 1,
                     "Actor", "unique actor names");
  expect_input_error([] { ktab("S,desc,2,1\nActor,Description,Influence,P Position,P Salience\nA,a,10,20\nB,b,5,80,40\n"); }, 3, 0 + 8,
                     "actor row", "5 cells");
  expect_input_error(
      [] { ktab("S,desc,1,2\nActor,Description,Influence,P Position,P Salience,Q Position,Q Salience\nA,a,10,20,60,30,50\n"); }, 3, 11,
      "A saliences", "at most 100");
  expect_input_error([] { ktab("S,\"desc,2,1\n"); }, 1, 3, "", "a closing");
  expect_input_error([] { ktab("S,desc,two,1\nActor,x\n"); }, 1, 8, "nActors", "a number");
}

}  // namespace
}  // namespace parley
