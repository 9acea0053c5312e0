// The exchange model's realised exchanges (Forecast::exchanges, include/parley/forecast.hpp) as
// the writers show them: the table's account, the forecast's "exchanges" key and the trace
// (docs/json-output.md).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/forecast.hpp"
#include "parley/scenario.hpp"

namespace parley::report {

/// The `k` exchanges of `round` with the highest gain, highest first (in the order realised among
/// equal gains).
std::vector<const TradedExchange*> largest_exchanges(const ExchangeRound& round, std::size_t k);

/// The table's account, "" without exchanges: per round the number realised, and for the first
/// `rounds` rounds the `top` largest with both sides' moves and the means they left:
///   round  1: 12 exchanges of 240 candidates (230 valid); the largest:
///     gain 1.90 each: US president moves on Sanctions 80.00 → 62.00 (mean 56.25 → 60.10)
///                     for Russian president on Terms of a settlement 70.00 → 58.00 (mean 44.26 → 47.00)
/// (the second side's move is the first's return).
std::string exchange_account(const Scenario& scenario, const Forecast& forecast, std::size_t top = 3, std::size_t rounds = 3);

/// One side as JSON: {"actor", "supply", "demand", "from", "to", "toward", "move", "gain",
/// "mean_before", "mean_after"} (ids for the actor and issues).
nlohmann::ordered_json exchange_side_json(const Scenario& scenario, const ExchangeSide& side, std::size_t demand);

/// One round as JSON: {"round", "candidates", "valid", "realised": [{"gain", "sides": [first,
/// second]}]}.
nlohmann::ordered_json exchange_round_json(const Scenario& scenario, const ExchangeRound& round);

/// The forecast's "exchanges" key: every round (exchange_round_json).
nlohmann::ordered_json exchanges_json(const Scenario& scenario, const Forecast& forecast);

/// The head line of a trace, shared by the spatial and exchange traces: `head` with the scenario's
/// actor and issue ids added, left open for its last key `key`, an array of one line per round:
/// `{..., "actors": [...], "issues": [...],\n"KEY": [\n`.
void write_trace_head(std::ostream& out, nlohmann::ordered_json head, const Scenario& scenario, const char* key);

/// The trace of the exchange model (kExchangeTraceSchema): `head` (the document's first fields),
/// the actors and issues, then one line per round: round 0 the start, then each round's exchanges
/// (exchange_round_json), the voting positions and means it left and, with the option trace=true,
/// the next round's start positions.
void write_exchange_trace(std::ostream& out, nlohmann::ordered_json head, const Scenario& scenario, const Forecast& forecast);

}  // namespace parley::report
