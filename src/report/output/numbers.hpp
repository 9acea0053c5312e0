// Numbers as parley's writers print them: one rule per format for a number without a value (NaN,
// or an empty optional): "—" in tables, an empty cell in CSV, null in JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "parley/sweep.hpp"

namespace parley::report {

/// What a table shows for a number without a value.
inline constexpr const char* kNoValue = "—";

/// Tables: `x` with `decimals` decimals ("12.35"), or "—".
std::string fixed(double x, int decimals);
std::string fixed(std::optional<double> x, int decimals);
/// Tables: the same with a sign ("+0.125", "-3.0"), or "—".
std::string signed_fixed(double x, int decimals);
/// Tables: a share as a whole percentage ("42 %"); `decimals` more digits on request ("41.7 %").
std::string percent(double share, int decimals = 0);

/// Text: a probability estimated from draws, never "100 %" or "0 %" (docs/uncertainty.md). Seen in
/// all n draws: "in all 200 draws (≥ 98.1 %, 95 % interval)"; in none: "in none of 200 draws
/// (≤ 1.9 %, 95 % interval)", the bound being the 95 % Wilson interval's (p.low, p.high); else the
/// estimate as a whole percentage, "> 99 %" or "< 1 %" where it would round to 100 or 0. A bound
/// gets more decimals where it would read as 0 or 100 ("≤ 0.02 %" for 20000 draws).
std::string probability_words(const Proportion& p);
/// Tables of percentages: as probability_words, but in all or none of the draws only the bound,
/// "≥ 98.1 %" or "≤ 1.9 %" (the table says what the sign means).
std::string probability_percent(const Proportion& p);
/// Tables: the estimate with three decimals ("0.417"); "≥ 0.981" (the interval's low end) in all
/// draws, "≤ 0.019" (its high end) in none, with more decimals where the bound would read as 0 or 1
/// ("≤ 0.0002"); "> 0.999" or "< 0.001" where the estimate would round to 1 or 0.
std::string probability_cell(const Proportion& p);

/// CSV: the shortest text that reads back as `x` ("12.345", "1e-07"), or "" (an empty cell).
std::string plain(double x);
std::string plain(std::optional<double> x);

/// JSON: the number, or null.
nlohmann::ordered_json json_number(double x);
nlohmann::ordered_json json_number(std::optional<double> x);

}  // namespace parley::report
