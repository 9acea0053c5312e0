// What a model returns.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley {

/// A model's forecast for one issue.
struct IssueForecast {
  std::string issue_id;
  /// The predicted outcome on the issue's scale; empty when the model cannot say (for example
  /// no actor takes part), and then `note` says why.
  std::optional<double> outcome;
  std::string note;
  /// For models with rounds: positions[round][actor] (round 0 is the start), NaN where the actor
  /// does not take part. Empty for one-shot models.
  std::vector<std::vector<double>> trajectory;
};

struct Forecast {
  std::string model;
  std::map<std::string, std::string> options;  // every option, defaults included
  std::vector<IssueForecast> issues;           // in the scenario's issue order
};

}  // namespace parley
