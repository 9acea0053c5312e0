// The `events:` section: a good timeline, and every kind of bad one with its line and column.
#include <gtest/gtest.h>

#include "parley/io.hpp"
#include "parley/sampling.hpp"
#include "parley/timeline.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using testing::expect_input_error;

Scenario yaml(const std::string& text) { return read_scenario_text(text, "events.yaml", {InputFormat::yaml, {}}); }

// Events start at line 20, the first one at line 21.
const std::string kBase = R"(parley: 1
metadata:
  title: T
  sources:
    - {id: s1, title: Source one}
issues:
  - {id: i1, scale: {min: 0, max: 10}, status_quo: 2}
  - {id: i2, scale: {min: 0, max: 10}}
actors:
  - {id: a1, capability: 3}
  - {id: a2, capability: 1}
  - {id: a3, capability: 2}
positions:
  a1: {i1: {position: 1, salience: 0.5}, i2: {position: 9, salience: 0.5}}
  a2: {i1: {position: 8, salience: 1}}
  a3: {i1: {position: 5, salience: 1}}
outcomes:
  low: "i1 < 5"
  high: "i1 >= 5"
)";

TEST(EventReader, ReadsATimelineWithChangesJoinsAndLeaves) {
  const Scenario s = yaml(kBase + R"(events:
  - id: summit
    label: A summit
    date: 2025-08-15
    round: 2
    source: {ref: s1, note: "p. 3: the leaders meet"}
    changes:
      a1:
        capability: [2, 4]
        i1: {position: 3, salience: 0.8}
      a2:
        i2: {position: {value: 4, source: {ref: s1, note: p. 4}}, salience: 0.2}
  - id: election
    round: 4
    leave: [a1]
    join: [a3]
)");
  ASSERT_EQ(s.events.size(), 2u);
  const Event& e = s.events[0];
  EXPECT_EQ(e.id, "summit");
  EXPECT_EQ(e.label, "A summit");
  EXPECT_EQ(e.date, "2025-08-15");
  EXPECT_EQ(e.round, 2);
  ASSERT_EQ(e.changes.size(), 5u);
  EXPECT_EQ(e.changes[0].field, EventChange::Field::capability);
  EXPECT_EQ(e.changes[0].value.value.kind(), Uncertain::Kind::range);
  EXPECT_EQ(e.changes[1].field, EventChange::Field::position);
  EXPECT_EQ(e.changes[1].issue, 0u);
  EXPECT_EQ(e.changes[2].field, EventChange::Field::salience);
  // A change's own source wins; otherwise the event's.
  EXPECT_EQ(s.citations.at(static_cast<std::size_t>(e.changes[1].value.citation)).note, "p. 3: the leaders meet");
  EXPECT_EQ(s.citations.at(static_cast<std::size_t>(e.changes[3].value.citation)).note, "p. 4");
  EXPECT_EQ(s.events[1].leave, std::vector<std::size_t>{0});
  EXPECT_EQ(s.events[1].join, std::vector<std::size_t>{2});
  // a3 first joins, so it is absent at the start.
  EXPECT_EQ(presence_at_start(s), (std::vector<bool>{true, true, false}));
  // The event's uncertain capability is an input of sweeps, named after the event.
  const std::vector<UncertainInput> in = uncertain_inputs(s);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].name, "summit.a1.capability");
  EXPECT_EQ(&parameter_of(s, in[0]), &s.events[0].changes[0].value);
}

TEST(EventReader, ScenarioAtAStageAppliesTheEventsSoFar) {
  const Scenario s = yaml(kBase + R"(events:
  - {id: move, round: 1, changes: {a2: {i1: {position: 6}}}}
  - {id: swap, round: 3, leave: [a1], join: [a3]}
)");
  const Scenario start = scenario_at(s, 0), moved = scenario_at(s, 1), swapped = scenario_at(s, 2);
  EXPECT_TRUE(start.events.empty());
  EXPECT_EQ(start.stance(0, 1).position->point(), 8);
  EXPECT_FALSE(start.stance(0, 2).position.has_value());  // a3 has not joined yet
  EXPECT_EQ(moved.stance(0, 1).position->point(), 6);
  EXPECT_FALSE(swapped.stance(0, 0).position.has_value());  // a1 left
  EXPECT_EQ(swapped.stance(0, 2).position->point(), 5);
  EXPECT_EQ(swapped.stance(0, 1).position->point(), 6);
  EXPECT_EQ(last_event_round(s), 3);
  EXPECT_EQ(events_at_round(s, 3), std::vector<std::size_t>{1});
  EXPECT_TRUE(events_at_round(s, 2).empty());
}

TEST(EventReader, RejectsBadEventsWithLineAndColumn) {
  auto bad = [](const std::string& events, int line, int column, const std::string& field, const std::string& expected) {
    SCOPED_TRACE(events);
    expect_input_error([&] { yaml(kBase + "events:\n" + events); }, line, column, field, expected);
  };
  bad("  - {id: e, round: 1, changes: {zz: {i1: {position: 3}}}}\n", 21, 33, "events[0].changes.zz", "an actor");
  bad("  - {id: e, round: 1, changes: {a1: {i9: {position: 3}}}}\n", 21, 38, "events[0].changes.a1.i9",
      "'capability' or the id of an issue");
  bad("  - {id: e, round: 1, changes: {a1: {i1: {position: 30}}}}\n", 21, 53, "events[0].changes.a1.i1.position", "within [0, 10]");
  bad("  - {id: e, round: 1, changes: {a1: {i1: {salience: 2}}}}\n", 21, 53, "salience", "within [0, 1]");
  bad("  - {id: e, round: 1, changes: {a2: {i2: {salience: 0.5}}}}\n", 21, 53, "events[0].changes.a2.i2.salience", "a position");
  bad("  - {id: e, round: 1, changes: {a1: {capability: -1}}}\n", 21, 50, "capability", "greater than 0");
  bad("  - {id: e, round: 1, changes: {a1: {i1: {}}}}\n", 21, 42, "events[0].changes.a1.i1", "a position, a salience or both");
  bad("  - {id: e, round: 0, join: [a3]}\n", 21, 20, "events[0].round", "a whole number from 1");
  bad("  - {id: e, round: 1.5, join: [a3]}\n", 21, 20, "events[0].round", "a whole number from 1");
  bad("  - {id: e, round: 3, leave: [a1]}\n  - {id: f, round: 2, leave: [a2]}\n", 22, 20, "events[1].round", "in order of round");
  bad("  - {id: e, round: 1}\n", 21, 5, "events[0]", "changes, join or leave");
  bad("  - {id: e, round: 1, leave: [a1]}\n  - {id: e, round: 2, leave: [a2]}\n", 22, 10, "events[1].id", "unique event ids");
  bad("  - {id: a1, round: 1, leave: [a2]}\n", 21, 10, "events[0].id", "an id of its own");
  bad("  - {id: e, round: 1, leave: [a1]}\n  - {id: f, round: 2, leave: [a1]}\n", 22, 31, "events[1].leave[0]", "an actor that takes part");
  bad("  - {id: e, round: 1, join: [a3]}\n  - {id: f, round: 2, join: [a3]}\n", 22, 30, "events[1].join[0]", "an actor that is absent");
  bad("  - {id: e, round: 1, typo: 1, join: [a3]}\n", 21, 23, "events[0].typo", "");
  bad("  {id: e}\n", 21, 3, "events", "a list of events");
}

}  // namespace
}  // namespace parley
