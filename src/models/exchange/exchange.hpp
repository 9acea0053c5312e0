// Stokman's exchange model of voting positions: equal-gain exchange (Stokman & Van Oosten 1994;
// Dijkstra, Van Assen & Stokman 2008) and its random-rate variant (Dijkstra et al. 2018), as
// docs/models/exchange.md states it. The model (`exchange`, exchange_model.cpp) forecasts from
// run_exchange(); the realised exchanges of every round are kept here for outputs and tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/dynamics.hpp"
#include "parley/model.hpp"
#include "parley/scenario.hpp"

namespace parley::models::exchange {

/// equal-gain: both sides of an exchange gain the same utility; random-rate: the share of the gain
/// that goes to each side is drawn (option `spread`).
enum class Variant { equal_gain, random_rate };

/// The options of the model, each with its documented default (docs/models/exchange.md).
struct Options {
  Variant variant = Variant::equal_gain;
  double spread = 1;             // random-rate: p in [0, 1], how far a side's share of the gain may depart from 1/2
  int rounds = 10;               // rounds of exchange (Decide's default iterations)
  std::uint64_t seed = 1;        // of tie-breaking and of the random rates
  double salience_weight = 0.4;  // Decide's SALIENCE_WEIGHT in the start-position update
  double fixed_weight = 0.1;     // Decide's FIXED_WEIGHT
  CycleForecast cycle = CycleForecast::mean;
  bool trace = false;  // the forecast keeps every round's next start positions (ExchangeRound::start)
};

/// Every option with its default and a one-line description (`parley models`).
std::vector<ModelOptionSpec> option_specs();

/// Reads `given` (InputError naming `--option NAME` for an unknown name or a bad value, including
/// salience_weight + fixed_weight > 1); `resolved` receives every option in force.
Options read_options(const Model& model, const ModelOptions& given, ModelOptions& resolved);

/// One side of a realised exchange: `actor` moves on its supply issue toward the other side's
/// position there, in return for the other's move on its demand issue (the other's supply issue).
struct Side {
  std::size_t actor = 0;    // scenario index
  std::size_t supply = 0;   // issue index of the issue it moves on
  double from = 0, to = 0;  // its position on `supply` before and after (the issue's own scale)
  double toward = 0;        // the other side's position on `supply`, which it moves toward (issue scale)
  double move = 0;          // to - from on the normalised 0-100 scale (signed)
  double shift = 0;         // |change of the mean of `supply`| the move causes (normalised scale)
  double full_shift = 0;    // |change of that mean| had it moved all the way to the other's position
  double gain = 0;          // its net utility: its demand salience x the other's shift - its supply salience x its shift
  double mean_before = 0;   // the mean of `supply` before the exchange (issue scale)
  double mean_after = 0;    // and after
};

/// A realised exchange between two issues p < q (scenario order): `on_p` supplies p (and demands
/// q), `on_q` supplies q. Under equal-gain on_p.gain == on_q.gain == gain.
struct Exchange {
  std::size_t p = 0, q = 0;
  Side on_p, on_q;
  double gain = 0;  // the equal-gain gain of the exchange: the order in which exchanges are realised
};

/// The positions and means of every issue at one point of the run (issue scale). positions[i * A +
/// a] for issue i and actor a (A actors), NaN where a does not take part; means[i] NaN where no
/// actor with a positive weight takes part.
struct State {
  std::vector<double> positions;
  std::vector<double> means;
};

/// One round: the exchanges possible at its start, those realised (in order), the voting positions
/// they left and the start positions of the next round (Decide's start-position update).
struct Round {
  std::size_t candidates = 0;  // pairs of opposed actors on a pair of issues
  std::size_t valid = 0;       // of which with a positive gain and possible moves at the start
  std::vector<Exchange> exchanges;
  State voting;  // after the round's exchanges: its outcome is voting.means
  State next;    // the start of the next round
};

struct Run {
  State start;
  std::vector<Round> rounds;  // options.rounds of them
};

/// Runs the model on `scenario` (which must satisfy validate()). Pure: the same scenario and
/// options give the same run, bit for bit.
Run run_exchange(const Scenario& scenario, const Options& options);

/// The capability x salience weighted mean (the Nash bargaining solution of Decide) of the actors
/// taking part in `issue`; NaN when their weights sum to zero or none takes part.
double weighted_mean(const Scenario& scenario, std::size_t issue);

}  // namespace parley::models::exchange
