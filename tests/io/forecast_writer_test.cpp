#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "parley/parley.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

Scenario example() { return read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml")); }

TEST(ForecastWriter, JsonFollowsTheVersionedSchema) {
  const Scenario s = example();
  Forecast f = find_model("compromise")->run(s, {});
  RoundRecord start;
  start.positions = {1.0, 2.0, std::nan(""), 4.0, 5.0};
  start.median = 2;
  start.mean = 3;
  f.issues[0].rounds = {start};
  std::ostringstream out;
  write_forecast(out, s, f, OutputFormat::json);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["schema"], "parley.forecast/1");
  EXPECT_EQ(j["model"], "compromise");
  EXPECT_EQ(j["actors"].size(), 5u);
  ASSERT_EQ(j["issues"].size(), 3u);
  EXPECT_EQ(j["issues"][0]["id"], "warhead-cap");
  EXPECT_DOUBLE_EQ(j["issues"][0]["outcome"].get<double>(), *f.issues[0].outcome);
  EXPECT_EQ(j["issues"][0]["status_quo"], 55);
  EXPECT_TRUE(j["issues"][2]["status_quo"].is_null());
  EXPECT_EQ(j["issues"][0]["rounds"][0]["round"], 0);
  EXPECT_EQ(j["issues"][0]["rounds"][0]["median"], 2);
  EXPECT_TRUE(j["issues"][0]["rounds"][0]["positions"][2].is_null());
  EXPECT_FALSE(j["issues"][1].contains("rounds"));
}

TEST(ForecastWriter, CsvAndTable) {
  const Scenario s = example();
  const Forecast f = find_model("nbs")->run(s, {});
  std::ostringstream csv, table;
  write_forecast(csv, s, f, OutputFormat::csv);
  write_forecast(table, s, f, OutputFormat::table);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')), "issue,label,outcome,status_quo,scale_min,scale_max,note");
  EXPECT_NE(csv.str().find("sanctions-link,Linkage to sanctions relief,,,0,100,no status quo"), std::string::npos);
  EXPECT_NE(table.str().find("On-site verification"), std::string::npos);
  EXPECT_NE(table.str().find("note: no status quo"), std::string::npos);
}

TEST(WriteFileAtomically, WritesWholeFilesOnly) {
  const auto path = std::filesystem::temp_directory_path() / "parley-atomic-test.txt";
  write_file_atomically(path.string(), "hello\n");
  EXPECT_EQ(testing::read_text(path.string()), "hello\n");
  std::filesystem::remove(path);
  EXPECT_THROW(write_file_atomically("/nonexistent-dir/x.txt", "x"), OutputError);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent-dir/x.txt"));
}

}  // namespace
}  // namespace parley
