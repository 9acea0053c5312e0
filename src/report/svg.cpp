#include "report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace parley::report {

namespace {

constexpr double kPlotWidth = 380, kRight = 20, kRowHeight = 26, kTop = 24, kLineHeight = 13;

/// UTF-8 text as its characters (code points), each as its bytes.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (unsigned char c : s)
    if ((c & 0xC0) == 0x80 && !out.empty())
      out.back() += static_cast<char>(c);
    else
      out.emplace_back(1, static_cast<char>(c));
  return out;
}

/// The width of one character of 12 px sans-serif text, on the generous side (DejaVu Sans, the
/// widest of the usual sans-serif faces, rounded up).
double char_width(const std::string& c) {
  if (c.size() > 1) return c == "—" || c == "…" ? 12.0 : 7.7;  // accented letters, ¶, –
  const char x = c[0];
  if (x == ' ') return 3.9;
  if (std::strchr("iljI!|.,:;'", x)) return 3.6;
  if (std::strchr("frt()[]-/\"", x)) return 5.0;
  if (std::strchr("mwMW%@", x)) return 12.0;
  if (x >= 'A' && x <= 'Z') return 9.0;
  if (x >= '0' && x <= '9') return 7.7;
  return 7.5;
}

/// The longest start of `s` (whole characters) at most `width` wide; at least one character.
std::string prefix_within(const std::string& s, double width) {
  std::string out;
  double w = 0;
  for (const std::string& c : characters(s)) {
    w += char_width(c);
    if (w > width && !out.empty()) break;
    out += c;
  }
  return out;
}

/// The width of a label column that holds the widest of `labels` on one line, within [least, most].
double column_width(const std::vector<std::string>& labels, double least, double most) {
  double widest = 0;
  for (const std::string& l : labels) widest = std::max(widest, text_width(l));
  return std::clamp(std::ceil(widest), least, most);
}

/// A label in at most `max_lines` lines `max_width` wide, centred on y; its full text (and its
/// tooltip) on hover whenever it has a tooltip or had to be wrapped.
std::string label_text(double x, double y, const Label& l, double max_width, std::size_t max_lines, const char* anchor,
                       const std::string& extra = "") {
  const std::vector<std::string> lines = wrap_label(l.text, max_width, max_lines);
  std::string out = fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\"{}>", x,
                                y + 4 - kLineHeight * static_cast<double>(lines.size() - 1) / 2, anchor, extra.empty() ? "" : " " + extra);
  if (!l.title.empty() || lines.size() > 1 || (!lines.empty() && lines[0] != l.text))
    out += "<title>" + escape(l.title.empty() ? l.text : l.text + " [" + l.title + "]") + "</title>";
  if (lines.size() == 1) return out + escape(lines[0]) + "</text>";
  for (std::size_t k = 0; k < lines.size(); ++k)
    out += fmt::format("<tspan x=\"{:.1f}\" dy=\"{}\">{}</tspan>", x, k ? kLineHeight : 0, escape(lines[k]));
  return out + "</text>";
}

std::string text(double x, double y, const std::string& s, const char* anchor = "start", const char* extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" {}>{}</text>", x, y, anchor, extra, escape(s));
}

std::string fmt_value(double v) { return std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); }

/// Maps [lo, hi] onto the plot's x range.
struct Axis {
  double lo, hi, x0, x1;
  double operator()(double v) const { return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (x1 - x0); }
};

/// An SVG that scales down to the width of its container, never above its natural width.
std::string open(double width, double height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" width=\"100%\" style=\"max-width:{0:.0f}px;height:auto\" "
      "role=\"img\" font-family=\"sans-serif\" font-size=\"12\"><title>{2}</title>",
      width, height, escape(title));
}

std::string x_axis(const Axis& ax, double y, const std::string& lo_label, const std::string& hi_label) {
  std::string out = fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#444\"/>", ax.x0, y, ax.x1, y);
  const double step = (ax.hi - ax.lo) / 4;
  for (int k = 0; k <= 4; ++k) {
    const double v = ax.lo + step * k, x = ax(v);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\"/>", x, y, y + 4);
    out += text(x, y + 16, tick_label(v, step), "middle");
  }
  if (!lo_label.empty()) out += text(ax.x0, y + 30, lo_label, "start", "fill=\"#444\"");
  // On two lines: long end labels would overlap on one.
  if (!hi_label.empty()) out += text(ax.x1, y + 44, hi_label, "end", "fill=\"#444\"");
  return out;
}

/// Baselines for labels wanted at `want`, at least a line apart and within [top, bottom].
std::vector<double> spread(const std::vector<double>& want, double top, double bottom) {
  std::vector<std::size_t> order(want.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return want[a] < want[b]; });
  std::vector<double> y(want.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    y[order[k]] = std::max(k ? y[order[k - 1]] + kLineHeight : top, std::clamp(want[order[k]], top, bottom));
  for (std::size_t k = order.size(); k-- > 0;)
    if (k + 1 == order.size())
      y[order[k]] = std::min(y[order[k]], bottom);
    else
      y[order[k]] = std::min(y[order[k]], y[order[k + 1]] - kLineHeight);
  return y;
}

}  // namespace

std::string tick_label(double value, double step) {
  int decimals = 0;
  for (double scaled = std::fabs(step); decimals < 6 && std::fabs(scaled - std::round(scaled)) > 1e-9 * std::max(1.0, scaled); scaled *= 10)
    ++decimals;
  const std::string s = fmt::format("{:.{}f}", value, decimals);
  return std::stod(s) == 0 ? fmt::format("{:.{}f}", 0.0, decimals) : s;  // no "-0.00"
}

double text_width(const std::string& text) {
  double w = 0;
  for (const std::string& c : characters(text)) w += char_width(c);
  return w;
}

std::vector<std::string> wrap_label(const std::string& text, double max_width, std::size_t max_lines) {
  const auto fits = [&](const std::string& s) { return text_width(s) <= max_width; };
  std::vector<std::string> lines;
  std::string line;
  bool cut = false;
  const auto push = [&](const std::string& l) {
    if (lines.size() == max_lines)
      cut = true;
    else
      lines.push_back(l);
  };
  for (std::size_t start = 0; start <= text.size() && !cut;) {
    const std::size_t space = std::min(text.find(' ', start), text.size());
    std::string word = text.substr(start, space - start);
    start = space + 1;
    while (!fits(word) && !cut) {  // a word wider than a line: cut it
      if (!line.empty()) push(line), line.clear();
      const std::string head = prefix_within(word, max_width);
      push(head);
      word = word.substr(head.size());
    }
    if (cut) break;
    if (line.empty())
      line = word;
    else if (fits(line + " " + word))
      line += " " + word;
    else
      push(line), line = word;
  }
  if (!cut && (!line.empty() || lines.empty())) push(line);
  if (cut && !lines.empty()) {
    std::vector<std::string> cs = characters(lines.back());
    while (!cs.empty() && (cs.back() == " " || text_width(lines.back() + "…") > max_width)) {
      lines.back().resize(lines.back().size() - cs.back().size());
      cs.pop_back();
    }
    lines.back() += "…";
  }
  return lines;
}

std::string escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string interval_chart(const std::vector<IntervalRow>& rows, double lo, double hi, const std::string& lo_label,
                           const std::string& hi_label) {
  std::vector<std::string> labels;
  for (const IntervalRow& row : rows) labels.push_back(row.label.text);
  const double column = column_width(labels, 60, 200), left = column + 16, width = left + kPlotWidth + kRight;
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + 58;
  const Axis ax{lo, hi, left, width - kRight};
  std::string out = open(width, height, "forecasts with 50 % and 90 % bands");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const IntervalRow& row = rows[r];
    const double y = kTop + kRowHeight * (static_cast<double>(r) + 0.5);
    const char* c = series_colour(r);
    out += label_text(left - 8, y, row.label, column, 2, "end");
    if (!std::isnan(row.q05))
      out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2\"/>", ax(row.q05), y,
                         ax(row.q95), y, c);
    if (!std::isnan(row.q25))
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"10\" fill=\"{}\" fill-opacity=\"0.35\" stroke=\"{}\"/>",
                         ax(row.q25), y - 5, std::max(1.0, ax(row.q75) - ax(row.q25)), c, c);
    if (!std::isnan(row.mean))
      out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#000\" stroke-width=\"2\"/>",
                         ax(row.mean), y - 8, y + 8);
    if (!std::isnan(row.point))
      out += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2\"><title>{}: {}</title></circle>",
          ax(row.point), y, escape(row.label.text), fmt_value(row.point));
  }
  out += x_axis(ax, kTop + kRowHeight * static_cast<double>(rows.size()) + 4, lo_label, hi_label);
  return out + "</svg>";
}

std::string line_chart(const std::vector<LineSeries>& series, double lo, double hi, const std::string& x_label,
                       const std::vector<Marker>& markers) {
  std::size_t rounds = 1;
  std::vector<std::string> labels;
  for (const LineSeries& s : series) rounds = std::max(rounds, s.values.size()), labels.push_back(s.label.text);
  // The labels at the lines' ends stand a line apart: the plot is tall enough for all of them.
  const double plot_top = 16, plot_bottom = std::max(210.0, plot_top + kLineHeight * static_cast<double>(series.size() + 1));
  const double x0 = 50, x1 = x0 + kPlotWidth - 50, column = column_width(labels, 40, 300), width = x1 + 24 + column + 6;
  const double height = plot_bottom + 50;
  auto xs = [&](std::size_t t) { return rounds > 1 ? x0 + (x1 - x0) * static_cast<double>(t) / static_cast<double>(rounds - 1) : x0; };
  auto ys = [&](double v) { return plot_bottom - (std::clamp(v, lo, hi) - lo) / (hi - lo) * (plot_bottom - plot_top); };
  std::string out = open(width, height, "positions over rounds");
  const double step = (hi - lo) / 4;
  for (int k = 0; k <= 4; ++k) {
    const double v = lo + step * k;
    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", x0, ys(v), x1, ys(v));
    out += text(x0 - 6, ys(v) + 4, tick_label(v, step), "end");
  }
  for (std::size_t t = 0; t < rounds; t += std::max<std::size_t>(1, rounds / 10))
    out += text(xs(t), plot_bottom + 16, std::to_string(t), "middle");
  out += text((x0 + x1) / 2, plot_bottom + 34, x_label, "middle", "fill=\"#444\"");
  for (const Marker& m : markers) {
    const double x = rounds > 1 ? x0 + (x1 - x0) * m.at / static_cast<double>(rounds - 1) : x0;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#555\" stroke-dasharray=\"2 3\"><title>{}</title></line>",
        x, plot_top + 6, x, plot_bottom, escape(m.title));
    out += text(x, plot_top + 2, m.tag, "middle", "font-weight=\"bold\"");
  }
  std::vector<std::size_t> drawn;
  std::vector<double> ends;
  for (std::size_t s = 0; s < series.size(); ++s) {
    std::string points;
    double last = std::nan("");
    for (std::size_t t = 0; t < series[s].values.size(); ++t)
      if (!std::isnan(series[s].values[t])) {
        points += fmt::format("{:.1f},{:.1f} ", xs(t), ys(series[s].values[t]));
        last = series[s].values[t];
      }
    if (points.empty()) continue;
    const std::string tip =
        series[s].label.title.empty() ? series[s].label.text : series[s].label.text + " [" + series[s].label.title + "]";
    out += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"{}\"><title>{}</title></polyline>",
        points, series_colour(s), series_dash(s), escape(tip));
    drawn.push_back(s);
    ends.push_back(ys(last));
  }
  // Direct labels at the lines' ends, spread a line apart, each joined to its line by a short leader.
  const std::vector<double> at = spread(ends, plot_top, plot_bottom);
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const std::size_t s = drawn[k];
    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-dasharray=\"{}\"/>", x1 + 2,
                       ends[k], x1 + 20, at[k], series_colour(s), series_dash(s));
    out += label_text(x1 + 24, at[k], series[s].label, column, 1, "start", fmt::format("fill=\"{}\"", series_text_colour(s)));
  }
  return out + "</svg>";
}

std::string probability_chart(const std::vector<Label>& groups, const std::vector<std::string>& series,
                              const std::vector<std::vector<ProbabilityBar>>& bars) {
  const double bar = 12, gap = 10;
  const double group_height = bar * static_cast<double>(series.size()) + gap;
  std::vector<std::string> labels;
  for (const Label& g : groups) labels.push_back(g.text);
  const double column = column_width(labels, 60, 240), left = column + 16, width = left + kPlotWidth + kRight;
  const std::size_t lines = std::max<std::size_t>(1, static_cast<std::size_t>(group_height / kLineHeight));
  const double height = kTop + group_height * static_cast<double>(groups.size()) + 44 + 18 * static_cast<double>(series.size());
  const Axis ax{0, 1, left, width - kRight};
  std::string out = open(width, height, "outcome probabilities with 95 % intervals");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const double y0 = kTop + group_height * static_cast<double>(g);
    out += label_text(left - 8, y0 + (group_height - gap) / 2, groups[g], column, lines, "end");
    for (std::size_t s = 0; s < series.size(); ++s) {
      const ProbabilityBar& b = bars[g][s];
      const double y = y0 + bar * static_cast<double>(s);
      if (std::isnan(b.p)) continue;
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\" "
          "stroke-dasharray=\"{}\"><title>{}: {:.3f} [{:.3f}, {:.3f}]</title></rect>",
          ax.x0, y, std::max(0.5, ax(b.p) - ax.x0), bar - 2, series_colour(s), series_dash(s), escape(series[s]), b.p, b.low, b.high);
      out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#000\"/>", ax(b.low), y + bar / 2 - 1,
                         ax(b.high), y + bar / 2 - 1);
    }
  }
  const double axis_y = kTop + group_height * static_cast<double>(groups.size()) + 4;
  out += x_axis(ax, axis_y, "", "");
  for (std::size_t s = 0; s < series.size(); ++s) {
    const double y = axis_y + 30 + 18 * static_cast<double>(s);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"10\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\" "
        "stroke-dasharray=\"{}\"/>",
        left, y - 9, series_colour(s), series_dash(s));
    out += text(left + 20, y, series[s]);
  }
  return out + "</svg>";
}

std::string tornado_chart(const std::vector<TornadoRow>& rows, double base, double lo, double hi) {
  std::vector<std::string> labels;
  for (const TornadoRow& row : rows) labels.push_back(row.label.text);
  // A narrower column and plot than other charts', labels on up to three lines: the chart stays
  // legible when a narrow window scales it down.
  const double column = column_width(labels, 60, 230), left = column + 16, width = left + kPlotWidth - 60 + kRight;
  std::size_t lines = 1;
  for (const std::string& l : labels) lines = std::max(lines, wrap_label(l, column, 3).size());
  const double row_height = std::max(kRowHeight, kLineHeight * static_cast<double>(lines) + 10);
  const double height = kTop + row_height * static_cast<double>(rows.size()) + 44;
  const Axis ax{lo, hi, left, width - kRight};
  std::string out = open(width, height, "one-at-a-time sensitivity (tornado)");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = kTop + row_height * (static_cast<double>(r) + 0.5);
    out += label_text(ax.x0 - 8, y, rows[r].label, column, 3, "end");
    const double a = ax(std::min(rows[r].low, rows[r].high)), b = ax(std::max(rows[r].low, rows[r].high));
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"14\" fill=\"{}\"><title>at 5 %: {}, at 95 %: {}</title></rect>", a,
        y - 7, std::max(1.0, b - a), series_colour(0), fmt_value(rows[r].low), fmt_value(rows[r].high));
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>", ax(rows[r].low), y, series_colour(1));
  }
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#000\" stroke-dasharray=\"4 2\"/>",
                     ax(base), kTop - 6, kTop + row_height * static_cast<double>(rows.size()));
  out += x_axis(ax, kTop + row_height * static_cast<double>(rows.size()) + 4, "", "");
  return out + "</svg>";
}

}  // namespace parley::report
