// parley's command line with one more model, registered the way a library user registers one
// (register_model, tests/models/tiny_model.hpp) and nothing else: no edit to the CLI, the sweep,
// the report or the registry. tests/cli/tiny_model_cli_test.cpp runs it.
#include "models/tiny_model.hpp"
#include "parley/cli.hpp"

int main(int argc, char** argv) {
  parley::testing::register_tiny_model();
  return parley::cli::main(argc, argv);
}
