// parley models: lists the models and their options.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct NoArgs {};

void no_options(CLI::App&, NoArgs&) {}

void list_models(const NoArgs&, Context& context) {
  for (const Model* m : all_models()) {
    context.out << fmt::format("{:<12} {}\n", m->name(), m->description());
    for (const ModelOptionSpec& o : m->options())
      context.out << fmt::format("    --option {}=VALUE  (default {}): {}\n", o.name, o.default_value, o.description);
  }
}

}  // namespace

Command models_command() { return make_command<NoArgs>("models", "list the models and their options", no_options, list_models); }

}  // namespace parley::cli
