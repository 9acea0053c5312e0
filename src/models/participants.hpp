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

/// Calls `each(participant)` for every actor with both a position and a salience on `issue`, in
/// actor order, without allocating: what a model that needs one pass over them uses.
template <class Each>
void for_each_participant(const Scenario& s, std::size_t issue, Each&& each) {
  for (std::size_t a = 0; a < s.actors().size(); ++a) {
    const Stance& st = s.stance(issue, a);
    if (st.takes_part()) each(Participant{a, st.position->point(), s.capability(issue, a).point(), st.salience->point()});
  }
}

/// Actors with both a position and a salience on `issue`, in actor order.
std::vector<Participant> participants(const Scenario& scenario, std::size_t issue);

}  // namespace parley::models
