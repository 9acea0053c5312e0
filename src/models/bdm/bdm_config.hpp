// The choices of the BDM expected-utility model (docs/models/bdm.md). Published versions differ
// on each; the two profiles fix them as Scholz, Calbert & Smith's reference code and paper do.
#pragma once

#include <cstdint>
#include <string>

#include "models/dynamics.hpp"
#include "parley/model.hpp"

namespace parley::models::bdm {

enum class Profile { scholz_code, scholz_paper };
enum class Votes { power, linear };                 // v_k = c s [(|x_k-b|/R)^r_k - (|x_k-a|/R)^r_k] or linear
enum class Probability { all_pairs, pairwise };     // normalisation of P(i, j)
enum class Salience { target, printed };            // whose salience enters E_j(j -> i)
enum class Security { own_view, challenger_view };  // danger_i = sum_j E_i(j -> i) or sum_j E_j(j -> i)
enum class Offers { closest, least_move, highest_eu };
enum class CompromiseSize { eu_ratio, midpoint };
enum class Conflict { deterministic, random };
enum class Range { initial, scale };
enum class MedianRule { condorcet, weighted };
enum class Stop { rounds, median_shift };

struct Config {
  Profile profile = Profile::scholz_code;
  double q = 1;
  Votes votes = Votes::power;
  Probability probability = Probability::all_pairs;
  Salience salience = Salience::target;
  Security security = Security::own_view;
  Offers offers = Offers::closest;
  bool capitulation = false;
  CompromiseSize compromise = CompromiseSize::eu_ratio;
  Conflict conflict = Conflict::deterministic;
  std::uint64_t seed = 1;
  Range range = Range::initial;
  MedianRule median = MedianRule::condorcet;
  Stop stop = Stop::rounds;
  int rounds = 10;
  double threshold = 0.01;
  int max_rounds = 100;
  CycleForecast cycle = CycleForecast::mean;  // the forecast of a run that cycles
  bool trace = false;
  bool fast = false;            // precision=fast: powers by fast_pow, not std::pow (not the reference's bits)
  std::size_t walk_batch = 16;  // precision=fast: positions per batch of the offers' walk (tests make it small)
};

/// The option specs of the model (every choice, with "profile" defaults where the profile decides).
std::vector<ModelOptionSpec> option_specs();

/// Reads the options; `resolved` receives every option with the value in force.
Config read_config(const Model& model, const ModelOptions& given, ModelOptions& resolved);

}  // namespace parley::models::bdm
