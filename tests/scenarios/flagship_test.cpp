// The flagship scenario (scenarios/us-russia.yaml): what the issue asks of it, checked.
#include <gtest/gtest.h>

#include "parley/parley.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

Scenario flagship() { return read_scenario_file(testing::source_path("scenarios/us-russia.yaml")); }

TEST(Flagship, HasTheActorsIssuesAndOutcomeClassesAsked) {
  const Scenario s = flagship();
  for (const char* id :
       {"us-president", "us-congress", "us-public", "ru-president", "ru-elite", "ukraine", "eu", "nato-east", "china", "un"})
    EXPECT_TRUE(s.find_actor(id)) << id;
  for (const char* id : {"ukraine-terms", "sanctions", "arms-control", "arctic", "cyber-norms", "energy-economy"}) {
    const auto i = s.find_issue(id);
    ASSERT_TRUE(i) << id;
    EXPECT_FALSE(s.issue(*i).scale.min_label.empty()) << id;
    EXPECT_FALSE(s.issue(*i).scale.max_label.empty()) << id;
    EXPECT_TRUE(s.issue(*i).status_quo) << id;
  }
  std::vector<std::string> names;
  for (const OutcomeClass& c : s.outcome_classes) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"detente", "tense-coexistence", "renewed-cold-war", "durable-settlement", "fragile-ceasefire",
                                             "sustained-conflict"}));
}

TEST(Flagship, EveryNumberIsADistributionWithASource) {
  const Scenario s = flagship();
  auto check = [&](const Parameter& p, const std::string& what) {
    EXPECT_NE(p.value.kind(), Uncertain::Kind::point) << what;
    ASSERT_GE(p.citation, 0) << what;
    const Citation& c = s.citations[static_cast<std::size_t>(p.citation)];
    EXPECT_FALSE(c.note.empty()) << what;
    // A seed citation names its paragraph; an assumption says so and gives its reasoning.
    const std::string& ref = s.metadata.sources[c.reference].id;
    if (ref == "assumption")
      EXPECT_EQ(c.note.rfind("assumption: ", 0), 0u) << what;
    else
      EXPECT_NE(c.note.find("¶"), std::string::npos) << what;
  };
  for (const Issue& i : s.issues()) check(*i.status_quo, i.id + ".status_quo");
  for (std::size_t a = 0; a < s.actors().size(); ++a) {
    check(s.actor(a).capability, s.actor(a).id + ".capability");
    for (std::size_t i = 0; i < s.issues().size(); ++i) {
      const Stance& st = s.stance(i, a);
      if (st.position) check(*st.position, s.actor(a).id + "." + s.issue(i).id + ".position");
      if (st.salience) check(*st.salience, s.actor(a).id + "." + s.issue(i).id + ".salience");
    }
  }
  for (const Event& e : s.events) {
    ASSERT_GE(e.citation, 0) << e.id;
    for (const EventChange& c : e.changes) check(c.value, e.id + "." + s.actor(c.actor).id);
  }
}

TEST(Flagship, HoldsTheEventsTheArticlesDescribe) {
  const Scenario s = flagship();
  std::vector<std::string> ids;
  for (const Event& e : s.events) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"phone-call", "alaska-summit", "budapest-talks", "summit-backlash", "us-election"}));
  // The election replaces the president: one leaves, a successor (absent until then) joins.
  const Event& election = s.events.back();
  EXPECT_EQ(election.leave, std::vector<std::size_t>{*s.find_actor("us-president")});
  EXPECT_EQ(election.join, std::vector<std::size_t>{*s.find_actor("us-successor")});
  EXPECT_FALSE(presence_at_start(s)[*s.find_actor("us-successor")]);
  // Helsinki 2018 enters as the precedent of the backlash event.
  EXPECT_NE(s.events[3].label.find("Helsinki 2018"), std::string::npos);
}

TEST(Flagship, EveryModelRunsOnIt) {
  const Scenario s = flagship();
  for (const Model* m : all_models()) {
    const Forecast f = m->run(s, {});
    for (const IssueForecast& i : f.issues) EXPECT_TRUE(i.outcome) << m->name() << " " << i.issue_id;
    // Before/after every event: a stage each for models without rounds, marked rounds otherwise.
    if (m->applies_events()) {
      std::size_t marked = 0;
      for (const RoundRecord& r : f.issues[0].rounds) marked += r.events.size();
      EXPECT_EQ(marked, s.events.size()) << m->name();
    } else {
      EXPECT_EQ(f.stages.size(), s.events.size() + 1) << m->name();
    }
  }
}

}  // namespace
}  // namespace parley
