// The actors that take part in one issue, with the point values models use.
#pragma once

#include <vector>

#include "parley/scenario.hpp"

namespace parley::models {

struct Participant {
  std::size_t actor;  // index in the scenario
  double x;           // position
  double c;           // capability
  double s;           // salience
};

/// Actors with both a position and a salience on `issue`, in actor order.
std::vector<Participant> participants(const Scenario& scenario, std::size_t issue);

}  // namespace parley::models
