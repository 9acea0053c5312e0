// parley_generate ACTORS ISSUES FILE: writes a synthetic scenario (JSON if FILE ends in .json).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "generate_scenario.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: parley_generate ACTORS ISSUES FILE(.json|.yaml)\n";
    return 2;
  }
  const std::string file = argv[3];
  const bool json = file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0;
  std::ofstream(file) << parley::bench::generate_scenario(std::strtoul(argv[1], nullptr, 10), std::strtoul(argv[2], nullptr, 10),
                                                          json ? parley::bench::Syntax::json : parley::bench::Syntax::yaml);
  return 0;
}
