// update_stage against at_stage: bringing one stage up to date event by event gives exactly the
// scenario at each stage of the timeline (what Model::run relies on to run a model without rounds
// at every stage without copying the scenario each time).
#include "parley/timeline.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

namespace parley {
namespace {

Parameter timeline_value(double x) { return Parameter{Uncertain::point(x), -1}; }

bool same_parameter(const std::optional<Parameter>& a, const std::optional<Parameter>& b) {
  return a.has_value() == b.has_value() && (!a || (a->value == b->value && a->citation == b->citation));
}

bool same_stage(const Scenario& a, const Scenario& b) {
  for (std::size_t k = 0; k < a.actors().size(); ++k)
    if (!same_parameter(a.actor(k).capability, b.actor(k).capability)) return false;
  for (std::size_t i = 0; i < a.issues().size(); ++i)
    for (std::size_t k = 0; k < a.actors().size(); ++k) {
      const Stance &x = a.stance(i, k), &y = b.stance(i, k);
      if (!same_parameter(x.position, y.position) || !same_parameter(x.salience, y.salience) || !same_parameter(x.capability, y.capability))
        return false;
    }
  return a.events.empty() && b.events.empty();
}

/// A random scenario with a random timeline whose joins and leaves make sense at their point.
Scenario random_timeline() {
  Scenario s;
  const std::size_t actors = *rc::gen::inRange<std::size_t>(2, 7), issues = *rc::gen::inRange<std::size_t>(1, 4);
  for (std::size_t a = 0; a < actors; ++a)
    s.add_actor(Actor{"a" + std::to_string(a), "", ActorKind::other, timeline_value(*rc::gen::inRange(1, 100)), "", std::nullopt});
  for (std::size_t i = 0; i < issues; ++i) s.add_issue(Issue{"x" + std::to_string(i), "", {}, std::nullopt, std::nullopt, ""});
  for (std::size_t i = 0; i < issues; ++i)
    for (std::size_t a = 0; a < actors; ++a)
      if (*rc::gen::inRange(0, 4) > 0)
        s.stance(i, a) = Stance{timeline_value(*rc::gen::inRange(0, 101)), timeline_value(0.5), std::nullopt};
  enum State { undecided, in, out };
  std::vector<State> state(actors, undecided);
  const int events = *rc::gen::inRange(1, 5);
  for (int e = 0; e < events; ++e) {
    Event ev{"e" + std::to_string(e), "", "", e + 1, -1, {}, {}, {}};
    for (int c = *rc::gen::inRange(0, 4); c > 0; --c) {
      const auto field = static_cast<EventChange::Field>(*rc::gen::inRange(0, 3));
      ev.changes.push_back({field, *rc::gen::inRange<std::size_t>(0, actors), *rc::gen::inRange<std::size_t>(0, issues),
                            timeline_value(*rc::gen::inRange(1, 100) / (field == EventChange::Field::salience ? 100.0 : 1.0))});
    }
    for (std::size_t a = 0; a < actors; ++a) {
      const int move = *rc::gen::inRange(0, 4);  // 0: join, 1: leave, else nothing
      if (move == 0 && state[a] != in) ev.join.push_back(a), state[a] = in;
      if (move == 1 && state[a] != out) ev.leave.push_back(a), state[a] = out;
    }
    s.events.push_back(std::move(ev));
  }
  return s;
}

TEST(Timeline, UpdateStageGivesEveryStageOfTheTimeline) {
  EXPECT_TRUE(rc::check([] {
    const Scenario s = random_timeline();
    RC_ASSERT(!first_membership_conflict(s.actors().size(), s.events));
    Scenario work = s;
    work.events.clear();
    std::vector<bool> present = presence_at_start(s);
    Scenario stage = at_stage(work, present);
    RC_ASSERT(same_stage(stage, scenario_at(s, 0)));
    for (std::size_t k = 0; k < s.events.size(); ++k) {
      apply_event(work, s.events[k], present);
      update_stage(stage, work, s.events[k], present);
      RC_ASSERT(same_stage(stage, scenario_at(s, k + 1)));
    }
  }));
}

}  // namespace
}  // namespace parley
