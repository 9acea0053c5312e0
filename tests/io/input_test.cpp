#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

TEST(DetectFormat, FromContent) {
  EXPECT_EQ(detect_format("  {\"a\": 1}"), InputFormat::json);
  EXPECT_EQ(detect_format("\xEF\xBB\xBF{}"), InputFormat::json);
  EXPECT_EQ(detect_format("metadata:\n  title: x\n"), InputFormat::yaml);
  EXPECT_EQ(detect_format("S,d,1,1\nActor,Description,Influence,P,S\n"), InputFormat::ktab_csv);
  EXPECT_EQ(detect_format("\"isnr\"\t\"pcom\"\n"), InputFormat::deu);
  EXPECT_EQ(detect_format(testing::read_text(testing::source_path("scenarios/examples/arms-control.yaml"))), InputFormat::yaml);
}

TEST(InputFormatNames, RoundTrip) {
  for (const char* name : {"auto", "yaml", "json", "ktab-csv", "deu"}) EXPECT_STREQ(to_string(*input_format_from_string(name)), name);
  EXPECT_FALSE(input_format_from_string("xml"));
}

TEST(ReadScenarioFile, UnreadableEmptyAndDirectory) {
  expect_input_error([] { read_scenario_file("/nonexistent/file.yaml"); }, 0, 0, "", "a readable file");
  expect_input_error([] { read_scenario_file("/tmp"); }, 0, 0, "", "a readable file");
  const auto empty = parley::testing::removed_at_exit(std::filesystem::temp_directory_path() / "parley-empty-test.yaml");
  std::ofstream(empty) << "  \n";
  expect_input_error([&] { read_scenario_file(empty.string()); }, 0, 0, "", "a scenario");
  std::filesystem::remove(empty);
}

TEST(ReadScenarioFile, ForcedFormatWins) {
  const std::string path = testing::source_path("scenarios/examples/arms-control.yaml");
  expect_input_error([&] { read_scenario_file(path, {InputFormat::json, {}}); }, 0, 0, "", "well-formed JSON");
  expect_input_error([&] { read_scenario_file(path, {InputFormat::ktab_csv, {}}); }, 0, 0, "", "");
}

}  // namespace
}  // namespace parley
