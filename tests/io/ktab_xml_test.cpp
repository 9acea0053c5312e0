// KTAB's SMP XML: what it reads, and where it says a file is wrong.
#include <gtest/gtest.h>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::data_path;
using testing::expect_input_error;
using testing::read_text;

Scenario read_xml(const std::string& text) { return read_scenario_text(text, "test.xml"); }

const std::string kSmall = R"(<?xml version="1.0"?>
<Scenario>
  <name>Small</name>
  <desc>three actors</desc>
  <prngSeed>12</prngSeed>
  <ModelParameters><PCEModel>MarkovUniform</PCEModel></ModelParameters>
  <Dimensions><dName>Tax</dName><dName>Spend</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>x</description><capability>10</capability>
      <Position><dCoord>10</dCoord><dCoord>20</dCoord></Position><Salience><dSal>30</dSal><dSal>40</dSal></Salience></Actor>
    <Actor><name>B</name><description>y</description><capability>20</capability>
      <Position><dCoord>90</dCoord><dCoord>50</dCoord></Position><Salience><dSal>50</dSal><dSal>10</dSal></Salience></Actor>
    <Actor><name>C</name><description>z</description><capability>5</capability>
      <Position><dCoord>40</dCoord><dCoord>70</dCoord></Position><Salience><dSal>20</dSal><dSal>20</dSal></Salience></Actor>
  </Actors>
  <IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>0.8</adjust></iaPair></IdealAdjustment>
</Scenario>
)";

TEST(KtabXml, ReadsActorsDimensionsParametersSeedAndIdealAdjustment) {
  const Scenario s = read_xml(kSmall);
  EXPECT_EQ(detect_format(kSmall), InputFormat::ktab_xml);
  EXPECT_EQ(s.metadata.title, "Small");
  ASSERT_EQ(s.issues().size(), 2u);
  EXPECT_EQ(s.issue(0).id, "tax");
  EXPECT_EQ(s.issue(1).label, "Spend");
  ASSERT_EQ(s.actors().size(), 3u);
  EXPECT_EQ(s.actor(1).capability.point(), 20);
  EXPECT_EQ(s.stance(1, 2).position->point(), 70);
  EXPECT_DOUBLE_EQ(s.stance(0, 1).salience->point(), 0.5);
  EXPECT_EQ(s.model_options.at("smp").at("seed"), "12");
  EXPECT_EQ(s.model_options.at("smp").at("pce"), "MarkovUniform");
  ASSERT_EQ(s.ideal_adjustments.size(), 1u);
  EXPECT_EQ(s.ideal_adjustments[0].rate, 0.8);
}

TEST(KtabXml, ReadsTheShippedExample) {
  const Scenario s = read_scenario_file(data_path("ktab/smpExample-fixed.xml"));
  EXPECT_EQ(s.actors().size(), 5u);
  EXPECT_EQ(s.issues().size(), 3u);
  EXPECT_EQ(s.ideal_adjustments.size(), 6u);
  EXPECT_EQ(s.model_options.at("smp").at("transitions"), "Stochastic");
  EXPECT_EQ(s.model_options.at("smp").at("seed"), "3507583219545544127");
}

TEST(KtabXml, TheShippedExampleWithAnEmptyCoordinateIsRefusedWhereItIsEmpty) {
  expect_input_error([] { read_scenario_file(data_path("ktab/smpExample.xml")); }, 32, 9, "Actor[1]/Position/dCoord[1]",
                     "a number in [0, 100]");
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(KtabXml, BadInputNamesLineColumnAndField) {
  expect_input_error([] { read_xml(replace(kSmall, "<dCoord>90</dCoord>", "<dCoord>190</dCoord>")); }, 12, 17,
                     "Actor[2]/Position/dCoord[1]", "[0, 100]");
  expect_input_error([] { read_xml(replace(kSmall, "<PCEModel>MarkovUniform</PCEModel>", "<PCE>x</PCE>")); }, 6, 20, "ModelParameters/PCE",
                     "VictoryProbModel, PCEModel");
  expect_input_error([] { read_xml(replace(kSmall, "MarkovUniform", " ")); }, 6, 20, "ModelParameters/PCEModel", "a value");
  expect_input_error([] { read_xml(replace(kSmall, "<PCEModel>", "<PCE>")); }, 0, 0, "", "well-formed");
  expect_input_error([] { read_xml(replace(kSmall, "<referencePos>A<", "<referencePos>Z<")); }, 16, 62, "iaPair[1]/referencePos",
                     "an actor of this scenario");
  expect_input_error([] { read_xml(replace(kSmall, "<adjust>0.8<", "<adjust>1.8<")); }, 16, 92, "iaPair[1]/adjust", "[0, 1]");
  expect_input_error([] { read_xml(replace(kSmall, "<dSal>50</dSal><dSal>10</dSal>", "<dSal>90</dSal><dSal>20</dSal>")); }, 12, 66,
                     "Actor[2]/Salience", "at most 100");
  expect_input_error([] { read_xml(replace(kSmall, "<dCoord>40</dCoord>", "")); }, 14, 7, "Actor[3]/Position", "one per dimension");
  expect_input_error([] { read_xml(replace(kSmall, "<prngSeed>12<", "<prngSeed>-3<")); }, 5, 3, "prngSeed", "whole number");
  expect_input_error([] { read_xml(replace(kSmall, "<capability>5<", "<capability>0<")); }, 13, 54, "Actor[3]/capability",
                     "greater than 0");
  expect_input_error([] { read_xml(replace(kSmall, "<name>B</name>", "<name>A</name>")); }, 11, 12, "Actor[2]/name", "unique");
  expect_input_error([] { read_xml("<Other/>"); }, 1, 1, "Scenario", "KTAB SMP scenario");
}

TEST(KtabXml, KeepsModelParametersAsWrittenAndWhereTheyAre) {
  // Their values are the smp model's to check (check_scenario_options, Model::run;
  // tests/models/model_contract_test.cpp), at the place recorded here.
  const Scenario s = read_xml(replace(kSmall, "MarkovUniform", "Markov"));
  EXPECT_EQ(s.model_options.at("smp").at("pce"), "Markov");
  const OptionOrigin& pce = s.model_option_origins.at("smp").at("pce");
  EXPECT_EQ(pce.where.file, "test.xml");
  EXPECT_EQ(pce.where.line, 6);
  EXPECT_EQ(pce.where.column, 20);
  EXPECT_EQ(pce.field, "Scenario/ModelParameters/PCEModel");
  const OptionOrigin& seed = s.model_option_origins.at("smp").at("seed");
  EXPECT_EQ(seed.where.line, 5);
  EXPECT_EQ(seed.where.column, 3);
  EXPECT_EQ(seed.field, "Scenario/prngSeed");
}

TEST(KtabXml, RowsOfIdealAdjustmentMustNotExceedOne) {
  // B's own weight stays 1 unless given, so an extra pair toward A pushes B's row above 1.
  const std::string bad =
      replace(kSmall, "</IdealAdjustment>",
              "<iaPair><adjustingIdeal>B</adjustingIdeal><referencePos>A</referencePos><adjust>0.1</adjust></iaPair></IdealAdjustment>");
  expect_input_error([&] { read_xml(bad); }, 0, 0, "ideal_adjustment.B", "at most 1");
}

}  // namespace
}  // namespace parley
