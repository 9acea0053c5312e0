#include "models/participants.hpp"

namespace parley::models {

std::vector<Participant> participants(const Scenario& s, std::size_t issue) {
  std::vector<Participant> out;
  out.reserve(s.actors().size());
  for_each_participant(s, issue, [&](const Participant& p) { out.push_back(p); });
  return out;
}

}  // namespace parley::models
