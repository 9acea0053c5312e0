// The report's account of linkage: the trades between issues that the exchange model realises at
// the point values (Forecast::exchanges), in plain words.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parley/forecast.hpp"
#include "parley/scenario.hpp"

namespace parley::report {

/// The largest exchanges of the whole run, at most `k`, highest gain first: of several between the
/// same two actors on the same two issues (in any round) only the largest.
std::vector<const TradedExchange*> largest_trades(const Forecast& forecast, std::size_t k);

/// A trade in plain words: "US president gives ground on Sanctions on Russia (80 → 62, toward
/// ‘all sanctions lifted’) in return for Russian president giving ground on Terms of a settlement in
/// Ukraine (70 → 58, toward ‘Russia keeps its gains’); each gains 1.9". An end without a label is
/// "the low end" or "the high end"; unequal gains (random-rate) read "gains 1.2 and 2.6". Plain
/// text, not escaped.
std::string trade_words(const Scenario& scenario, const TradedExchange& trade);

/// The "Linkage: trades between issues" section: how many exchanges the run realised, the largest
/// trades in plain words, and the pairs of issues traded most. "" when `forecast` has no exchanges
/// (every model but exchange).
std::string linkage_section(const Scenario& scenario, const Forecast& forecast);

}  // namespace parley::report
