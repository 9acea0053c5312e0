// A direct transcription of the exchange model's rounds (docs/models/exchange.md), the yardstick of
// bench/exchange_bench.cpp: every candidate in one list; each step scans the whole list for the
// highest gain, realises it, and scans the whole list again to recalculate the candidates that
// share an actor-issue with it, as Decide does. It keeps nothing between steps but the positions,
// and it follows the model's arithmetic operation for operation (including the mean's numerator,
// kept as N += w * move), so that it realises the same exchanges with the same numbers, bit for bit.
#pragma once

#include <cstddef>
#include <vector>

#include "models/exchange/exchange.hpp"
#include "parley/scenario.hpp"

namespace parley::bench::exchange_transcription {

/// One realised exchange: a_p supplies p, a_q supplies q; moves on the normalised 0-100 scale.
struct Realised {
  std::size_t p = 0, q = 0, a_p = 0, a_q = 0;
  double gain = 0, move_p = 0, move_q = 0, shift_p = 0, shift_q = 0, gain_p = 0, gain_q = 0;
};

struct Round {
  std::size_t candidates = 0, valid = 0;
  std::vector<Realised> exchanges;
};

/// The rounds of the model on `scenario` with `options` (variant, spread, rounds, seed and the
/// start-position weights), and the issues' means (normalised) after the last round's exchanges.
struct Result {
  std::vector<Round> rounds;
  std::vector<double> means;
};

Result run(const Scenario& scenario, const models::exchange::Options& options);

}  // namespace parley::bench::exchange_transcription
