// parley run FILE: runs a model on a scenario and prints or saves the forecast (and its trace).
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct RunArgs {
  InputArgs input;
  std::string model = "compromise";
  std::string format = "table";
  std::string output;                  // empty: standard output
  std::vector<std::string> options;    // NAME=VALUE
  int rounds = -1;                     // --rounds N: exactly N rounds (models with rounds)
  std::string trace;                   // --trace FILE
  std::string seed;                    // --seed S: the model's random seed
  std::vector<std::string> overrides;  // --set TARGET.FIELD=VALUE
};

void add_options(CLI::App& cmd, RunArgs& a) {
  add_input(cmd, a.input);
  cmd.add_option("-m,--model", a.model, "model name (see 'parley models')")->capture_default_str();
  cmd.add_option("-f,--format", a.format, "output format: table, json or csv")->capture_default_str();
  cmd.add_option("-o,--output", a.output, "write the forecast to this file instead of standard output");
  cmd.add_option("--option", a.options, "model option NAME=VALUE (repeatable)");
  add_count(cmd, "--rounds", a.rounds, 0, kMaxRounds, "models with rounds: run exactly N rounds")->default_str("");
  cmd.add_option("--trace", a.trace, "models with rounds: write every round's detail (JSON) to this file");
  cmd.add_option("--seed", a.seed, "models with random draws (bdm conflict=random, smp transitions=stochastic): the seed");
  add_set(cmd, a.overrides);
}

/// The model's options: --option pairs with --rounds, --seed and --trace carried out through the
/// model contract (apply_request refuses a request the model has no trait for, or one that
/// contradicts an explicit --option).
ModelOptions model_options(const RunArgs& args, const Model& model) {
  RunRequest request;
  if (args.rounds >= 0) request.rounds = args.rounds;
  if (!args.seed.empty()) request.seed = args.seed;
  request.trace = !args.trace.empty();
  return apply_request(model, parse_options(args.options), request);
}

void run(const RunArgs& args, Context& context) {
  check_outputs({{"--trace", args.trace, "the trace"}, {"--output", args.output, "the forecast"}},
                {{"FILE", args.input.file, "the scenario"}});
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  const Model& model = model_named(args.model);
  const ModelOptions options = model_options(args, model);
  const Scenario scenario = read_input(args.input, args.overrides);

  const Forecast forecast = model.run(scenario, options);

  std::ostringstream text;
  write_forecast(text, scenario, forecast, format);
  std::ostringstream trace;
  if (!args.trace.empty()) write_trace(trace, scenario, forecast);
  // Both outputs are complete before either is written.
  if (!args.trace.empty()) write_file_atomically(args.trace, trace.str());
  emit(args.output, text.str(), context.out);
}

}  // namespace

Command run_command() { return make_command<RunArgs>("run", "run a model on a scenario and print or save the forecast", add_options, run); }

}  // namespace parley::cli
