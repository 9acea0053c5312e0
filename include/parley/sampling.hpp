// Drawing scenarios from their uncertain inputs: every number written as a range or a
// distribution becomes one input, sampled by a counter-based generator so that draw d is the same
// whichever thread computes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

/// One uncertain number of a scenario, named as `--set` names it: "actor.issue.position",
/// "actor.issue.salience", "actor.capability", "actor.risk" or "issue.status_quo".
struct UncertainInput {
  enum class Field { position, salience, capability, risk, status_quo };
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  Field field = Field::position;
  std::size_t actor = none;  // position, salience, capability, risk
  std::size_t issue = none;  // position, salience, status_quo
  /// For a value an event sets: indices into Scenario::events and that event's changes.
  std::size_t event = none, change = none;
  std::string name;
  Uncertain distribution;
  /// Draws stay in [low, high]: the scale, [0, 1], (0, inf) or [-1, 1]. A normal is truncated
  /// to this interval.
  double low = 0, high = 0;

  /// The value at cumulative probability u in (0, 1): the inverse distribution function.
  double quantile(double u) const;
};
const char* to_string(UncertainInput::Field field);

/// Every parameter of the scenario, points included, in a fixed order: actors' capability and risk
/// (actor order), then stances (issue by issue, actor by actor; position before salience), then
/// status quos, then the values events set (event by event, in the order written), named
/// EVENT.ACTOR.ISSUE.FIELD or EVENT.ACTOR.capability.
std::vector<UncertainInput> scenario_parameters(const Scenario& scenario);

/// The scenario's non-degenerate distributions, in the order of scenario_parameters(). Point
/// values and zero-width distributions are not inputs.
std::vector<UncertainInput> uncertain_inputs(const Scenario& scenario);

/// The scenario parameter an input stands for (with its citation).
const Parameter& parameter_of(const Scenario& scenario, const UncertainInput& input);

/// Sets every input's parameter in `scenario` to the point value values[k].
void set_inputs(Scenario& scenario, const std::vector<UncertainInput>& inputs, const double* values);

struct SamplingOptions {
  std::uint64_t seed = 0;
  /// Correlation, in [0, 1], between the draws of one actor's inputs (a Gaussian copula with
  /// equal correlation): 0 draws every input independently; 1 moves all of an actor's inputs to
  /// the same quantile. Status quos belong to no actor and are always independent.
  double actor_correlation = 0;
};

class InputSampler {
 public:
  /// Throws InputError (field "--correlation") when options.actor_correlation is outside [0, 1].
  InputSampler(std::vector<UncertainInput> inputs, SamplingOptions options);
  const std::vector<UncertainInput>& inputs() const { return inputs_; }
  const SamplingOptions& options() const { return options_; }
  /// values[k] (k < inputs().size()) for draw number `draw`; a pure function of seed and draw.
  void sample(std::uint64_t draw, double* values) const;

 private:
  std::vector<UncertainInput> inputs_;
  SamplingOptions options_;
  std::size_t actors_ = 0;
};

/// The standard normal distribution function and its inverse (for p in (0, 1)).
double normal_cdf(double x);
double normal_quantile(double p);

}  // namespace parley
