// Colours of the report: the series palette of its charts and the WCAG 2 contrast of text.
// Series colours are the Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies); each has a darker shade for text, which reaches 4.5:1 against the page. Series k
// gets colour k mod 8 and dash pattern (k + k / 8) mod 8, so no two of the first 64 series of a
// chart draw alike: colour and dash repeat together only after 64.
#pragma once

#include <cstddef>
#include <string>

namespace parley::report {

/// Series k's colour (strokes and fills), its shade for text, and its dash pattern ("" solid).
const char* series_colour(std::size_t k);
const char* series_text_colour(std::size_t k);
const char* series_dash(std::size_t k);
/// How many series draw differently: the (colour, dash) pair of series k repeats at k + this.
inline constexpr std::size_t kDistinctSeries = 64;

/// WCAG 2 relative luminance of "#rrggbb" or "#rgb" (0 black .. 1 white); throws std::invalid_argument otherwise.
double relative_luminance(const std::string& colour);
/// WCAG 2 contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21.
double contrast_ratio(const std::string& a, const std::string& b);

}  // namespace parley::report
