// parley sensitivity FILE: Sobol indices and a tornado for every issue outcome and outcome class.
#include "parley/sensitivity.hpp"

#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/stored_sensitivity.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct SensitivityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::size_t samples = 512;
  std::size_t top = 10;
  std::string method = "both";  // sobol, tornado or both
  std::string db, shard;        // store the model runs (docs/distributed.md)
  std::int64_t resume = 0;
};

void add_options(CLI::App& cmd, SensitivityArgs& a) {
  add_input(cmd, a.input);
  cmd.get_option("FILE")->required(false)->description("scenario (not needed with --resume)");
  add_sampling(cmd, a.sampling, false);
  add_count(cmd, "--samples", a.samples, 2, kMaxSamples, "Sobol base samples N (N x (inputs + 2) model runs)");
  add_count(cmd, "--top", a.top, 0, kMaxTop, "inputs listed per output in the table");
  cmd.add_option("--method", a.method, "both, sobol or tornado")->capture_default_str();
  cmd.add_option("--db", a.db, "store the model runs as a run of this results database (docs/distributed.md)");
  cmd.add_option("--shard", a.shard, "K/N: evaluate only shard K (from 0) of N of the model runs (needs --db)");
  add_count(cmd, "--resume", a.resume, 1, INT64_MAX, "complete the stored sensitivity run RUN of --db and print its indices")
      ->default_str("");
}

/// With --db, --shard or --resume: the model runs go through the results database.
void stored(const SensitivityArgs& args, OutputFormat format, Context& context) {
  const SamplingArgs& a = args.sampling;
  if (args.db.empty()) throw InputError({}, "--db", "missing", "the results database that --shard and --resume use");
  check_outputs({{"--db", args.db, "the results database"}, {"--output", a.output, "the indices"}},
                {{"FILE", args.input.file, "the scenario"}});
  if (args.resume > 0 && !args.input.file.empty())
    throw InputError({}, "FILE", "not used with --resume (the run stores its scenario)", "a scenario file, or --resume RUN --db FILE");
  if (args.resume > 0 && !args.shard.empty())
    throw InputError({}, "--shard", "not used with --resume (the run stores its shard)", "--resume RUN --db FILE");
  if (args.resume == 0 && args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN");
  std::string note;
  const auto results = stored_sensitivity({args.input.file, args.input.input_format, args.input.capability, a.overrides, a.model, a.options,
                                           a.seed, args.samples, args.method, args.db, args.shard, args.resume, resolve_threads(a.threads)},
                                          note);
  if (!results) {
    context.out << note;
    return;
  }
  std::ostringstream text;
  write_sensitivity(text, *results, format, args.top);
  emit(a.output, text.str(), context.out);
}

void sensitivity(const SensitivityArgs& args, Context& context) {
  const SamplingArgs& a = args.sampling;
  check_outputs({{"--output", a.output, "the indices"}}, {{"FILE", args.input.file, "the scenario"}});
  const OutputFormat format = parse_output_format(a.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  if (args.method != "both" && args.method != "sobol" && args.method != "tornado")
    throw InputError({}, "--method", "got '" + args.method + "'", "both, sobol or tornado");
  if (!args.db.empty() || !args.shard.empty() || args.resume > 0) return stored(args, format, context);
  if (args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN --db FILE");
  const SweepSetup setup(read_input(args.input, a.overrides), model_named(a.model), parse_options(a.options), {a.seed, 0.0});
  const SensitivityResults results =
      analyse_sensitivity(setup, args.input.file, args.method, args.samples, a.seed, resolve_threads(a.threads));

  std::ostringstream text;
  write_sensitivity(text, results, format, args.top);
  emit(a.output, text.str(), context.out);
}

}  // namespace

Command sensitivity_command() {
  return make_command<SensitivityArgs>("sensitivity", "which uncertain inputs drive each outcome: Sobol indices and a tornado", add_options,
                                       sensitivity);
}

}  // namespace parley::cli
