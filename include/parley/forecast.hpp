// What a model returns.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley {

/// How an actor came to move in a round: bdm's offers it accepted (docs/models/bdm.md), or the
/// bargain it adopted in smp (docs/models/smp.md).
enum class OfferKind { confrontation, compromise, capitulation, conflict, bargain };

/// The kind's name in output: "confrontation", "compromise", "capitulation", "conflict", "bargain".
inline const char* to_string(OfferKind kind) {
  switch (kind) {
    case OfferKind::confrontation:
      return "confrontation";
    case OfferKind::compromise:
      return "compromise";
    case OfferKind::capitulation:
      return "capitulation";
    case OfferKind::conflict:
      return "conflict";
    case OfferKind::bargain:
      return "bargain";
  }
  return "?";
}

/// An offer an actor accepted in a round of a model with rounds (bdm), or a bargain it adopted
/// (smp). The basis of the decision is model-specific: each model fills its own fields and leaves
/// the others NaN.
struct AcceptedOffer {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::size_t actor = 0;  // who moved (scenario actor index)
  std::size_t from = 0;   // whose offer, demand or bargain it accepted
  OfferKind kind = OfferKind::compromise;
  double old_position = 0;
  double new_position = 0;
  /// bdm: the expected utilities the decision rested on (docs/json-output.md, `eu_ij` and `eu_ji`).
  double eu_ij = kNone;
  double eu_ji = kNone;
  /// smp: the challenge that led to the bargain, as its initiator judged it (Challenge::probability
  /// and Challenge::expected_gain).
  double probability = kNone;
  double expected_gain = kNone;
};

/// The state after one round (round 0 is the start), and optionally how it came about.
struct RoundRecord {
  /// Positions by scenario actor, NaN where the actor does not take part.
  std::vector<double> positions;
  double median = 0;
  double mean = 0;
  /// bdm: the risk exponent r_i per actor (NaN where not taking part). Empty for smp, whose risk
  /// attitudes are per turn (SpatialTurn::risk).
  std::vector<double> risk;
  std::vector<AcceptedOffer> offers;  // accepted offers, by actor
  /// Only when the model is asked for a trace: expected_utility[i * n + j] is actor i's expected
  /// utility of challenging j, seen by i (n = number of actors; NaN where either does not take
  /// part, or i == j).
  std::vector<double> expected_utility;
  /// Indices into Scenario::events of the events applied just before this round.
  std::vector<std::size_t> events;
};

/// How a run of a model with rounds ended (docs/models/bdm.md and docs/models/smp.md, "Convergence
/// and cycles"): its recorded states (every actor's position after each round) stopped moving,
/// repeat with a period of two or more rounds, or neither by the last round. One-shot models
/// (compromise, median, nbs) have no rounds: `one_shot`.
enum class DynamicsStatus { one_shot, converged, cycle, not_converged };

/// The status's name in output: "one-shot", "converged", "cycle", "not-converged".
inline const char* to_string(DynamicsStatus status) {
  switch (status) {
    case DynamicsStatus::one_shot:
      return "one-shot";
    case DynamicsStatus::converged:
      return "converged";
    case DynamicsStatus::cycle:
      return "cycle";
    case DynamicsStatus::not_converged:
      return "not-converged";
  }
  return "?";
}

/// What the recorded states of a run show. Two states are the same when every position differs
/// by at most `kDynamicsTolerance` times its issue's scale width (NaN, an actor not taking part,
/// equals only NaN). Only rounds from the last event on count (earlier states are of another
/// scenario). smp also counts as converged a run whose last turn moved less than KTAB's stopping
/// ratio (option `threshold`): its positions approach a point without reaching it.
struct Dynamics {
  DynamicsStatus status = DynamicsStatus::one_shot;
  /// The number of the last round run (0 for one-shot models).
  std::size_t rounds = 0;
  /// cycle: the smallest p >= 2 with state(t) = state(t - p) for the last p rounds t (so at
  /// least 2p rounds after the last event); converged: 1; otherwise 0.
  std::size_t period = 0;
  /// converged or cycle: the first round from which every state equals the one `period` rounds
  /// later (converged: from which nothing moved); otherwise 0.
  std::size_t start = 0;
  /// cycle: true when the forecast is the mean of the per-round forecasts over the last `period`
  /// rounds (the models' default, option cycle=mean), false when it is the last round's
  /// (cycle=last). Always false for the other statuses, whose forecast is the last round's.
  bool averaged = false;
};

/// The relative tolerance of Dynamics: 1e-6 of an issue's scale width, far below the two decimals
/// outputs show on a 0-100 scale, far above rounding.
inline constexpr double kDynamicsTolerance = 1e-6;

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
  /// How the run ended: bdm's for this issue (each issue runs separately), smp's for the whole run
  /// (all issues move together, so every issue carries the same). one_shot for models without
  /// rounds, and where the model gives no outcome.
  Dynamics dynamics{};
};

/// A challenge in a turn of a spatial model (smp): the initiator proposes a bargain to the
/// receiver. Positions are on the issues' scales, one per issue.
struct Challenge {
  std::size_t initiator = 0;
  std::size_t receiver = 0;
  double probability = 0;                  // the initiator's estimate that it would prevail
  double expected_gain = 0;                // the initiator's expected gain in utility
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

/// One side of an exchange the exchange model realised (docs/models/exchange.md): `actor` gives
/// ground on its supply issue, moving toward the other side's position there, in return for the
/// other side's move on the other issue (this side's demand issue, the other's supply).
struct ExchangeSide {
  std::size_t actor = 0;    // scenario actor index
  std::size_t supply = 0;   // scenario issue index of the issue it moves on
  double from = 0, to = 0;  // its position on `supply` before and after the exchange (the issue's scale)
  double toward = 0;        // the other side's position on `supply`, which it moves toward (issue scale)
  double move = 0;          // to - from (issue scale, signed)
  /// Its net gain in utility: its salience on the demand issue times the other side's shift of that
  /// issue's mean, less its salience on `supply` times its own shift of `supply`'s mean (both shifts
  /// on the issues' scales normalised to 0-100; saliences on 0-1).
  double gain = 0;
  double mean_before = 0, mean_after = 0;  // the mean of `supply` just before and after the exchange (issue scale)
};

/// A realised exchange between two issues: `first` supplies the issue earlier in the scenario's
/// order (and demands the other), `second` supplies the later one.
struct TradedExchange {
  ExchangeSide first, second;
  /// The equal-gain gain, by which exchanges are realised (highest first). Under the model's default
  /// (variant equal-gain) both sides gain exactly this; under random-rate their shares differ.
  double gain = 0;
};

/// One round of the exchange model: the exchanges possible at its start and those it realised.
struct ExchangeRound {
  std::size_t round = 0;                  // 1 for the first round (round 0 is the start)
  std::size_t candidates = 0;             // pairs of actors on opposite sides of the means of a pair of issues
  std::size_t valid = 0;                  // of which with a positive gain and room to move
  std::vector<TradedExchange> exchanges;  // in the order realised
  /// Only when the model is asked for a trace: every actor's start position for the next round
  /// after Decide's start-position update, start[i * n + a] for issue i and actor a (n = number of
  /// actors; issue scale; NaN where a does not take part).
  std::vector<double> start;
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
  /// For the exchange model: every round's realised exchanges (with events, those of the run after
  /// the last event, as `issues[].rounds`). Empty for other models.
  std::vector<ExchangeRound> exchanges{};
};

}  // namespace parley
