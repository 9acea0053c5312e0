#include "report/output/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::report {

std::string fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:.{}f}", x, decimals); }

std::string fixed(std::optional<double> x, int decimals) { return x ? fixed(*x, decimals) : kNoValue; }

std::string signed_fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:+.{}f}", x, decimals); }

std::string percent(double share, int decimals) { return fmt::format("{:.{}f} %", 100 * share, decimals); }

std::string probability_words(const Proportion& p) {
  if (p.total > 0 && p.count == p.total) return fmt::format("in all {} draws (≥ {:.1f} %, 95 % interval)", p.total, 100 * p.low);
  if (p.total > 0 && p.count == 0) return fmt::format("in none of {} draws (≤ {:.1f} %, 95 % interval)", p.total, 100 * p.high);
  const std::string text = percent(p.estimate);
  if (text == "100 %") return "> 99 %";
  if (text == "0 %") return "< 1 %";
  return text;
}

std::string probability_cell(const Proportion& p) {
  if (p.total > 0 && p.count == p.total) return fmt::format("≥ {:.3f}", p.low);
  if (p.total > 0 && p.count == 0) return fmt::format("≤ {:.3f}", p.high);
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
