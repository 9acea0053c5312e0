// A scenario's events over time (docs/events.md): who takes part when, and the scenario as it
// stands after a number of events. Models with rounds apply events as they reach their round;
// Model::run gives models without rounds the scenario at each stage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

/// Whether each actor takes part before any event: every actor except those whose first join or
/// leave is a join.
std::vector<bool> presence_at_start(const Scenario& scenario);
std::vector<bool> presence_at_start(std::size_t actors, const std::vector<Event>& events);

/// A join of an actor that already takes part, or a leave of one that does not.
struct MembershipConflict {
  std::size_t event = 0;     // index into the events
  bool joining = false;      // in the event's `join` (else `leave`)
  std::size_t position = 0;  // index in that list
};
/// The first conflict, applying each event's joins and then its leaves, in order; none when
/// every join and leave makes sense at its point.
std::optional<MembershipConflict> first_membership_conflict(std::size_t actors, const std::vector<Event>& events);

/// Applies `event`'s changes to `scenario`'s parameters (the event's values replace the inputs;
/// a position set on an issue where the actor had none creates its stance) and its joins and
/// leaves to `present`.
void apply_event(Scenario& scenario, const Event& event, std::vector<bool>& present);

/// `scenario` as one stage of its timeline: the actors not `present` left without stances, and no
/// events.
Scenario at_stage(Scenario scenario, const std::vector<bool>& present);

/// Brings `stage`, at_stage(scenario, present) as it was before `event`, up to date after
/// apply_event(scenario, event, present): afterwards it equals at_stage(scenario, present) again. Copies
/// only the cells and actors the event touches, so that a model without rounds can be run at every
/// stage of a timeline without copying the scenario at each (Model::run; sweeps run it per draw).
void update_stage(Scenario& stage, const Scenario& scenario, const Event& event, const std::vector<bool>& present);

/// The scenario as it stands after its first `stage` events (stage <= events.size()): their
/// changes applied, actors absent at that point left without stances, and no events.
Scenario scenario_at(const Scenario& scenario, std::size_t stage);

/// The round of the last event; 0 when there are none.
int last_event_round(const Scenario& scenario);

/// The indices of the events that take effect just before round `round`, in order.
std::vector<std::size_t> events_at_round(const Scenario& scenario, int round);

/// For models with rounds: throws InputError naming "MODEL option OPTION" when `limit` (the most
/// rounds the model will compute) ends before the last event, which would otherwise be ignored.
/// `unit` is what the model calls a round ("round", "turn").
void require_rounds_for_events(const Scenario& scenario, std::string_view model, std::string_view option, int limit, std::string_view unit);

/// "position", "salience" or "capability", as `--set` and sweep input names spell the field.
const char* to_string(EventChange::Field field);

/// An event's label, or its id when it has none.
const std::string& display_name(const Event& event);

}  // namespace parley
