// The n³ parts of an smp turn: every actor's best challenge (SMPState::bestChallenge over
// probEduChlg) and every actor's value of every bargain (SMPState::updateBestBrgnPositions).
// Each comes twice: a fast version (smp_kernels.cpp: vectorised over receivers, several
// perspectives per pass over the distances, on every thread) and the direct transcription of KTAB
// (smp_contests.cpp), which the fast one equals bit for bit (tests/models/smp/smp_fast_path_test.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "models/smp/smp_config.hpp"
#include "models/smp/smp_dynamics.hpp"

namespace parley::models::smp {

/// i's most advantageous target (SMPState::bestChallenge): the first j with the largest expected
/// gain above 1e-5 (j = -1: none), i's estimate `p` that it prevails and the gain `eu`.
struct Challenge {
  long j = -1;
  double p = 0, eu = -1.0;
};

/// Every actor's best challenge, in actor order.
std::vector<Challenge> best_challenges(const Problem& p, const Assessment& a, const Config& c);

/// precision=fast (smp_kernels_fast.cpp): the same quantities with KTAB's formulas rearranged
/// algebraically, so not KTAB's bits. best_challenges_fast: for the proportional voting rule with
/// semi-commitment. coalitions_fast: the proportional rule, every w >= 0.
std::vector<Challenge> best_challenges_fast(const Problem& p, const Assessment& a, const Config& c);
std::vector<double> coalitions_fast(const std::vector<double>& w, const std::vector<double>& u, std::size_t n, std::size_t m);
std::vector<std::vector<double>> bargain_utilities_fast(const Problem& p, const State& s, const Assessment& a,
                                                        const std::vector<Bargain>& bargains);

/// Actor i's best challenge, computed contest by contest as KTAB does (the reference).
Challenge best_challenge_reference(const Problem& p, const Assessment& a, const Config& c, std::size_t i);

/// i's best challenge from its contests with every receiver j (the loop of SMPState::bestChallenge):
/// uii = U^i_ii, and per j: uij = U^i_ij and chij, chji the votes for i and for j. What both the
/// fast and the reference versions end with.
Challenge best_of_contests(const Problem& p, std::size_t i, double uii, const double* uij, const double* chij, const double* chji);

/// h's estimate of the probability that i defeats j (probEduChlg(h, h, i, j)).
double victory_estimate(const Problem& p, const Assessment& a, const Config& c, std::size_t h, std::size_t i, std::size_t j);

/// u[b][a]: actor a's mean utility over all actors' positions once bargain b replaces the two
/// bargainers' positions (SMPState::updateBestBrgnPositions), for every bargain.
std::vector<std::vector<double>> bargain_utilities(const Problem& p, const State& s, const Assessment& a,
                                                   const std::vector<Bargain>& bargains);

/// The same for one bargain, actor by actor (the reference).
std::vector<double> bargain_utilities_reference(const Problem& p, const State& s, const Assessment& a, const Bargain& b);

/// Coalition strengths as coalitions() returns them, vectorised over the options j < i of each row
/// (the sum over voters keeps KTAB's order). `w` per voter, `u` option-major (u[i * n + k]).
std::vector<double> coalitions_wide(VotingRule rule, const std::vector<double>& w, const std::vector<double>& u, std::size_t n,
                                    std::size_t m);

}  // namespace parley::models::smp
