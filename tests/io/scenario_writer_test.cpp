// The scenario writer (scenario_to_json, scenario_to_yaml): every scenario file in the repository,
// in every format, reads back the same after writing; writing is deterministic and a fixed point;
// the keys format v1 gained for it (stance capability, ideal_adjustments, model_options) read as
// documented.
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "io/scenario_compare.hpp"
#include "parley/io.hpp"
#include "parley/model.hpp"
#include "parley/output.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::data_path;
using testing::expect_input_error;
using testing::expect_same_scenario;
using testing::source_path;

struct Input {
  std::string path;  // under the source tree
  DeuCapability capability = DeuCapability::equal;
};

void PrintTo(const Input& in, std::ostream* os) { *os << in.path << " (" << to_string(in.capability) << ")"; }

std::vector<Input> inputs() {
  std::vector<Input> out;
  for (const char* p : {"scenarios/us-russia.yaml", "scenarios/examples/arms-control.yaml", "scenarios/examples/arms-control.json",
                        "scenarios/examples/ec1994-emissions.yaml"})
    out.push_back({p});
  for (const char* p : {"dummyData-a040.csv", "dummyData-a080.csv", "dummyData-a160.csv", "dummyData_3Dim.csv", "dummyData_6Dim.csv",
                        "SOE-Policy.csv", "SOE-Competitive.csv", "SOE-Pol-Comp.csv", "smpExample-fixed.xml", "dummyData_3Dim-fixed.xml"})
    out.push_back({std::string("tests/data/ktab/") + p});
  for (const DeuCapability c : {DeuCapability::equal, DeuCapability::gdp, DeuCapability::council})
    out.push_back({"tests/data/deu3/deu3-dev.tsv", c});
  for (const char* p : {"sample_data.txt", "cop21.csv"}) out.push_back({std::string("tests/data/decide/") + p});
  return out;
}

Scenario read(const Input& in) { return read_scenario_file(source_path(in.path), {InputFormat::automatic, in.capability}); }

class ScenarioWriterFiles : public ::testing::TestWithParam<Input> {};

// Lossless through JSON, compact JSON and YAML; deterministic; and a fixed point: writing what was
// read from a written document gives the same bytes.
TEST_P(ScenarioWriterFiles, RoundTripsThroughJsonAndYaml) {
  const Scenario s = read(GetParam());
  const std::string json = scenario_to_json(s);
  const std::string yaml = scenario_to_yaml(s);
  EXPECT_EQ(detect_format(json), InputFormat::json);
  EXPECT_EQ(detect_format(yaml), InputFormat::yaml);
  const Scenario from_json = read_scenario_text(json, "written.json");
  const Scenario from_yaml = read_scenario_text(yaml, "written.yaml");
  {
    SCOPED_TRACE("json");
    expect_same_scenario(s, from_json);
  }
  {
    SCOPED_TRACE("compact json");
    expect_same_scenario(s, read_scenario_text(scenario_to_json(s, -1), "written.json"));
  }
  {
    SCOPED_TRACE("yaml");
    expect_same_scenario(s, from_yaml);
  }
  EXPECT_EQ(scenario_to_json(s), json);
  EXPECT_EQ(scenario_to_json(from_json), json);
  EXPECT_EQ(scenario_to_json(from_yaml), json);
  EXPECT_EQ(scenario_to_yaml(from_json), yaml);
}

std::string input_name(const ::testing::TestParamInfo<Input>& p) {
  return testing::readable_name(std::filesystem::path(p.param.path).filename().string() + "_" + to_string(p.param.capability));
}

INSTANTIATE_TEST_SUITE_P(Repository, ScenarioWriterFiles, ::testing::ValuesIn(inputs()), input_name);

// What the importers alone could set (KTAB XML's model options and ideal adjustments, DEU III's
// Council capabilities) still drives the models after writing: every model forecasts the written
// scenario exactly as the original.
TEST(ScenarioWriter, ModelsForecastTheWrittenScenarioAsTheOriginal) {
  const std::pair<Input, const char*> cases[] = {{{"tests/data/ktab/smpExample-fixed.xml"}, "smp"},
                                                 {{"tests/data/deu3/deu3-dev.tsv", DeuCapability::council}, "compromise"}};
  for (const auto& [in, model] : cases) {
    SCOPED_TRACE(in.path + " " + model);
    const Scenario original = read(in);
    const Scenario written = read_scenario_text(scenario_to_yaml(original), "written.yaml");
    std::ostringstream a, b;
    write_forecast(a, original, find_model(model)->run(original, {}), OutputFormat::json);
    write_forecast(b, written, find_model(model)->run(written, {}), OutputFormat::json);
    EXPECT_EQ(a.str(), b.str());
  }
}

// Every file under scenarios/ and tests/data/ that parley reads is in the list above, so that a new
// scenario file gets its round trip.
TEST(ScenarioWriter, EveryReadableFileOfTheRepositoryIsTested) {
  std::vector<std::string> listed;
  for (const Input& in : inputs()) listed.push_back(in.path);
  for (const char* dir : {"scenarios", "tests/data"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path(dir))) {
      if (!entry.is_regular_file()) continue;
      const std::string rel = std::filesystem::relative(entry.path(), source_path("")).generic_string();
      bool readable = true;
      try {
        read_scenario_file(entry.path().string());
      } catch (const Error&) {
        readable = false;
      }
      if (readable) {
        EXPECT_NE(std::find(listed.begin(), listed.end(), rel), listed.end()) << rel << " reads but is not round-tripped";
      }
    }
  }
}

TEST(ScenarioWriter, CompactJsonIsOneLine) {
  const std::string json = scenario_to_json(read({"scenarios/examples/arms-control.yaml"}), -1);
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_EQ(json.substr(0, 12), "{\"parley\":1,");
}

TEST(ScenarioWriter, YamlQuotesEveryStringAndKeepsNumbersPlain) {
  Scenario s;
  s.metadata.title = "yes";
  s.metadata.description = " leading: and # not a comment\nsecond line";
  s.metadata.date = "1.0";
  Issue issue;
  issue.id = "null";
  issue.label = "null";
  issue.outcome = 0.1;
  s.add_issue(issue);
  s.add_actor({"1e5", "~", ActorKind::public_, {Uncertain::normal(1e-300, 5e-324), -1}, "true", std::nullopt});
  s.stance(0, 0).position = Parameter{Uncertain::point(-0.0), -1};
  const std::string yaml = scenario_to_yaml(s);
  EXPECT_NE(yaml.find("title: \"yes\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("date: \"1.0\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\"null\":"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\"1e5\":"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("outcome: 0.1\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("capability: \"normal(1e-300, 5e-324)\""), std::string::npos) << yaml;
  expect_same_scenario(s, read_scenario_text(yaml, "written.yaml"));
  expect_same_scenario(s, read_scenario_text(scenario_to_json(s), "written.json"));
}

// The keys format v1 gained for the writer.
constexpr const char* kBase = R"(parley: 1
metadata: {title: t, sources: [{id: r, title: R}]}
issues: [{id: i}, {id: j}]
actors: [{id: a, capability: 1}, {id: b, capability: 2}]
)";

TEST(ScenarioWriter, StanceCapabilityReadsWithItsSource) {
  const Scenario s = read_scenario_text(std::string(kBase) + R"y(positions:
  a: {i: {position: 10, salience: 0.5, capability: "normal(3, 1)", source: r}, j: {position: 5}}
)y",
                                        "x.yaml");
  ASSERT_TRUE(s.stance(0, 0).capability);
  EXPECT_EQ(s.stance(0, 0).capability->value, Uncertain::normal(3, 1));
  EXPECT_GE(s.stance(0, 0).capability->citation, 0);
  EXPECT_FALSE(s.stance(1, 0).capability);
  expect_input_error([] { read_scenario_text(std::string(kBase) + "positions:\n  a: {i: {position: 10, capability: 0}}\n", "x.yaml"); }, 6,
                     37, "positions.a.i.capability", "greater than 0");
  expect_input_error([] { read_scenario_text(std::string(kBase) + "positions:\n  a: {i: {position: 10, weight: 1}}\n", "x.yaml"); }, 6, 25,
                     "positions.a.i.weight", "position, salience, capability, source");
}

TEST(ScenarioWriter, IdealAdjustmentsRead) {
  const Scenario s = read_scenario_text(
      std::string(kBase) + "ideal_adjustments:\n  - {actor: a, toward: a, rate: 0.25}\n  - {actor: a, toward: b, rate: 0.75}\n", "x.yaml");
  ASSERT_EQ(s.ideal_adjustments.size(), 2u);
  EXPECT_EQ(s.ideal_adjustments[1].actor, 0u);
  EXPECT_EQ(s.ideal_adjustments[1].toward, 1u);
  EXPECT_EQ(s.ideal_adjustments[1].rate, 0.75);
  expect_input_error([] { read_scenario_text(std::string(kBase) + "ideal_adjustments: [{actor: a, toward: c, rate: 0.5}]\n", "x.yaml"); },
                     5, 40, "ideal_adjustments[0].toward", "the id of an actor");
  expect_input_error([] { read_scenario_text(std::string(kBase) + "ideal_adjustments: [{actor: a, toward: a, rate: 1.5}]\n", "x.yaml"); },
                     5, 49, "ideal_adjustments[0].rate", "[0, 1]");
}

TEST(ScenarioWriter, ModelOptionsReadWithTheirPlaces) {
  const Scenario s = read_scenario_text(std::string(kBase) + "model_options:\n  smp: {seed: 7, victory: \"square\"}\n", "x.yaml");
  ASSERT_EQ(s.model_options.count("smp"), 1u);
  EXPECT_EQ(s.model_options.at("smp").at("seed"), "7");
  EXPECT_EQ(s.model_options.at("smp").at("victory"), "square");
  const OptionOrigin& at = s.model_option_origins.at("smp").at("seed");
  EXPECT_EQ(at.where.line, 6);
  EXPECT_EQ(at.where.column, 15);
  EXPECT_EQ(at.field, "model_options.smp.seed");
  expect_input_error([] { read_scenario_text(std::string(kBase) + "model_options: {smp: [1]}\n", "x.yaml"); }, 5, 22, "model_options.smp",
                     "a mapping from option name");
  expect_input_error([] { read_scenario_text(std::string(kBase) + "options: {}\n", "x.yaml"); }, 5, 1, "options",
                     "events, ideal_adjustments, model_options");
}

// A mapping that repeats a key was read as two entries where the writer can write only one; such
// files are refused, as repeated keys are everywhere else.
TEST(ScenarioWriter, RepeatedKeysInChangesAndSidesAreRefused) {
  const std::string events = std::string(kBase) + "positions: {a: {i: {position: 1}}}\nevents:\n  - id: e\n    round: 2\n    changes:\n";
  expect_input_error(
      [&] { read_scenario_text(events + "      a: {capability: 2}\n      b: {capability: 3}\n      a: {capability: 4}\n", "x.yaml"); }, 12,
      7, "events[0].changes.a", "each actor once");
  expect_input_error([&] { read_scenario_text(events + "      a: {capability: 2, i: {position: 3}, capability: 4}\n", "x.yaml"); }, 10, 44,
                     "events[0].changes.a.capability", "each key once");
  expect_input_error([&] { read_scenario_text(events + "      a: {i: {position: 2}, i: {salience: 0.5}}\n", "x.yaml"); }, 10, 29,
                     "events[0].changes.a.i", "each key once");
  const std::string sides = std::string(kBase) + "sides:\n  s:\n    negotiator: a\n    ratifiers:\n";
  expect_input_error([&] { read_scenario_text(sides + "      b: {threshold: 0}\n      b: {threshold: 0.5}\n", "x.yaml"); }, 10, 7,
                     "sides.s.ratifiers.b", "each actor once");
  expect_input_error([&] { read_scenario_text(sides + "      b: {accepts: {i: {min: 1}, i: {max: 5}}}\n", "x.yaml"); }, 9, 34,
                     "sides.s.ratifiers.b.accepts.i", "each issue once");
}

}  // namespace
}  // namespace parley
