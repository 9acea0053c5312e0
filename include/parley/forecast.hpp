// What a model returns.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley {

/// An offer an actor accepted in a round of a model with rounds (e.g. bdm).
struct AcceptedOffer {
  std::size_t actor = 0;  // who moved (scenario actor index)
  std::size_t from = 0;   // whose offer or demand it accepted
  std::string type;       // "confrontation", "compromise", "capitulation", "conflict"
  double old_position = 0;
  double new_position = 0;
  double eu_ij = 0;  // the expected utilities the decision was based on (model-specific, see docs)
  double eu_ji = 0;
};

/// The state after one round (round 0 is the start), and optionally how it came about.
struct RoundRecord {
  /// Positions by scenario actor, NaN where the actor does not take part.
  std::vector<double> positions;
  double median = 0;
  double mean = 0;
  std::vector<double> risk;             // risk exponent per actor (NaN where not taking part)
  std::vector<AcceptedOffer> offers;    // accepted offers, by actor
  /// Only when the model is asked for a trace: expected_utility[i * n + j] is actor i's expected
  /// utility of challenging j, seen by i (n = number of actors; NaN where either does not take
  /// part, or i == j).
  std::vector<double> expected_utility;
  /// Indices into Scenario::events of the events applied just before this round.
  std::vector<std::size_t> events;
};

/// A model's forecast for one issue.
struct IssueForecast {
  std::string issue_id;
  /// The predicted outcome on the issue's scale; empty when the model cannot say (for example
  /// no actor takes part), and then `note` says why.
  std::optional<double> outcome;
  std::string note;
  /// For models with rounds: the state after every round, rounds[0] being the start. Empty for
  /// one-shot models.
  std::vector<RoundRecord> rounds;
};

/// A challenge in a turn of a spatial model (smp): the initiator proposes a bargain to the
/// receiver. Positions are on the issues' scales, one per issue.
struct Challenge {
  std::size_t initiator = 0;
  std::size_t receiver = 0;
  double probability = 0;    // the initiator's estimate that it would prevail
  double expected_gain = 0;  // the initiator's expected gain in utility
  std::vector<double> initiator_position;  // what the bargain asks the initiator to adopt
  std::vector<double> receiver_position;   // and the receiver
};

/// The state of all issues at once after one turn of a spatial model (turn 0 is the start).
struct SpatialTurn {
  /// positions[a * issues + k]: actor a's position on issue k (issue scale).
  std::vector<double> positions;
  std::vector<double> prevail;  // each actor's probability that its position prevails
  std::vector<double> risk;     // each actor's risk attitude in this state
  /// The model's stopping metric after this turn (KTAB: movement relative to the first turn);
  /// NaN for turn 0.
  double change = 0;
  /// The challenges made in the turn that led to this state (empty for turn 0).
  std::vector<Challenge> challenges;
  /// For each actor, the index in `challenges` of the bargain it adopted, or -1 for none.
  std::vector<long> adopted;
  /// Indices into Scenario::events of the events applied just before this turn.
  std::vector<std::size_t> events;
};

/// The forecast at one stage of a scenario's timeline, for models without rounds: before the
/// first event, then after each (docs/events.md).
struct EventStage {
  std::size_t after = none;  // index into Scenario::events of the last event applied; none at the start
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::optional<double>> outcomes;  // per issue, in the scenario's order
};

struct Forecast {
  std::string model;
  std::map<std::string, std::string> options;  // every option, defaults included
  std::vector<IssueForecast> issues;           // in the scenario's issue order
  /// For models that move all issues together (smp): every turn. Empty otherwise.
  std::vector<SpatialTurn> turns;
  /// For a scenario with events and a model without rounds: the forecast at every stage, the last
  /// being `issues`. Empty otherwise.
  std::vector<EventStage> stages;
};

}  // namespace parley
