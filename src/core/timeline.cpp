#include "parley/timeline.hpp"

#include <fmt/format.h>

#include "parley/error.hpp"

namespace parley {

std::vector<bool> presence_at_start(const Scenario& s) { return presence_at_start(s.actors().size(), s.events); }

std::vector<bool> presence_at_start(std::size_t actors, const std::vector<Event>& events) {
  std::vector<bool> present(actors, true), decided(actors, false);
  for (const Event& e : events) {
    for (std::size_t a : e.join)
      if (!decided[a]) decided[a] = true, present[a] = false;
    for (std::size_t a : e.leave) decided[a] = true;
  }
  return present;
}

std::optional<MembershipConflict> first_membership_conflict(std::size_t actors, const std::vector<Event>& events) {
  std::vector<bool> present = presence_at_start(actors, events);
  for (std::size_t k = 0; k < events.size(); ++k)
    for (const bool joining : {true, false}) {
      const std::vector<std::size_t>& list = joining ? events[k].join : events[k].leave;
      for (std::size_t j = 0; j < list.size(); ++j) {
        if (present[list[j]] == joining) return MembershipConflict{k, joining, j};
        present[list[j]] = joining;
      }
    }
  return std::nullopt;
}

void apply_event(Scenario& s, const Event& e, std::vector<bool>& present) {
  for (const EventChange& c : e.changes) {
    switch (c.field) {
      case EventChange::Field::position:
        s.stance(c.issue, c.actor).position = c.value;
        break;
      case EventChange::Field::salience:
        s.stance(c.issue, c.actor).salience = c.value;
        break;
      case EventChange::Field::capability:
        s.actor(c.actor).capability = c.value;
        break;
    }
  }
  for (std::size_t a : e.join) present[a] = true;
  for (std::size_t a : e.leave) present[a] = false;
}

Scenario at_stage(Scenario s, const std::vector<bool>& present) {
  for (std::size_t a = 0; a < present.size(); ++a)
    if (!present[a])
      for (std::size_t i = 0; i < s.issues().size(); ++i) s.stance(i, a) = Stance{};
  s.events.clear();
  return s;
}

void update_stage(Scenario& stage, const Scenario& scenario, const Event& event, const std::vector<bool>& present) {
  for (const EventChange& c : event.changes) {
    if (c.field == EventChange::Field::capability)
      stage.actor(c.actor).capability = scenario.actor(c.actor).capability;
    else if (present[c.actor])
      stage.stance(c.issue, c.actor) = scenario.stance(c.issue, c.actor);
  }
  for (const std::vector<std::size_t>* moved : {&event.join, &event.leave})
    for (std::size_t a : *moved)
      for (std::size_t i = 0; i < scenario.issues().size(); ++i) stage.stance(i, a) = present[a] ? scenario.stance(i, a) : Stance{};
}

Scenario scenario_at(const Scenario& s, std::size_t stage) {
  Scenario out = s;
  std::vector<bool> present = presence_at_start(s);
  for (std::size_t k = 0; k < stage && k < s.events.size(); ++k) apply_event(out, s.events[k], present);
  return at_stage(std::move(out), present);
}

int last_event_round(const Scenario& s) { return s.events.empty() ? 0 : s.events.back().round; }

std::vector<std::size_t> events_at_round(const Scenario& s, int round) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < s.events.size(); ++k)
    if (s.events[k].round == round) out.push_back(k);
  return out;
}

void require_rounds_for_events(const Scenario& s, std::string_view model, std::string_view option, int limit, std::string_view unit) {
  if (limit >= last_event_round(s)) return;
  const Event& last = s.events.back();
  throw InputError({}, fmt::format("{} option {}", model, option),
                   fmt::format("{}={} ends before event '{}' at {} {}", option, limit, last.id, unit, last.round),
                   fmt::format("{} >= {}, so that every event is applied", option, last.round));
}

const char* to_string(EventChange::Field field) {
  switch (field) {
    case EventChange::Field::position:
      return "position";
    case EventChange::Field::salience:
      return "salience";
    case EventChange::Field::capability:
      return "capability";
  }
  return "?";
}

const std::string& display_name(const Event& e) { return e.label.empty() ? e.id : e.label; }

}  // namespace parley
