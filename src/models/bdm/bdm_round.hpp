// One round of the BDM expected-utility model on one issue (docs/models/bdm.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/bdm/bdm_config.hpp"
#include "models/bdm/bdm_tally.hpp"
#include "models/bdm/bdm_votes.hpp"

namespace parley::models::bdm {

/// Expected utility of challenging, E = sigma * x1 + x0, for one (challenger position, target
/// position, viewer exponent): sigma is the salience the variant uses.
struct EuTerms {
  double x1, x0;
  double at(double sigma) const { return sigma * x1 + x0; }
};

/// U_s, U_f and U_sq of one pair of positions (they depend on the distance only) for one exponent.
struct Utilities {
  double us, uf, usq;
};

/// What a round computes from the positions at its start, before anyone moves.
struct Analysis {
  Geometry g;
  double median = 0;               // at the start of the round (the paper's mu)
  std::optional<Probabilities> P;  // win probabilities over positions, with the final exponents
  std::vector<double> R;           // R_i in [-1, 1]
  std::vector<double> r;           // r_i in [0.5, 2]
};

struct Move {
  std::size_t actor, from;
  OfferKind kind;
  double eu_ij, eu_ji;
  double new_position;
};

struct RoundResult {
  Analysis analysis;
  std::vector<Move> moves;  // accepted offers, by actor
  std::vector<double> eu;   // n x n, E_i(i -> j) seen by i (only with config.trace)
};

class Round {
 public:
  /// `range` is R; `round` numbers random draws.
  Round(const std::vector<Actor>& actors, double range, const Config& config, int round);

  /// Computes risk exponents and win probabilities (the analysis).
  Analysis analyse() const;
  /// Expected utility of the actor at position `challenger` challenging the one at `target`,
  /// seen with exponent `r`, when the challenger wins with probability `p`.
  EuTerms eu_terms(const Analysis& a, std::size_t challenger, std::size_t target, double p, double r) const;
  /// The full round: analysis, offers, choices. Does not move anyone.
  RoundResult run() const;

 private:
  double utility(double base, double r) const;
  Utilities utilities(double d, double r, double usq) const;
  /// us[q], uf[q]: U_s and U_f of the pair (u_p, u_q) for exponent r, for every position q.
  void utility_row(const Analysis& a, std::size_t p, double r, std::vector<double>& us, std::vector<double>& uf) const;
  EuTerms eu_terms(const Utilities& u, double x_challenger, double x_target, double median, double p, double r) const;
  EuTerms eu_terms_with_tail(const Utilities& u, double x_challenger, double x_target, double median, double p, double r) const;
  std::vector<double> danger(const Analysis& a, const Probabilities& linear) const;
  /// danger for precision=fast with Q = 1: the linear tallies in closed form, no table of P
  /// (bdm_danger_fast.cpp).
  std::vector<double> danger_fast(const Analysis& a) const;
  /// The danger in the paper's printed challenger view: sum_j E_j(j -> i) with s_j in E.
  bool printed_view() const { return config_.security == Security::challenger_view && config_.salience == Salience::printed; }
  /// Each actor's danger from its position's sums over the challengers, s1 (of x1, weighted by
  /// count or, printed, by salience) and s0 (of x0), less its own term.
  std::vector<double> dangers_of(const Analysis& a, const std::vector<double>& s1, const std::vector<double>& s0) const;
  /// x1 of E = sigma x1 + x0 for a challenger who wins with probability p.
  double slope(const Utilities& u, double p) const;
  void code_offers(const Analysis& a, RoundResult& out) const;
  /// Ranks j's offer to i (b = E_i(j -> i), e = E_i(i -> j)) by the rules of offers=closest.
  void rank_offer(struct ClosestOffers& offers, std::size_t i, std::size_t j, double xi, double xj, double b, double e) const;
  /// code_offers for precision=fast with Q = 1 and no trace, the same moves: each actor's
  /// counterparts filtered by salience first (bdm_offers_fast.cpp).
  void code_offers_fast(const Analysis& a, RoundResult& out) const;
  /// Whether an actor at position p with salience times (1 - max P) `s_keep` and exponent r
  /// certainly sees every E_i(j -> i) below 0 (bdm_offers_fast.cpp).
  bool never_positive(const Analysis& a, std::size_t p, double s_keep, double r) const;
  /// Actor i's offer under code_offers_fast (bdm_offers_fast.cpp).
  bool fast_offer(const Analysis& a, std::size_t i, const std::vector<double>& most_salient, double largest_p, struct OfferScratch& w,
                  Move& out) const;
  void paper_demands(const Analysis& a, RoundResult& out) const;
  double compromise_target(double x_mover, double x_other, double fraction) const;
  double uniform(std::size_t mover, std::size_t other, int view) const;

  const std::vector<Actor>& actors_;
  double range_;
  const Config& config_;
  int round_;
};

inline double Round::slope(const Utilities& u, double p) const {
  // p U_s + (1 - p) U_f - U_s is (1 - p)(U_f - U_s), and U_f <= U_s: precision=fast takes that form,
  // so that a larger salience never raises E (code_offers_fast's filter rests on it).
  return config_.fast ? (1 - p) * std::min(0.0, u.uf - u.us) : p * u.us + (1 - p) * u.uf - u.us;
}

[[gnu::always_inline]] inline EuTerms Round::eu_terms(const Utilities& u, double xc, double xt, double median, double p, double r) const {
  if (config_.q < 1) [[unlikely]]
    return eu_terms_with_tail(u, xc, xt, median, p, r);
  // Q = 1: Q U_sq is U_sq and the tail 0, exactly.
  return {slope(u, p), u.us - config_.q * u.usq - 0.0};
}

}  // namespace parley::models::bdm
