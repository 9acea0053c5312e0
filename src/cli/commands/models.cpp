// parley models: lists the models and their options.
#include "cli/command.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct ModelsArgs {
  std::string format = "table";
};

void add_options(CLI::App& cmd, ModelsArgs& a) { cmd.add_option("-f,--format", a.format, "table or json")->capture_default_str(); }

void list_models(const ModelsArgs& args, Context& context) {
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json});
  write_model_list(context.out, all_models(), format);
}

}  // namespace

Command models_command() { return make_command<ModelsArgs>("models", "list the models and their options", add_options, list_models); }

}  // namespace parley::cli
