#include "report/output/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::report {

std::string fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:.{}f}", x, decimals); }

std::string fixed(std::optional<double> x, int decimals) { return x ? fixed(*x, decimals) : kNoValue; }

std::string signed_fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:+.{}f}", x, decimals); }

std::string percent(double share, int decimals) { return fmt::format("{:.{}f} %", 100 * share, decimals); }

namespace {

/// `x` in [0, full] with at least `decimals` decimals, and more (up to 8) while it would read as 0 or
/// as `full`: a bound of 0.000192 reads "0.0002", not "0.000".
std::string bound(double x, double full, int decimals) {
  auto at = [&](int d) { return std::round(x * std::pow(10.0, d)); };
  while (decimals < 8 && (at(decimals) <= 0 || at(decimals) >= std::round(full * std::pow(10.0, decimals)))) ++decimals;
  return fmt::format("{:.{}f}", x, decimals);
}

}  // namespace

std::string probability_words(const Proportion& p) {
  if (p.total > 0 && p.count == p.total) return fmt::format("in all {} draws (≥ {} %, 95 % interval)", p.total, bound(100 * p.low, 100, 1));
  if (p.total > 0 && p.count == 0) return fmt::format("in none of {} draws (≤ {} %, 95 % interval)", p.total, bound(100 * p.high, 100, 1));
  const std::string text = percent(p.estimate);
  if (text == "100 %") return "> 99 %";
  if (text == "0 %") return "< 1 %";
  return text;
}

std::string probability_percent(const Proportion& p) {
  if (p.total > 0 && p.count == p.total) return "≥ " + bound(100 * p.low, 100, 1) + " %";
  if (p.total > 0 && p.count == 0) return "≤ " + bound(100 * p.high, 100, 1) + " %";
  return probability_words(p);
}

std::string probability_cell(const Proportion& p) {
  if (p.total > 0 && p.count == p.total) return "≥ " + bound(p.low, 1, 3);
  if (p.total > 0 && p.count == 0) return "≤ " + bound(p.high, 1, 3);
  const std::string text = fmt::format("{:.3f}", p.estimate);
  if (text == "1.000") return "> 0.999";
  if (text == "0.000") return "< 0.001";
  return text;
}

std::string plain(double x) { return std::isnan(x) ? "" : fmt::format("{}", x); }

std::string plain(std::optional<double> x) { return x ? plain(*x) : ""; }

nlohmann::ordered_json json_number(double x) { return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr); }

nlohmann::ordered_json json_number(std::optional<double> x) { return x ? json_number(*x) : nlohmann::ordered_json(nullptr); }

}  // namespace parley::report
