#include <gtest/gtest.h>

#include "io/importers.hpp"
#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

TEST(DeuTable, ReadsTheDevelopmentFile) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"));
  EXPECT_EQ(s.actors().size(), 30u);
  EXPECT_EQ(s.issues().size(), 239u);
  EXPECT_EQ(s.actor(0).id, "com");
  EXPECT_EQ(s.actor(29).id, "uk");
  EXPECT_EQ(s.actor(5).capability.point(), 1);  // equal by default
  const Issue& first = s.issue(0);
  EXPECT_EQ(first.id, "d00032i1");
  EXPECT_EQ(first.group, "d00032");
  EXPECT_EQ(*first.outcome, 100);
  EXPECT_EQ(first.status_quo->point(), 0);
  // Row 3: pcom 100 scom 50; Bulgaria (pbu) has no position and sits out.
  EXPECT_EQ(s.stance(0, 0).position->point(), 100);
  EXPECT_DOUBLE_EQ(s.stance(0, 0).salience->point(), 0.5);
  EXPECT_FALSE(s.stance(0, 4).position);
  std::size_t with_outcome = 0;
  for (const Issue& issue : s.issues()) with_outcome += issue.outcome.has_value();
  EXPECT_EQ(with_outcome, 230u);
}

TEST(DeuTable, GdpCapabilitiesFromTheSecondRow) {
  const Scenario s = read_scenario_file(testing::data_path("deu3/deu3-dev.tsv"), {InputFormat::automatic, DeuCapability::gdp});
  EXPECT_DOUBLE_EQ(s.actor(0).capability.point(), 4.1);   // Commission = Germany
  EXPECT_DOUBLE_EQ(s.actor(2).capability.point(), 0.48);  // Austria
  EXPECT_DOUBLE_EQ(s.actor(29).capability.point(), 2.64);
}

std::string header() {
  const char* codes[] = {"com", "ep", "at", "be", "bu", "cr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "el", "hu",
                         "ie",  "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "si", "sk", "es", "se", "uk"};
  std::string h = "\"isnr\"\t\"prnr\"\t\"prname\"";
  for (const char* c : codes) h += std::string("\t\"p") + c + "\"";
  for (const char* c : codes) h += std::string("\t\"s") + c + "\"";
  return h + "\t\"rp\"\t\"out\"\n";
}

std::string row(const std::string& id, const std::string& first_position, const std::string& rp) {
  std::string r = id + "\t\"p1\"\t\"name\"\t" + first_position;
  for (int k = 1; k < 30; ++k) r += "\t";
  r += "\t50";
  for (int k = 1; k < 30; ++k) r += "\t";
  return r + "\t" + rp + "\t40\n";
}

std::string gdp_row() {
  std::string r = "\t\t";
  for (int k = 0; k < 30; ++k) r += "\t1";
  for (int k = 0; k < 32; ++k) r += "\t";
  return r + "\n";
}

TEST(DeuTable, SmallTableAndItsErrors) {
  const std::string good = header() + gdp_row() + row("\"x1\"", "30", "0");
  const Scenario s = read_scenario_text(good, "t.tsv", {InputFormat::deu, DeuCapability::gdp});
  EXPECT_EQ(s.issues().size(), 1u);
  EXPECT_EQ(s.stance(0, 0).position->point(), 30);
  EXPECT_EQ(detect_format(good), InputFormat::deu);
  expect_input_error(
      [&] {
        read_scenario_text(header() + gdp_row() + row("\"x1\"", "130", "0"), "t.tsv", {InputFormat::deu, {}});
      },
      3, 18, "pcom", "within [0, 100]");
  expect_input_error(
      [&] {
        read_scenario_text(header() + gdp_row() + row("\"x1\"", "abc", "0"), "t.tsv", {InputFormat::deu, {}});
      },
      3, 18, "pcom", "a number");
  expect_input_error(
      [&] {
        read_scenario_text(header() + gdp_row() + row("\"x1\"", "1", "-4"), "t.tsv", {InputFormat::deu, {}});
      },
      3, 81, "rp", "within [0, 100]");
  expect_input_error(
      [&] {
        read_scenario_text(header() + gdp_row() + row("\"x1\"", "1", "0") + row("\"x1\"", "1", "0"), "t.tsv", {InputFormat::deu, {}});
      },
      4, 1, "isnr", "unique issue ids");
  expect_input_error(
      [&] {
        read_scenario_text(header() + gdp_row() + "\"x1\"\t1\n", "t.tsv", {InputFormat::deu, {}});
      },
      0, 0, "row", "like the header");
  std::string no_out = header();
  no_out.replace(no_out.find("\"out\""), 5, "\"res\"");
  expect_input_error([&] { read_scenario_text(no_out, "t.tsv", {InputFormat::deu, {}}); }, 1, 1, "header", "DEU III columns");
}

}  // namespace
}  // namespace parley
