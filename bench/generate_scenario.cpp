#include "generate_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <random>

namespace parley::bench {

namespace {

std::string range(double lo, double hi) { return fmt::format("[{}, {}]", lo, hi); }

}  // namespace

std::string generate_scenario(std::size_t actors, std::size_t issues, Syntax syntax, unsigned seed, bool uncertain, bool continuous) {
  std::mt19937 rng(seed), continuous_rng(seed + 1);
  std::uniform_real_distribution<double> continuous_position(0, 100);
  std::uniform_int_distribution<int> position(0, 1000), salience(1, 100), capability(1, 1000);
  std::string out;
  out.reserve(actors * issues * 48);
  const bool json = syntax == Syntax::json;
  out += json ? "{\"parley\": 1, \"metadata\": {\"title\": \"generated\"},\n\"issues\": [\n"
              : "parley: 1\nmetadata: {title: generated}\nissues:\n";
  for (std::size_t i = 0; i < issues; ++i)
    out += json ? fmt::format("{}{{\"id\": \"i{}\", \"status_quo\": 50}}\n", i ? "," : "", i)
                : fmt::format("  - {{id: i{}, status_quo: 50}}\n", i);
  out += json ? "],\n\"actors\": [\n" : "actors:\n";
  for (std::size_t a = 0; a < actors; ++a) {
    const double c = capability(rng) / 10.0;
    const std::string cap = uncertain ? fmt::format("\"normal({}, {})\"", c, c / 10) : fmt::format("{}", c);
    out += json ? fmt::format("{}{{\"id\": \"a{}\", \"capability\": {}}}\n", a ? "," : "", a, cap)
                : fmt::format("  - {{id: a{}, capability: {}}}\n", a, cap);
  }
  out += json ? "],\n\"positions\": {\n" : "positions:\n";
  for (std::size_t a = 0; a < actors; ++a) {
    out += json ? fmt::format("{}\"a{}\": {{", a ? "," : "", a) : fmt::format("  a{}:\n", a);
    for (std::size_t i = 0; i < issues; ++i) {
      const double tenths = position(rng) / 10.0, s = salience(rng) / 100.0;
      const double x = continuous ? continuous_position(continuous_rng) : tenths;
      const std::string xs = uncertain ? range(std::max(0.0, x - 5), std::min(100.0, x + 5)) : fmt::format("{}", x);
      const std::string ss = uncertain ? range(s * 0.8, std::min(1.0, s * 1.2)) : fmt::format("{}", s);
      out += json ? fmt::format("{}\"i{}\": {{\"position\": {}, \"salience\": {}}}", i ? ", " : "", i, xs, ss)
                  : fmt::format("    i{}: {{position: {}, salience: {}}}\n", i, xs, ss);
    }
    if (json) out += "}\n";
  }
  out += json ? "}}\n" : "";
  return out;
}

}  // namespace parley::bench
