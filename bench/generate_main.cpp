// parley_generate ACTORS ISSUES FILE [--uncertain]: writes a synthetic scenario (JSON if FILE ends
// in .json); with --uncertain every position, salience and capability is a distribution.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "generate_scenario.hpp"

int main(int argc, char** argv) {
  const bool uncertain = argc == 5 && std::string(argv[4]) == "--uncertain";
  if (argc != 4 && !uncertain) {
    std::cerr << "usage: parley_generate ACTORS ISSUES FILE(.json|.yaml) [--uncertain]\n";
    return 2;
  }
  const std::string file = argv[3];
  const bool json = file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0;
  std::ofstream(file) << parley::bench::generate_scenario(std::strtoul(argv[1], nullptr, 10), std::strtoul(argv[2], nullptr, 10),
                                                          json ? parley::bench::Syntax::json : parley::bench::Syntax::yaml, 42, uncertain);
  return 0;
}
