// Small SVG charts drawn by parley for the analyst's report: no scripts, no external resources.
// Colours are the Okabe–Ito palette (report/colour.hpp), and every series also differs by dash
// pattern, so charts survive greyscale print. Each chart has a viewBox and no fixed size: the page
// scales it to the window's width (never above its natural width). Label columns are sized from
// their longest label; a label longer than a column may hold is wrapped, then shortened with "…",
// and carries its full text in a <title> tooltip.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report/colour.hpp"

namespace parley::report {

/// Escapes &, <, >, " and ' for HTML and SVG text and attributes.
std::string escape(const std::string& text);

/// An axis tick at `value` on an axis with ticks every `step`: as many decimals as the step needs,
/// the same for every tick of the axis (step 0.25: "0.00", "0.25"; step 25: "25"; step 2.5: "2.5").
std::string tick_label(double value, double step);

/// A label's text and its tooltip: `text` is shown, `title` (when not empty) on hover.
struct Label {
  std::string text, title;
  Label(std::string t = {}, std::string tip = {}) : text(std::move(t)), title(std::move(tip)) {}
  Label(const char* t) : text(t) {}
};
/// The width of UTF-8 text in 12 px sans-serif, estimated per character on the generous side: a
/// label column this wide holds the text.
double text_width(const std::string& text);
/// `text` cut into at most `max_lines` lines at most `max_width` wide (text_width), at spaces where
/// it can, never inside a UTF-8 character; what does not fit ends the last line with "…".
std::vector<std::string> wrap_label(const std::string& text, double max_width, std::size_t max_lines);

/// One row of an interval chart: a point, a 50 % band and a 90 % band on a common axis.
struct IntervalRow {
  Label label;
  double point = 0;                           // the point forecast (NaN: none)
  double q05 = 0, q25 = 0, q75 = 0, q95 = 0;  // NaN: no band
  double mean = 0;                            // the sweep mean (NaN: none)
};
/// Horizontal rows on [lo, hi], with end labels.
std::string interval_chart(const std::vector<IntervalRow>& rows, double lo, double hi, const std::string& lo_label,
                           const std::string& hi_label);

/// Lines over rounds: series[s][t] (NaN: no point), labelled at their ends.
struct LineSeries {
  Label label;
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
std::string probability_chart(const std::vector<Label>& groups, const std::vector<std::string>& series,
                              const std::vector<std::vector<ProbabilityBar>>& bars);

/// A tornado: for each input, the output at its low and at its high value around a base line.
struct TornadoRow {
  Label label;
  double low = 0, high = 0;
};
std::string tornado_chart(const std::vector<TornadoRow>& rows, double base, double lo, double hi);

}  // namespace parley::report
