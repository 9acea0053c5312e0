#include "report/output/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::report {

std::string fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:.{}f}", x, decimals); }

std::string fixed(std::optional<double> x, int decimals) { return x ? fixed(*x, decimals) : kNoValue; }

std::string signed_fixed(double x, int decimals) { return std::isnan(x) ? kNoValue : fmt::format("{:+.{}f}", x, decimals); }

std::string percent(double share, int decimals) { return fmt::format("{:.{}f} %", 100 * share, decimals); }

std::string plain(double x) { return std::isnan(x) ? "" : fmt::format("{}", x); }

std::string plain(std::optional<double> x) { return x ? plain(*x) : ""; }

nlohmann::ordered_json json_number(double x) { return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr); }

nlohmann::ordered_json json_number(std::optional<double> x) { return x ? json_number(*x) : nlohmann::ordered_json(nullptr); }

}  // namespace parley::report
