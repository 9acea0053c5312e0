// parley sensitivity FILE: Sobol indices and a tornado for every issue outcome and outcome class.
#include "parley/sensitivity.hpp"

#include <optional>
#include <sstream>

#include "cli/command.hpp"
#include "cli/mpi/mpi.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct SensitivityArgs {
  InputArgs input;
  SamplingArgs sampling;
  std::size_t samples = 512;
  std::size_t top = 10;
  std::string method = "both";  // sobol, tornado or both
  bool mpi = false;             // one rank of an MPI job (cli/mpi/mpi.hpp)
};

void add_options(CLI::App& cmd, SensitivityArgs& a) {
  add_input(cmd, a.input);
  add_sampling(cmd, a.sampling, false);
  add_count(cmd, "--samples", a.samples, 2, kMaxSamples, "Sobol base samples N (N x (inputs + 2) model runs)");
  add_count(cmd, "--top", a.top, 0, kMaxTop, "inputs listed per output in the table");
  cmd.add_option("--method", a.method, "both, sobol or tornado")->capture_default_str();
  add_mpi_flag(cmd, a.mpi);
}

/// With `mpi`, every rank reads the scenario and checks the options; the model runs are spread
/// over the ranks (mpi_runs) and rank 0 alone writes.
void sensitivity_on(const SensitivityArgs& args, Context& context, MpiJob* mpi) {
  const SamplingArgs& a = args.sampling;
  std::optional<SweepSetup> setup;
  OutputFormat format{};
  std::exception_ptr failed;
  try {
    check_outputs({{"--output", a.output, "the indices"}}, {{"FILE", args.input.file, "the scenario"}});
    format = parse_output_format(a.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    if (args.method != "both" && args.method != "sobol" && args.method != "tornado")
      throw InputError({}, "--method", "got '" + args.method + "'", "both, sobol or tornado");
    setup.emplace(read_input(args.input, a.overrides), model_named(a.model), parse_options(a.options), SamplingOptions{a.seed, 0.0});
  } catch (...) {
    if (!mpi) throw;
    failed = std::current_exception();
  }
  if (mpi) mpi_agree(*mpi, failed);
  const unsigned threads = mpi && a.threads == 0 ? 1 : resolve_threads(a.threads);
  const SensitivityResults results =
      analyse_sensitivity(*setup, args.input.file, args.method, args.samples, a.seed, threads, mpi ? mpi_runs(*mpi) : RunSpreader{});
  if (mpi && !is_root(*mpi)) return;

  std::ostringstream text;
  write_sensitivity(text, results, format, args.top);
  emit(a.output, text.str(), context.out);
}

void sensitivity(const SensitivityArgs& args, Context& context) {
  if (!args.mpi) return sensitivity_on(args, context, nullptr);
  run_mpi_job(context, [&](MpiJob& job) { sensitivity_on(args, context, &job); });
}

}  // namespace

Command sensitivity_command() {
  return make_command<SensitivityArgs>("sensitivity", "which uncertain inputs drive each outcome: Sobol indices and a tornado", add_options,
                                       sensitivity);
}

}  // namespace parley::cli
