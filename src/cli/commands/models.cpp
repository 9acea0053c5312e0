// parley models: lists the models and their options.
#include "cli/command.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct NoArgs {};

void no_options(CLI::App&, NoArgs&) {}

void list_models(const NoArgs&, Context& context) { write_model_list(context.out, all_models()); }

}  // namespace

Command models_command() { return make_command<NoArgs>("models", "list the models and their options", no_options, list_models); }

}  // namespace parley::cli
