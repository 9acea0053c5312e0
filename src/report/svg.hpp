// Small SVG charts drawn by parley for the analyst's report: no scripts, no external resources.
// Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
// and every series also differs by marker shape or dash pattern, so charts survive greyscale print.
#pragma once

#include <string>
#include <vector>

namespace parley::report {

/// Escapes &, <, >, " and ' for HTML and SVG text and attributes.
std::string escape(const std::string& text);

/// Okabe–Ito colour k (cycled) and a dash pattern / marker shape for series k.
const char* series_colour(std::size_t k);
const char* series_dash(std::size_t k);

/// One row of an interval chart: a point, a 50 % band and a 90 % band on a common axis.
struct IntervalRow {
  std::string label;
  double point = 0;                           // the point forecast (NaN: none)
  double q05 = 0, q25 = 0, q75 = 0, q95 = 0;  // NaN: no band
  double mean = 0;                            // the sweep mean (NaN: none)
};
/// Horizontal rows on [lo, hi], with end labels.
std::string interval_chart(const std::vector<IntervalRow>& rows, double lo, double hi, const std::string& lo_label,
                           const std::string& hi_label);

/// Lines over rounds: series[s][t] (NaN: no point), labelled at their ends.
struct LineSeries {
  std::string label;
  std::vector<double> values;
};
/// A mark between rounds: a dashed vertical line at `at` (e.g. 2.5), numbered `tag`, with `title`
/// shown on hover (events: applied before round R, so marked at R - 0.5).
struct Marker {
  double at = 0;
  std::string tag, title;
};
std::string line_chart(const std::vector<LineSeries>& series, double lo, double hi, const std::string& x_label,
                       const std::vector<Marker>& markers = {});

/// Probabilities with 95 % intervals: groups of bars (one bar per series in each group).
struct ProbabilityBar {
  double p = 0, low = 0, high = 0;
};
std::string probability_chart(const std::vector<std::string>& groups, const std::vector<std::string>& series,
                              const std::vector<std::vector<ProbabilityBar>>& bars);

/// A tornado: for each input, the output at its low and at its high value around a base line.
struct TornadoRow {
  std::string label;
  double low = 0, high = 0;
};
std::string tornado_chart(const std::vector<TornadoRow>& rows, double base, double lo, double hi);

}  // namespace parley::report
