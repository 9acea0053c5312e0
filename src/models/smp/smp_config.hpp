// The choices of KTAB's spatial model of politics (docs/models/smp.md). Every option has KTAB's
// default; the enumerators follow KTAB's names (kmodel.h, smp.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/dynamics.hpp"
#include "parley/model.hpp"

namespace parley::models::smp {

/// How coalition strengths become a probability of victory (KTAB VPModel).
enum class VictoryModel { linear, square, quartic, octic, binary };
/// How pairwise victory probabilities become a probability per option (KTAB PCEModel).
enum class PceModel { conditional, markov_incentive, markov_uniform };
/// How an actor picks among the bargains it is offered (KTAB StateTransMode).
enum class Transitions { deterministic, stochastic };
/// How a difference in utility becomes influence (KTAB VotingRule).
enum class VotingRule { binary, prop_bin, proportional, prop_cubic, cubic, asym_prospect };
/// h's estimate of i's risk attitude (KTAB BigRAdjust): r^h_i from r_h and r_i.
enum class RiskAdjust { none, one_third, half, two_thirds, full };
/// The range risk attitudes are mapped to (KTAB BigRRange): [0,1], [-1/2,1], [-1,1].
enum class RiskRange { min, mid, max };
/// How committed a third party is to the side it joins (KTAB ThirdPartyCommit).
enum class ThirdParty { no_commit, semi_commit, full_commit };
/// How two positions are interpolated into a bargain (KTAB InterVecBrgn).
enum class Interpolation { s1p1, s2p2, s2pmax };
/// Whose interpolation forms the bargain (KTAB SMPBargnModel).
enum class BargainModel { init_only, init_receiver, power_weighted };
/// When to stop: KTAB's rule (relative movement) or a fixed number of rounds (turns).
enum class Stop { ktab, rounds };

struct Config {
  VictoryModel victory = VictoryModel::linear;
  PceModel pce = PceModel::conditional;
  Transitions transitions = Transitions::deterministic;
  VotingRule voting = VotingRule::proportional;
  RiskAdjust risk_adjust = RiskAdjust::one_third;
  RiskRange risk_range = RiskRange::mid;
  ThirdParty third_party = ThirdParty::semi_commit;
  Interpolation interpolation = Interpolation::s2p2;
  BargainModel bargain = BargainModel::init_only;
  std::uint64_t seed = 1;
  Stop stop = Stop::ktab;
  int min_rounds = 2;
  int max_rounds = 100;
  double threshold = 0.02;                    // KTAB minDeltaRatio
  int rounds = 10;                            // with stop = rounds
  CycleForecast cycle = CycleForecast::mean;  // the forecast of a run that cycles
  bool trace = false;                         // record challenges and bargains of every turn
  bool fast = false;                          // precision=fast: third-party votes rearranged (not KTAB's bits)
};

/// The option specs of the model.
std::vector<ModelOptionSpec> option_specs();

/// Reads the options. Choice values may be given in parley's spelling ("markov-incentive") or
/// KTAB's ("MarkovIncentive"); `resolved` receives every option in parley's spelling.
Config read_config(const Model& model, const ModelOptions& given, ModelOptions& resolved);

}  // namespace parley::models::smp
