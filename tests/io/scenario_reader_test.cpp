// The scenario format v1, good and bad, in YAML and JSON.
#include <gtest/gtest.h>

#include "parley/io.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

Scenario yaml(const std::string& text) { return read_scenario_text(text, "case.yaml", {InputFormat::yaml, {}}); }
Scenario json(const std::string& text) { return read_scenario_text(text, "case.json", {InputFormat::json, {}}); }

// Line numbers below count from the first line of this text.
const std::string kHead = R"(parley: 1
metadata:
  title: T
  sources:
    - {id: s1, title: Source one}
issues:
  - id: i1
    scale: {min: 0, max: 10}
    status_quo: 2
)";
// Actors start at line 10.
std::string with_actors(const std::string& actors_and_positions) { return kHead + actors_and_positions; }
const std::string kActors = R"(actors:
  - id: a1
    capability: 3
  - id: a2
    capability: 1
)";
// Positions start at line 15.

TEST(ScenarioReader, ReadsEveryFieldOfAGoodScenario) {
  const Scenario s = yaml(with_actors(R"Y(actors:
  - {id: a1, name: Actor one, kind: leader, capability: {value: 3, source: {ref: s1, note: p. 2}}, group: g, risk: -0.5}
  - {id: a2, capability: "triangular(1, 2, 4)"}
positions:
  a1:
    i1: {position: "normal(4, 1)", salience: [0.4, 0.6], source: s1}
  a2:
    i1: {position: 8}
)Y"));
  ASSERT_EQ(s.actors().size(), 2u);
  EXPECT_EQ(s.actor(0).name, "Actor one");
  EXPECT_EQ(s.actor(0).kind, ActorKind::leader);
  EXPECT_EQ(s.actor(0).group, "g");
  EXPECT_EQ(s.actor(0).risk->point(), -0.5);
  EXPECT_EQ(s.actor(0).capability.point(), 3);
  ASSERT_GE(s.actor(0).capability.citation, 0);
  EXPECT_EQ(s.citations[s.actor(0).capability.citation].note, "p. 2");
  EXPECT_EQ(s.actor(1).name, "a2");
  EXPECT_EQ(s.actor(1).capability.value.kind(), Uncertain::Kind::triangular);
  EXPECT_EQ(s.issue(0).label, "i1");
  EXPECT_EQ(s.issue(0).scale.max, 10);
  EXPECT_EQ(s.issue(0).status_quo->point(), 2);
  EXPECT_EQ(s.stance(0, 0).position->value, Uncertain::normal(4, 1));
  EXPECT_EQ(s.stance(0, 0).salience->value, Uncertain::range(0.4, 0.6));
  EXPECT_GE(s.stance(0, 0).salience->citation, 0);
  EXPECT_TRUE(s.stance(0, 1).position);
  EXPECT_FALSE(s.stance(0, 1).salience);
}

TEST(ScenarioReader, YamlAndJsonGiveTheSameScenario) {
  const Scenario a = read_scenario_file(testing::source_path("scenarios/examples/arms-control.yaml"));
  const Scenario b = read_scenario_file(testing::source_path("scenarios/examples/arms-control.json"));
  ASSERT_EQ(a.actors().size(), b.actors().size());
  ASSERT_EQ(a.issues().size(), b.issues().size());
  EXPECT_EQ(a.metadata.title, b.metadata.title);
  ASSERT_EQ(a.outcome_classes.size(), 3u);
  ASSERT_EQ(b.outcome_classes.size(), 3u);
  for (std::size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(a.outcome_classes[c].name, b.outcome_classes[c].name);
    EXPECT_EQ(a.outcome_classes[c].expression, b.outcome_classes[c].expression);
    EXPECT_EQ(a.outcome_classes[c].label, b.outcome_classes[c].label);
  }
  for (std::size_t i = 0; i < a.issues().size(); ++i)
    for (std::size_t k = 0; k < a.actors().size(); ++k) {
      EXPECT_EQ(a.stance(i, k).position.has_value(), b.stance(i, k).position.has_value());
      if (a.stance(i, k).position) {
        EXPECT_EQ(a.stance(i, k).position->value, b.stance(i, k).position->value);
      }
      EXPECT_EQ(a.stance(i, k).salience.has_value(), b.stance(i, k).salience.has_value());
    }
}

struct BadCase {
  const char* name;
  std::string text;
  int line, column;
  const char* field;
  const char* expected;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class BadYaml : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadYaml, NamesFileLineColumnFieldAndExpectation) {
  const BadCase& c = GetParam();
  expect_input_error([&] { yaml(c.text); }, c.line, c.column, c.field, c.expected);
}

const std::string kPositions = "positions:\n  a1:\n    i1: {position: 4, salience: 0.5}\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, BadYaml,
    ::testing::Values(
        BadCase{"unknown_key", with_actors("actors:\n  - id: a1\n    capability: 3\n    colour: red\n"), 13, 5, "actors[0].colour",
                "one of: id, name"},
        BadCase{"unknown_top_key", kHead + "actor:\n  - id: a1\n", 10, 1, "actor", "one of: parley, metadata"},
        BadCase{"duplicate_actor_id", with_actors("actors:\n  - {id: a1, capability: 1}\n  - {id: a1, capability: 2}\n"), 12, 10,
                "actors[1].id", "unique actor ids"},
        BadCase{"duplicate_issue_id", "metadata: {title: T}\nissues:\n  - id: i1\n  - id: i1\nactors:\n  - {id: a, capability: 1}\n", 4, 9,
                "issues[1].id", "unique issue ids"},
        BadCase{"duplicate_key", with_actors("actors:\n  - id: a1\n    capability: 3\n    capability: 4\n"), 13, 5, "actors[0].capability",
                "each key once"},
        BadCase{"undefined_actor", with_actors(kActors + "positions:\n  zz:\n    i1: {position: 4}\n"), 16, 3, "positions.zz",
                "an actor in 'actors'"},
        BadCase{"duplicate_stance", with_actors(kActors + "positions:\n  a1:\n    i1: {position: 4}\n    i1: {position: 5}\n"), 18, 5,
                "positions.a1.i1", "each issue once"},
        BadCase{"duplicate_actor_stances", with_actors(kActors + "positions:\n  a1: {}\n  a1: {}\n"), 17, 3, "positions.a1",
                "each actor once"},
        BadCase{"stance_unknown_key", with_actors(kActors + "positions:\n  a1:\n    i1: {position: 4, weight: 1}\n"), 17, 23,
                "positions.a1.i1.weight", "one of: position"},
        BadCase{"undefined_issue", with_actors(kActors + "positions:\n  a1:\n    i9: {position: 4}\n"), 17, 5, "positions.a1.i9",
                "an issue in 'issues'"},
        BadCase{"undefined_source", with_actors("actors:\n  - id: a1\n    capability: {value: 3, source: s9}\n"), 12, 36,
                "actors[0].capability.source", "metadata.sources"},
        BadCase{"position_outside_scale", with_actors(kActors + "positions:\n  a1:\n    i1: {position: 11, salience: 0.5}\n"), 17, 20,
                "positions.a1.i1.position", "within [0, 10]"},
        BadCase{"range_outside_scale", with_actors(kActors + "positions:\n  a1:\n    i1: {position: [5, 12]}\n"), 17, 20,
                "positions.a1.i1.position", "within [0, 10]"},
        BadCase{"status_quo_outside_scale",
                "metadata: {title: T}\nissues:\n  - {id: i1, status_quo: 101}\nactors:\n  - {id: a, capability: 1}\n", 3, 26,
                "issues[0].status_quo", "within [0, 100]"},
        BadCase{"salience_above_one", with_actors(kActors + "positions:\n  a1:\n    i1: {position: 4, salience: 1.2}\n"), 17, 33,
                "positions.a1.i1.salience", "within [0, 1]"},
        BadCase{"salience_negative", with_actors(kActors + "positions:\n  a1:\n    i1: {position: 4, salience: -0.1}\n"), 17, 33,
                "salience", "within [0, 1]"},
        BadCase{"capability_negative", with_actors("actors:\n  - id: a1\n    capability: -3\n"), 12, 17, "actors[0].capability",
                "greater than 0"},
        BadCase{"capability_zero", with_actors("actors:\n  - id: a1\n    capability: 0\n"), 12, 17, "actors[0].capability",
                "greater than 0"},
        BadCase{"capability_missing", with_actors("actors:\n  - id: a1\n"), 11, 5, "actors[0].capability", "a value for 'capability'"},
        BadCase{"nan", with_actors("actors:\n  - id: a1\n    capability: .nan\n"), 12, 17, "actors[0].capability", "a finite number"},
        BadCase{"infinity", with_actors(kActors + "positions:\n  a1:\n    i1: {position: .inf}\n"), 17, 20, "positions.a1.i1.position",
                "a finite number"},
        BadCase{"overflow", with_actors("actors:\n  - id: a1\n    capability: 1e999\n"), 12, 17, "actors[0].capability", "a finite number"},
        BadCase{"nan_in_distribution", with_actors("actors:\n  - id: a1\n    capability: normal(nan, 1)\n"), 12, 17, "actors[0].capability",
                "a finite number"},
        BadCase{"wrong_type_string", with_actors("actors:\n  - id: a1\n    capability: high\n"), 12, 17, "actors[0].capability",
                "a number, [low, high]"},
        BadCase{"wrong_type_quoted_number", with_actors("actors:\n  - id: a1\n    capability: \"3\"\n"), 12, 17, "actors[0].capability",
                "a number"},
        BadCase{"wrong_type_list", "metadata: {title: T}\nissues: {id: i1}\n", 2, 9, "issues", "a list of issues"},
        BadCase{"wrong_type_scale", "metadata: {title: T}\nissues:\n  - {id: i1, scale: {min: a, max: 1}}\n", 3, 27, "issues[0].scale.min",
                "a number"},
        BadCase{"scale_reversed", "metadata: {title: T}\nissues:\n  - {id: i1, scale: {min: 5, max: 1}}\n", 3, 21, "issues[0].scale",
                "min < max"},
        BadCase{"range_reversed", with_actors("actors:\n  - id: a1\n    capability: [5, 2]\n"), 12, 17, "actors[0].capability",
                "low <= high"},
        BadCase{"range_three_items", with_actors("actors:\n  - id: a1\n    capability: [1, 2, 3]\n"), 12, 17, "actors[0].capability",
                "[low, high]"},
        BadCase{"distribution_arity", with_actors("actors:\n  - id: a1\n    capability: normal(1)\n"), 12, 17, "actors[0].capability",
                "normal(two numbers)"},
        BadCase{"triangular_unordered", with_actors("actors:\n  - id: a1\n    capability: triangular(3, 1, 2)\n"), 12, 17,
                "actors[0].capability", "low <= mode <= high"},
        BadCase{"unknown_kind", with_actors("actors:\n  - {id: a1, kind: king, capability: 1}\n"), 11, 20, "actors[0].kind",
                "one of: leader"},
        BadCase{"risk_outside", with_actors("actors:\n  - {id: a1, capability: 1, risk: 2}\n"), 11, 35, "actors[0].risk", "within [-1, 1]"},
        BadCase{"bad_id", with_actors("actors:\n  - {id: a b, capability: 1}\n"), 11, 10, "actors[0].id", "non-empty id"},
        BadCase{"empty_issues", "metadata: {title: T}\nissues: []\nactors: []\n", 2, 9, "issues", "at least one issue"},
        BadCase{"missing_title", "metadata: {}\nissues: []\n", 1, 11, "metadata.title", "a value for 'title'"},
        BadCase{"malformed_yaml", "metadata: {title: T\nissues: [\n", 2, 7, "", "well-formed YAML"},
        BadCase{"bad_indentation", "metadata:\n  title: T\n issues: 1\n", 3, 2, "", "well-formed YAML"},
        BadCase{"alias", "metadata: &m {title: T}\nother: *m\n", 2, 8, "", "no anchors or aliases"},
        BadCase{"two_documents", "metadata: {title: T}\n---\nmetadata: {title: U}\n", 2, 1, "", "one document per file"},
        BadCase{"top_level_list", "- 1\n- 2\n", 1, 1, "", "a mapping with metadata"},
        BadCase{"version", "parley: 2\nmetadata: {title: T}\n", 1, 9, "parley", "1 (the only version"},
        BadCase{"empty", "", 0, 0, "", "a scenario"}, BadCase{"only_comments", "# nothing\n", 0, 0, "", "a scenario"}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

TEST(ScenarioReader, DeepNestingIsRejectedNotRecursed) {
  std::string deep = "metadata: ";
  for (int k = 0; k < 100000; ++k) deep += "[";
  expect_input_error([&] { yaml(deep); }, 1, 74, "", "a flatter document");
  std::string deep_json = "{\"metadata\": ";
  for (int k = 0; k < 100000; ++k) deep_json += "[";
  expect_input_error([&] { json(deep_json); }, 0, 0, "", "");
}

const std::string kJson = R"({"parley": 1,
 "metadata": {"title": "T", "sources": [{"id": "s1", "title": "S"}]},
 "issues": [{"id": "i1", "scale": {"min": 0, "max": 10}}],
 "actors": [{"id": "a1", "capability": 3}],
 "positions": {"a1": {"i1": {"position": 4, "salience": 0.5}}}
})";

TEST(ScenarioReaderJson, ReadsTheSameSchema) {
  const Scenario s = json(kJson);
  EXPECT_EQ(s.stance(0, 0).position->point(), 4);
  EXPECT_EQ(s.stance(0, 0).salience->point(), 0.5);
}

TEST(ScenarioReaderJson, BadInputNamesLineAndColumn) {
  auto replaced = [](std::string from, std::string to) {
    std::string t = kJson;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  expect_input_error([&] { json(replaced("\"capability\": 3", "\"capability\": 3, \"colour\": 1")); }, 4, 43, "actors[0].colour",
                     "one of: id");
  expect_input_error([&] { json(replaced("\"capability\": 3", "\"capability\": -3")); }, 4, 40, "actors[0].capability", "greater than 0");
  expect_input_error([&] { json(replaced("\"capability\": 3", "\"capability\": \"3\"")); }, 4, 40, "actors[0].capability", "a number");
  expect_input_error([&] { json(replaced("\"capability\": 3", "\"capability\": 1e999")); }, 4, 40, "actors[0].capability",
                     "a finite number");
  expect_input_error([&] { json(replaced("\"salience\": 0.5", "\"salience\": 2")); }, 5, 57, "positions.a1.i1.salience", "within [0, 1]");
  expect_input_error([&] { json(replaced("{\"a1\": {\"i1\"", "{\"zz\": {\"i1\"")); }, 5, 16, "positions.zz", "an actor in 'actors'");
  expect_input_error([&] { json(replaced("\"capability\": 3", "\"capability\": NaN")); }, 0, 0, "", "well-formed JSON");
  expect_input_error([&] { json(replaced("\"capability\": 3}", "\"capability\": 3")); }, 0, 0, "", "well-formed JSON");
  expect_input_error([&] { json(kJson + " {}"); }, 6, 3, "", "a single JSON value");
  expect_input_error([&] { json("   \n"); }, 0, 0, "", "a scenario");
  expect_input_error([&] { json("[1, 2]"); }, 1, 1, "", "a mapping with metadata");
}

}  // namespace
}  // namespace parley
