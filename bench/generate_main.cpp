// parley_generate ACTORS ISSUES FILE [--uncertain] [--continuous]: writes a synthetic scenario (JSON
// if FILE ends in .json); with --uncertain every position, salience and capability is a
// distribution; with --continuous positions are drawn from all of [0, 100], not its tenths.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "generate_scenario.hpp"

int main(int argc, char** argv) {
  bool uncertain = false, continuous = false, known = argc >= 4;
  for (int k = 4; k < argc; ++k) {
    const std::string flag = argv[k];
    uncertain = uncertain || flag == "--uncertain";
    continuous = continuous || flag == "--continuous";
    known = known && (flag == "--uncertain" || flag == "--continuous");
  }
  if (!known) {
    std::cerr << "usage: parley_generate ACTORS ISSUES FILE(.json|.yaml) [--uncertain] [--continuous]\n";
    return 2;
  }
  const std::string file = argv[3];
  const bool json = file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0;
  std::ofstream(file) << parley::bench::generate_scenario(std::strtoul(argv[1], nullptr, 10), std::strtoul(argv[2], nullptr, 10),
                                                          json ? parley::bench::Syntax::json : parley::bench::Syntax::yaml, 42, uncertain,
                                                          continuous);
  return 0;
}
