// parley compare A B: two scenario files side by side, issue by issue and class by class.
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "parley/parley.hpp"
#include "parley/sweep.hpp"

namespace parley::cli {

namespace {

struct CompareArgs {
  InputArgs first, second;
  SamplingArgs sampling;
  std::uint64_t draws = 1000;
};

void add_options(CLI::App& cmd, CompareArgs& a) {
  cmd.add_option("A", a.first.file, "first scenario")->required();
  cmd.add_option("B", a.second.file, "second scenario")->required();
  add_sampling(cmd, a.sampling);
  add_count(cmd, "-n,--draws", a.draws, 1, kMaxMemoryDraws, "draws per scenario");
}

ComparedScenario evaluate(const InputArgs& input, const CompareArgs& args) {
  const SamplingArgs& a = args.sampling;
  Scenario scenario = read_input(input, a.overrides);
  const Model& model = model_named(a.model);
  const ModelOptions options = parse_options(a.options);
  ProgressBar bar(a.progress, "draws of " + input.file);
  SweepControl control;
  control.threads = resolve_threads(a.threads);
  control.progress = [&](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
  return compare_side(input.file, std::move(scenario), model, options, {a.seed, a.correlation}, args.draws, control);
}

void compare(const CompareArgs& args, Context& context) {
  check_outputs({{"--output", args.sampling.output, "the comparison"}},
                {{"A", args.first.file, "scenario A"}, {"B", args.second.file, "scenario B"}});
  const OutputFormat format = parse_output_format(args.sampling.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});

  const Comparison comparison{evaluate(args.first, args), evaluate(args.second, args), args.sampling.model, args.draws, args.sampling.seed};

  std::ostringstream text;
  write_comparison(text, comparison, format);
  emit(args.sampling.output, text.str(), context.out);
}

}  // namespace

Command compare_command() {
  return make_command<CompareArgs>("compare", "two scenario files side by side: forecasts and class probabilities", add_options, compare);
}

}  // namespace parley::cli
