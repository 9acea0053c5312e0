// Small one-issue scenarios built in code for model tests.
#pragma once

#include <optional>
#include <vector>

#include "parley/error.hpp"
#include "parley/model.hpp"
#include "parley/scenario.hpp"

namespace parley::testing {

struct Member {
  double x;      // position
  double c = 1;  // capability
  double s = 1;  // salience
};

inline Scenario one_issue(const std::vector<Member>& members, std::optional<double> status_quo = std::nullopt, double lo = 0,
                          double hi = 100) {
  Scenario sc;
  for (std::size_t k = 0; k < members.size(); ++k)
    sc.add_actor(Actor{"a" + std::to_string(k), "", ActorKind::other, {Uncertain::point(members[k].c), -1}, "", std::nullopt});
  Issue issue;
  issue.id = "i";
  issue.label = "I";
  issue.scale.min = lo;
  issue.scale.max = hi;
  if (status_quo) issue.status_quo = Parameter{Uncertain::point(*status_quo), -1};
  sc.add_issue(issue);
  for (std::size_t k = 0; k < members.size(); ++k)
    sc.stance(0, k) = Stance{Parameter{Uncertain::point(members[k].x), -1}, Parameter{Uncertain::point(members[k].s), -1}};
  return sc;
}

inline std::optional<double> outcome(const char* model, const Scenario& s, const ModelOptions& options = {}) {
  return find_model(model)->run(s, options).issues.at(0).outcome;
}

}  // namespace parley::testing
