// One run of KTAB's spatial model of politics on the unit cube: assessing a state (distances,
// risk attitudes, probabilities of prevailing) and stepping to the next one (challenges,
// bargains, the election among bargains). docs/models/smp.md gives the equations.
#pragma once

#include <cstddef>
#include <vector>

#include "models/smp/smp_config.hpp"

namespace parley::models::smp {

/// What stays fixed during a run. Coordinates and saliences are on [0, 1].
struct Problem {
  std::size_t n = 0;                // actors
  std::size_t d = 0;                // dimensions
  std::vector<double> cap;          // capability per actor (KTAB sCap), > 0
  std::vector<double> sal;          // sal[i * d + k], salience of dimension k to actor i
  std::vector<double> sal_sum;      // sum over k of sal[i * d + k], in (0, 1]
  std::vector<double> accommodate;  // n * n ideal adjustment (KTAB accomodate); empty = identity
};

/// Positions and ideal points, pos[i * d + k].
struct State {
  std::vector<double> pos;
  std::vector<double> ideal;
};

/// What KTAB computes about a state before anyone moves (SMPState::setAllAUtil, setUENdx, pDist).
struct Assessment {
  std::vector<double> vdiff;        // vdiff[i * n + j] = bvDiff(ideal_i - pos_j, sal_i)
  std::vector<double> risk;         // r_i, inferred from the risk-neutral election
  std::vector<double> own;          // own[a * n + b] = U^a_ab, a's utility of b's position
  std::vector<double> own_sum;      // sum over b of own[a * n + b], in order
  std::vector<std::size_t> unique;  // actors holding the distinct positions (first of each)
  std::vector<double> unique_prob;  // probability that each distinct position prevails
  std::vector<double> prevail;      // probability that i's position prevails
};

Assessment assess(const Problem& problem, const State& state, const Config& config);

/// A bargain proposed in a challenge (KTAB BargainSMP), positions on [0, 1].
struct Bargain {
  std::size_t init = 0, rcvr = 0;
  double probability = 0;  // the initiator's estimate that it prevails
  double gain = 0;         // the initiator's expected gain
  std::vector<double> pos_init, pos_rcvr;
};

struct Step {
  State next;
  std::vector<Bargain> bargains;  // in initiator order
  std::vector<long> adopted;      // per actor: index in `bargains`, or -1 for its own position
};

/// One turn (SMPState::doBCN): every actor's best challenge, the bargains, and each actor's choice
/// among the bargains that concern it. `turn` numbers the resulting state (for random draws).
Step step(const Problem& problem, const State& state, const Assessment& a, const Config& config, std::size_t turn);

/// Sum over actors of the Euclidean distance between their positions (SMPModel::stateDist).
double state_distance(const State& x, const State& y, std::size_t n, std::size_t d);

}  // namespace parley::models::smp
