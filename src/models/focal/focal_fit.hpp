// Fitting the focal-point model by maximum likelihood (docs/models/focal.md).
#pragma once

#include <cstddef>
#include <vector>

#include "models/focal/focal_candidates.hpp"

namespace parley::models::focal {

/// One issue with a known outcome: its candidates and the one(s) nearest the outcome, taken as
/// chosen (each of k tied candidates counts 1/k).
struct Observation {
  std::vector<Candidate> candidates;
  std::vector<std::size_t> chosen;
};

struct Fit {
  Parameters parameters;
  double log_likelihood = 0;  // at the fitted parameters, without the penalty
  std::size_t observations = 0;
  int iterations = 0;  // Newton steps of the last fit
};

/// The coefficients that maximise the conditional-logit log likelihood of the choices, with a
/// small ridge penalty (ridge/2 × |β|²) that keeps the maximum finite when a feature separates the
/// choices. The log likelihood is concave, so Newton's method with step halving finds the maximum.
Fit fit_coefficients(const std::vector<Observation>& observations, double ridge);

/// The observations of `issues` (those with an outcome and candidates) at a capability exponent.
std::vector<Observation> observations(const Scenario& scenario, const std::vector<std::size_t>& issues, double capability_exponent);

}  // namespace parley::models::focal
