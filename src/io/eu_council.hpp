// EU Council voting weights by treaty era, for DEU III's `--capability council`
// (tests/data/eu-council/README.md gives the facts and their sources).
#pragma once

#include <optional>
#include <string>

namespace parley::io {

/// The voting rule in force for a proposal introduced in `year`: the weighted votes of the EU of
/// 15 (before 2004), the Treaty of Nice's votes (2004–2011), or population, the basis of the
/// Lisbon double majority (from 2012).
enum class CouncilEra { amsterdam, nice, lisbon };
CouncilEra council_era(int year);
const char* to_string(CouncilEra era);

/// A member state's weight in `era` (votes, or population in millions), by its DEU code ("de");
/// std::nullopt for a code that is no member state or a state without votes in that era.
std::optional<double> council_weight(const std::string& deu_code, CouncilEra era);

/// The year of a DEU III `intro` cell: "dd-mm-yy" or "dd-mm-yyyy" (two-digit years 90–99 are
/// 19xx, others 20xx), or a bare yyyy-mm-dd in which a spreadsheet read "dd-mm-yy" as a date (its
/// first four digits are then "20" or "19" and the day's, the last two the year's: "2014-07-04" and
/// "1930-11-05" are 14 July 2004 and 30 November 2005). std::nullopt otherwise.
std::optional<int> deu_intro_year(const std::string& cell, bool quoted);

}  // namespace parley::io
