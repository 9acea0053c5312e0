#include "generate_scenario.hpp"

#include <fmt/format.h>

#include <random>

namespace parley::bench {

std::string generate_scenario(std::size_t actors, std::size_t issues, Syntax syntax, unsigned seed) {
  std::mt19937 rng(seed);
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
  for (std::size_t a = 0; a < actors; ++a)
    out += json ? fmt::format("{}{{\"id\": \"a{}\", \"capability\": {}}}\n", a ? "," : "", a, capability(rng) / 10.0)
                : fmt::format("  - {{id: a{}, capability: {}}}\n", a, capability(rng) / 10.0);
  out += json ? "],\n\"positions\": {\n" : "positions:\n";
  for (std::size_t a = 0; a < actors; ++a) {
    out += json ? fmt::format("{}\"a{}\": {{", a ? "," : "", a) : fmt::format("  a{}:\n", a);
    for (std::size_t i = 0; i < issues; ++i) {
      const double x = position(rng) / 10.0, s = salience(rng) / 100.0;
      out += json ? fmt::format("{}\"i{}\": {{\"position\": {}, \"salience\": {}}}", i ? ", " : "", i, x, s)
                  : fmt::format("    i{}: {{position: {}, salience: {}}}\n", i, x, s);
    }
    if (json) out += "}\n";
  }
  out += json ? "}}\n" : "";
  return out;
}

}  // namespace parley::bench
