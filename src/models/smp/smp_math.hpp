// The building blocks of KTAB's spatial model of politics, each computed with the same operations
// in the same order as KTAB's code, so that runs agree to the last bit (docs/models/smp.md).
// The KTAB function each one follows is named in its comment.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "models/smp/smp_config.hpp"

namespace parley::models::smp {

/// Utility of a salience-weighted distance d in [0, 1] to an actor with risk attitude R
/// (SMPModel::bsUtil): (1 - d)(1 + d R); for d > 1, (1 - d)(1 + R).
inline double bs_util(double d, double R) { return d <= 1 ? (1 - d) * (1 + d * R) : (1 - d) * (1 + R); }

/// Salience-weighted distance (SMPModel::bvDiff): sqrt(sum (d_k s_k)^2 / sum s_k^2), where
/// d = a - b. `a`, `b` and `s` point at `dims` values each.
double bv_diff(const double* a, const double* b, const double* s, std::size_t dims);

/// The influence w exerts for option i over option j given utilities u_i, u_j (Model::vote).
double vote(VotingRule rule, double w, double u_i, double u_j);

/// vote() with the rule fixed at compile time, for inner loops.
template <VotingRule Rule>
inline double vote_by(double w, double u_i, double u_j) {
  const double du = u_i - u_j;
  constexpr double s_tol = 1E-8, rbp = 0.2, rpc = 0.5;
  if constexpr (Rule == VotingRule::proportional) {
    return w * du;
  } else if constexpr (Rule == VotingRule::cubic) {
    return w * (du * du * du);
  } else if constexpr (Rule == VotingRule::prop_cubic) {
    return w * ((1 - rpc) * du + rpc * (du * du * du));
  } else if constexpr (Rule == VotingRule::asym_prospect) {
    return du < 0 ? w * du : (du > 0 ? (2.0 * w * du) / 3.0 : 0.0);
  } else {
    double r_bin = du / s_tol;
    r_bin = r_bin > 1 ? 1 : r_bin;
    r_bin = r_bin < -1 ? -1 : r_bin;
    if constexpr (Rule == VotingRule::binary)
      return w * r_bin;
    else
      return w * ((1 - rbp) * du + rbp * r_bin);
  }
}

/// Calls f(rule, commit) with both as std::integral_constant, for compile-time dispatch.
template <typename F>
decltype(auto) with_rule_and_commit(VotingRule rule, ThirdParty commit, F&& f);

/// Calls f(std::integral_constant<VotingRule, rule>) so that `rule` is a compile-time constant.
template <typename F>
decltype(auto) with_rule(VotingRule rule, F&& f) {
  switch (rule) {
    case VotingRule::binary:
      return f(std::integral_constant<VotingRule, VotingRule::binary>{});
    case VotingRule::prop_bin:
      return f(std::integral_constant<VotingRule, VotingRule::prop_bin>{});
    case VotingRule::prop_cubic:
      return f(std::integral_constant<VotingRule, VotingRule::prop_cubic>{});
    case VotingRule::cubic:
      return f(std::integral_constant<VotingRule, VotingRule::cubic>{});
    case VotingRule::asym_prospect:
      return f(std::integral_constant<VotingRule, VotingRule::asym_prospect>{});
    case VotingRule::proportional:
      break;
  }
  return f(std::integral_constant<VotingRule, VotingRule::proportional>{});
}

/// The t-th of `count` rows of a lower triangle, in the order 0, count - 1, 1, count - 2, ...:
/// contiguous ranges of t then carry similar work, for parallel_blocks.
inline std::size_t balanced_order(std::size_t t, std::size_t count) { return t % 2 == 0 ? t / 2 : count - 1 - t / 2; }

/// The principals' parts of the contest i:j (probEduChlg): 1e-10 plus each principal's own vote
/// on its side, i's (weight w_i, utilities u_ii, u_ij) then j's (w_j, u_ji, u_jj).
template <VotingRule Rule>
inline void principal_parts(double w_i, double u_ii, double u_ij, double w_j, double u_ji, double u_jj, double& hij, double& hji) {
  constexpr double min_cltn = 1E-10;
  const double contrib_i = vote_by<Rule>(w_i, u_ii, u_ij);
  const double contrib_j = vote_by<Rule>(w_j, u_ji, u_jj);
  hij = min_cltn, hji = min_cltn;
  if (contrib_i > 0.0) hij = hij + contrib_i;
  if (contrib_i < 0.0) hji = hji - contrib_i;
  if (contrib_j > 0.0) hij = hij + contrib_j;
  if (contrib_j < 0.0) hji = hji - contrib_j;
}

/// (P[1 beats 2], P[2 beats 1]) from coalition strengths s1, s2 (Model::vProb).
std::pair<double, double> victory_pair(VictoryModel model, double s1, double s2);

/// Coalition strengths over m options (Model::coalitions): c[i*m + j] is the strength of the
/// coalition for option i against j, 1e-8 plus every positive vote. `u` is option-major:
/// u[i*n + k] is actor k's utility of option i; w[k] is actor k's weight.
std::vector<double> coalitions(VotingRule rule, const std::vector<double>& w, const std::vector<double>& u, std::size_t n, std::size_t m);

/// The option probabilities of the probabilistic Condorcet election over coalition strengths c
/// (Model::probCE2 with condPCE, markovIncentivePCE or markovUniformPCE). Returns p (m values).
std::vector<double> condorcet_probabilities(PceModel pce, VictoryModel victory, const std::vector<double>& c, std::size_t m);

/// Risk attitudes from probabilities of prevailing (Model::bigRfromProb). When the probabilities
/// are equal up to 1e-12 (KTAB divides by zero, or rounding noise by rounding noise) every actor is
/// risk neutral.
std::vector<double> risk_from_probabilities(const std::vector<double>& p, RiskRange range);

/// h's estimate of i's risk attitude (Model::estNRA).
double estimated_risk(double r_h, double r_i, RiskAdjust adjust);

/// Third party k's vote in the contest i:j (Actor::thirdPartyVoteSU). p_ik: probability that i
/// (joined by k) wins; p_jk that j (joined by k) wins.
template <VotingRule Rule, ThirdParty Commit>
inline double third_party_vote(double w_k, double p_ik, double p_jk, double u_ki, double u_kj, double u_kk) {
  double u_ik_def_j = 0, u_j_def_ik = 0, u_i_def_jk = 0, u_jk_def_i = 0;
  if constexpr (Commit == ThirdParty::full_commit) {
    u_ik_def_j = u_ki + u_ki + u_ki, u_j_def_ik = u_kj + u_kj + u_kj;
    u_i_def_jk = u_ki + u_ki + u_ki, u_jk_def_i = u_kj + u_kj + u_kj;
  } else if constexpr (Commit == ThirdParty::semi_commit) {
    u_ik_def_j = u_ki + u_ki + u_kk, u_j_def_ik = u_kj + u_kj + u_kj;
    u_i_def_jk = u_ki + u_ki + u_ki, u_jk_def_i = u_kj + u_kj + u_kk;
  } else {
    u_ik_def_j = u_ki + u_ki + u_kk, u_j_def_ik = u_kj + u_kj + u_kk;
    u_i_def_jk = u_ki + u_ki + u_kk, u_jk_def_i = u_kj + u_kj + u_kk;
  }
  const double u_ik_j = (p_ik * u_ik_def_j) + (p_jk * u_j_def_ik);
  const double u_i_jk = (p_ik * u_i_def_jk) + (p_jk * u_jk_def_i);
  return vote_by<Rule>(w_k, u_ik_j, u_i_jk);
}

template <typename F>
decltype(auto) with_rule_and_commit(VotingRule rule, ThirdParty commit, F&& f) {
  return with_rule(rule, [&](auto r) {
    switch (commit) {
      case ThirdParty::no_commit:
        return f(r, std::integral_constant<ThirdParty, ThirdParty::no_commit>{});
      case ThirdParty::full_commit:
        return f(r, std::integral_constant<ThirdParty, ThirdParty::full_commit>{});
      case ThirdParty::semi_commit:
        break;
    }
    return f(r, std::integral_constant<ThirdParty, ThirdParty::semi_commit>{});
  });
}

/// Probability that i wins the little contest i:j in which third party n joins its side
/// (Actor::vProbLittle); c_i, c_j: the principals' own contributions.
template <VotingRule Rule>
inline double little_contest_probability(double w_n, double u_ni, double u_nj, double c_i, double c_j) {
  const double v = vote_by<Rule>(w_n, u_ni, u_nj);
  const double cni = v > 0 ? c_i + v : c_i;
  const double cnj = v < 0 ? c_j - v : c_j;
  return cni / (cni + cnj);
}

/// One coordinate of the bargain between i (position t_i, salience s_i, probability p_i) and j
/// (SMPActor::interpBrgnSnPm and interpBrgnS2PMax). Returns (b_i, b_j).
std::pair<double, double> interpolate(Interpolation how, double t_i, double s_i, double p_i, double t_j, double s_j, double p_j);

}  // namespace parley::models::smp
