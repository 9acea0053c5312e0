// The focal-point model's candidates and choice probabilities (docs/models/focal.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "parley/scenario.hpp"

namespace parley::models::focal {

/// The features of a candidate outcome, in this order: its distance from the compromise point as a
/// fraction of the scale width; 1 if it is the compromise point; 1 if it is the lowest or highest
/// stated position; 1 if it is the reference point (status quo); the share of the participants'
/// weight (capability^exponent × salience) standing on it; 1 if it is the weighted median of the
/// stated positions (where the cumulative weight, in order of position, first reaches one half).
constexpr std::size_t kFeatures = 6;
using Features = std::array<double, kFeatures>;
inline constexpr std::array<const char*, kFeatures> kFeatureNames{"distance", "compromise", "outermost", "reference", "support", "median"};

/// The model's parameters: one coefficient per feature and the exponent on capabilities.
struct Parameters {
  Features coefficients{};
  double capability_exponent = 1;
};

struct Candidate {
  double x = 0;  // on the issue's scale
  Features features{};
};

/// The candidates of one issue: every distinct stated position of an actor taking part, the
/// reference point where there is one, and the compromise point (the capability^exponent ×
/// salience weighted mean, capabilities taken relative to their mean over the participants).
/// Equal values are one candidate carrying every role. Empty when no actor takes part or every
/// salience is zero.
std::vector<Candidate> candidates(const Scenario& scenario, std::size_t issue, double capability_exponent);

/// Choice probabilities: P(c) ∝ exp(coefficients · features(c)).
std::vector<double> probabilities(const std::vector<Candidate>& candidates, const Features& coefficients);

/// The weighted median of the candidates' values under `weights` (the midpoint of two values when
/// the cumulative weight is exactly one half between them).
double weighted_median(const std::vector<Candidate>& candidates, const std::vector<double>& weights);

/// Indices of the candidates nearest to `outcome` (several on a tie): the one the negotiation is
/// taken to have chosen, for fitting.
std::vector<std::size_t> nearest(const std::vector<Candidate>& candidates, double outcome);

}  // namespace parley::models::focal
