#include "models/participants.hpp"

namespace parley::models {

std::vector<Participant> participants(const Scenario& s, std::size_t issue) {
  std::vector<Participant> out;
  out.reserve(s.actors().size());
  for (std::size_t a = 0; a < s.actors().size(); ++a) {
    const Stance& st = s.stance(issue, a);
    if (st.takes_part()) out.push_back({a, st.position->point(), s.capability(issue, a).point(), st.salience->point()});
  }
  return out;
}

}  // namespace parley::models
