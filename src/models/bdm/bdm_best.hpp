// The offers' bookkeeping shared by bdm's offer sweeps (bdm_round.cpp, bdm_offers_fast.cpp): the
// best candidate of each category and the moves collected in actor order.
#pragma once

#include <cmath>
#include <initializer_list>
#include <vector>

#include "models/bdm/bdm_round.hpp"

namespace parley::models::bdm {

/// The best candidate of one category: smallest key, ties to the lowest counterpart index.
struct Best {
  bool found = false;
  double key = 0;
  Move move{};
  void offer(double k, const Move& m) {
    if (!found || k < key || (k == key && m.from < move.from)) found = true, key = k, move = m;
  }
};

/// The candidate of the first category that has one, in order of preference.
inline bool first_found(std::initializer_list<const Best*> categories, Move& out) {
  for (const Best* best : categories)
    if (best->found) {
      out = best->move;
      return true;
    }
  return false;
}

/// The rules of offers=closest (code_offers) for b = E_i(j -> i) and e = E_i(i -> j), in the
/// order they are tried.
enum class ClosestRule { none, confrontation, compromise, capitulation };
inline ClosestRule closest_rule(double b, double e, bool capitulation) {
  if (b > e && e > 0) return ClosestRule::confrontation;
  if (b > 0 && e < 0 && b > std::fabs(e)) return ClosestRule::compromise;
  if (capitulation && b > 0 && e < 0 && b < std::fabs(e)) return ClosestRule::capitulation;
  return ClosestRule::none;
}

/// The best offer of each kind an actor receives under offers=closest (Round::rank_offer ranks
/// them), and the one it takes: a confrontation, else a compromise, else a capitulation.
struct ClosestOffers {
  Best confrontation, compromise, capitulation;
  bool choose(Move& out) const { return first_found({&confrontation, &compromise, &capitulation}, out); }
};

/// Appends, in actor order, the move of every actor that moved.
inline void collect(const std::vector<Move>& chosen, const std::vector<char>& moved, std::vector<Move>& out) {
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (moved[i]) out.push_back(chosen[i]);
}

}  // namespace parley::models::bdm
