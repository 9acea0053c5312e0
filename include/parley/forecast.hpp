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

struct Forecast {
  std::string model;
  std::map<std::string, std::string> options;  // every option, defaults included
  std::vector<IssueForecast> issues;           // in the scenario's issue order
};

}  // namespace parley
