#include "report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace parley::report {

namespace {

constexpr double kWidth = 640, kLeft = 170, kRight = 20, kRowHeight = 26, kTop = 24;

const char* const kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
const char* const kDashes[] = {"", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4 1 4", "3 6"};

std::string text(double x, double y, const std::string& s, const char* anchor = "start", const char* extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" {}>{}</text>", x, y, anchor, extra, escape(s));
}

std::string fmt_value(double v) { return std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); }

/// Maps [lo, hi] onto the plot's x range.
struct Axis {
  double lo, hi, x0, x1;
  double operator()(double v) const { return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (x1 - x0); }
};

std::string open(double height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" width=\"{0:.0f}\" height=\"{1:.0f}\" role=\"img\" "
      "font-family=\"sans-serif\" font-size=\"12\"><title>{2}</title>",
      kWidth, height, escape(title));
}

std::string x_axis(const Axis& ax, double y, const std::string& lo_label, const std::string& hi_label) {
  std::string out = fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#444\"/>", ax.x0, y, ax.x1, y);
  for (int k = 0; k <= 4; ++k) {
    const double v = ax.lo + (ax.hi - ax.lo) * k / 4, x = ax(v);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\"/>", x, y, y + 4);
    out += text(x, y + 16, fmt_value(v), "middle");
  }
  if (!lo_label.empty()) out += text(ax.x0, y + 30, lo_label, "start", "fill=\"#444\"");
  // On two lines: long end labels would overlap on one.
  if (!hi_label.empty()) out += text(ax.x1, y + 44, hi_label, "end", "fill=\"#444\"");
  return out;
}

}  // namespace

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

const char* series_colour(std::size_t k) { return kColours[k % std::size(kColours)]; }
const char* series_dash(std::size_t k) { return kDashes[k % std::size(kDashes)]; }

std::string interval_chart(const std::vector<IntervalRow>& rows, double lo, double hi, const std::string& lo_label,
                           const std::string& hi_label) {
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + 58;
  const Axis ax{lo, hi, kLeft, kWidth - kRight};
  std::string out = open(height, "forecasts with 50 % and 90 % bands");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const IntervalRow& row = rows[r];
    const double y = kTop + kRowHeight * (static_cast<double>(r) + 0.5);
    const char* c = series_colour(r);
    out += text(kLeft - 8, y + 4, row.label, "end");
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
          ax(row.point), y, escape(row.label), fmt_value(row.point));
  }
  out += x_axis(ax, kTop + kRowHeight * static_cast<double>(rows.size()) + 4, lo_label, hi_label);
  return out + "</svg>";
}

std::string line_chart(const std::vector<LineSeries>& series, double lo, double hi, const std::string& x_label,
                       const std::vector<Marker>& markers) {
  std::size_t rounds = 1;
  for (const LineSeries& s : series) rounds = std::max(rounds, s.values.size());
  const double height = 260, plot_top = 16, plot_bottom = 210, x0 = 50, x1 = kWidth - 150;
  auto xs = [&](std::size_t t) { return rounds > 1 ? x0 + (x1 - x0) * static_cast<double>(t) / static_cast<double>(rounds - 1) : x0; };
  auto ys = [&](double v) { return plot_bottom - (std::clamp(v, lo, hi) - lo) / (hi - lo) * (plot_bottom - plot_top); };
  std::string out = open(height, "positions over rounds");
  for (int k = 0; k <= 4; ++k) {
    const double v = lo + (hi - lo) * k / 4;
    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", x0, ys(v), x1, ys(v));
    out += text(x0 - 6, ys(v) + 4, fmt_value(v), "end");
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
  for (std::size_t s = 0; s < series.size(); ++s) {
    std::string points;
    double last = std::nan("");
    for (std::size_t t = 0; t < series[s].values.size(); ++t)
      if (!std::isnan(series[s].values[t])) {
        points += fmt::format("{:.1f},{:.1f} ", xs(t), ys(series[s].values[t]));
        last = series[s].values[t];
      }
    if (points.empty()) continue;
    out += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"{}\"><title>{}</title></polyline>",
        points, series_colour(s), series_dash(s), escape(series[s].label));
    out += text(x1 + 6, ys(last) + 4, series[s].label, "start", fmt::format("fill=\"{}\"", series_colour(s)).c_str());
  }
  return out + "</svg>";
}

std::string probability_chart(const std::vector<std::string>& groups, const std::vector<std::string>& series,
                              const std::vector<std::vector<ProbabilityBar>>& bars) {
  const double bar = 12, gap = 10;
  const double group_height = bar * static_cast<double>(series.size()) + gap;
  const double height = kTop + group_height * static_cast<double>(groups.size()) + 44 + 18 * static_cast<double>(series.size());
  const Axis ax{0, 1, kLeft, kWidth - kRight};
  std::string out = open(height, "outcome probabilities with 95 % intervals");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const double y0 = kTop + group_height * static_cast<double>(g);
    out += text(kLeft - 8, y0 + group_height / 2, groups[g], "end");
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
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"10\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>",
                       kLeft, y - 9, series_colour(s));
    out += text(kLeft + 20, y, series[s]);
  }
  return out + "</svg>";
}

std::string tornado_chart(const std::vector<TornadoRow>& rows, double base, double lo, double hi) {
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + 44;
  const Axis ax{lo, hi, kLeft + 120, kWidth - kRight};
  std::string out = open(height, "one-at-a-time sensitivity (tornado)");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = kTop + kRowHeight * (static_cast<double>(r) + 0.5);
    out += text(ax.x0 - 8, y + 4, rows[r].label, "end");
    const double a = ax(std::min(rows[r].low, rows[r].high)), b = ax(std::max(rows[r].low, rows[r].high));
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"14\" fill=\"{}\"><title>at 5 %: {}, at 95 %: {}</title></rect>", a,
        y - 7, std::max(1.0, b - a), series_colour(0), fmt_value(rows[r].low), fmt_value(rows[r].high));
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>", ax(rows[r].low), y, series_colour(1));
  }
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#000\" stroke-dasharray=\"4 2\"/>",
                     ax(base), kTop - 6, kTop + kRowHeight * static_cast<double>(rows.size()));
  out += x_axis(ax, kTop + kRowHeight * static_cast<double>(rows.size()) + 4, "", "");
  return out + "</svg>";
}

}  // namespace parley::report
