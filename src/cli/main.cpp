// The parley executable: the command line of src/cli (include/parley/cli.hpp, docs/cli.md).
#include "parley/cli.hpp"

int main(int argc, char** argv) { return parley::cli::main(argc, argv); }
