// Every parley command, one line each, in the order `parley --help` lists them.
//
// Adding a command: write commands/NAME.cpp defining `Command NAME_command()` (its options and its
// action; see commands/validate.cpp for a small one), and add X(NAME) below. CMake picks up every
// file in commands/.
#include "cli/command.hpp"

#define PARLEY_COMMANDS(X) \
  X(run)                   \
  X(sweep)                 \
  X(sensitivity)           \
  X(compare)               \
  X(feasibility)           \
  X(report)                \
  X(runs)                  \
  X(show)                  \
  X(export)                \
  X(merge)                 \
  X(validate)              \
  X(models)                \
  X(backtest)              \
  X(init)                  \
  X(serve)                 \
  X(help)

namespace parley::cli {

#define PARLEY_DECLARE(name) Command name##_command();
PARLEY_COMMANDS(PARLEY_DECLARE)
#undef PARLEY_DECLARE

const std::vector<Command>& command_table() {
#define PARLEY_ENTRY(name) name##_command(),
  static const std::vector<Command> table{PARLEY_COMMANDS(PARLEY_ENTRY)};
#undef PARLEY_ENTRY
  return table;
}

}  // namespace parley::cli
