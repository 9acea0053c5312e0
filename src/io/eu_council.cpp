#include "io/eu_council.hpp"

#include <array>
#include <charconv>

namespace parley::io {

namespace {

struct State {
  const char* code;
  double votes_1995;  // 0: not a member before 2004
  double votes_nice;
  double population;  // millions, 1 January 2015
};

// tests/data/eu-council/council-weights.csv (the EU treaties and accession acts; Eurostat).
constexpr std::array<State, 28> kStates{{
    {"at", 4, 10, 8.6}, {"be", 5, 12, 11.3}, {"bu", 0, 10, 7.2},   {"cr", 0, 7, 4.2},    {"cy", 0, 4, 0.85},   {"cz", 0, 12, 10.5},
    {"dk", 3, 7, 5.7},  {"ee", 0, 4, 1.3},   {"fi", 3, 7, 5.5},    {"fr", 10, 29, 66.4}, {"de", 10, 29, 81.2}, {"el", 5, 12, 10.9},
    {"hu", 0, 12, 9.9}, {"ie", 3, 7, 4.6},   {"it", 10, 29, 60.8}, {"lv", 0, 4, 2.0},    {"lt", 0, 7, 2.9},    {"lu", 2, 4, 0.56},
    {"mt", 0, 3, 0.43}, {"nl", 5, 13, 16.9}, {"pl", 0, 27, 38.0},  {"pt", 5, 12, 10.4},  {"ro", 0, 14, 19.9},  {"si", 0, 4, 2.1},
    {"sk", 0, 7, 5.4},  {"es", 8, 27, 46.4}, {"se", 4, 10, 9.7},   {"uk", 10, 29, 64.9},
}};

std::optional<int> number(const std::string& text, std::size_t from, std::size_t length) {
  int value = 0;
  const char* begin = text.data() + from;
  const auto [end, error] = std::from_chars(begin, begin + length, value);
  if (error != std::errc() || end != begin + length) return std::nullopt;
  return value;
}

int two_digit_year(int yy) { return yy >= 90 ? 1900 + yy : 2000 + yy; }

}  // namespace

CouncilEra council_era(int year) { return year < 2004 ? CouncilEra::amsterdam : year < 2012 ? CouncilEra::nice : CouncilEra::lisbon; }

const char* to_string(CouncilEra era) {
  switch (era) {
    case CouncilEra::amsterdam:
      return "Council votes of the EU of 15";
    case CouncilEra::nice:
      return "Council votes of the Treaty of Nice";
    case CouncilEra::lisbon:
      return "population (Lisbon double majority)";
  }
  return "?";
}

std::optional<double> council_weight(const std::string& code, CouncilEra era) {
  for (const State& s : kStates) {
    if (code != s.code) continue;
    const double w = era == CouncilEra::amsterdam ? s.votes_1995 : era == CouncilEra::nice ? s.votes_nice : s.population;
    if (w > 0) return w;
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<int> deu_intro_year(const std::string& cell, bool quoted) {
  if (quoted && (cell.size() == 8 || cell.size() == 10) && cell[2] == '-' && cell[5] == '-') {
    if (!number(cell, 0, 2) || !number(cell, 3, 2)) return std::nullopt;
    if (cell.size() == 10) return number(cell, 6, 4);
    if (auto yy = number(cell, 6, 2)) return two_digit_year(*yy);
    return std::nullopt;
  }
  if (!quoted && cell.size() == 10 && cell[4] == '-' && cell[7] == '-' &&
      (cell.compare(0, 2, "20") == 0 || cell.compare(0, 2, "19") == 0)) {
    if (!number(cell, 5, 2) || !number(cell, 2, 2)) return std::nullopt;
    if (auto yy = number(cell, 8, 2)) return two_digit_year(*yy);
  }
  return std::nullopt;
}

}  // namespace parley::io
