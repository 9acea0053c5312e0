// parley sensitivity FILE: Sobol indices and a tornado for every issue outcome and outcome class.
#include "parley/sensitivity.hpp"

#include <optional>
#include <sstream>

#include "cli/command.hpp"
#include "cli/mpi/mpi.hpp"
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
  bool mpi = false;  // one rank of an MPI job (cli/mpi/mpi.hpp)
};

void add_options(CLI::App& cmd, SensitivityArgs& a) {
  add_input(cmd, a.input);
  cmd.get_option("FILE")->required(false)->description("scenario (not needed with --resume)");
  add_sampling(cmd, a.sampling, false);
  add_count(cmd, "--samples", a.samples, 2, kMaxSamples, "Sobol base samples N (N x (inputs + 2) model runs)");
  add_count(cmd, "--top", a.top, 0, kMaxTop, "inputs listed per output in the table");
  cmd.add_option("--method", a.method, "both, sobol or tornado")->capture_default_str();
  add_mpi_flag(cmd, a.mpi);
  cmd.add_option("--db", a.db, "store the model runs as a run of this results database (docs/distributed.md)");
  cmd.add_option("--shard", a.shard, "K/N: evaluate only shard K (from 0) of N of the model runs (needs --db)");
  add_count(cmd, "--resume", a.resume, 1, INT64_MAX, "complete the stored sensitivity run RUN of --db and print its indices")
      ->default_str("");
}

/// Whether the model runs go to a results database (--db, --shard or --resume).
bool stored_request(const SensitivityArgs& args) { return !args.db.empty() || !args.shard.empty() || args.resume > 0; }

/// With --db, --shard or --resume: the model runs go through the results database (with `mpi`,
/// computed by every rank of the job).
void stored(const SensitivityArgs& args, OutputFormat format, Context& context, MpiJob* mpi) {
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
  const auto results = stored_sensitivity(
      {args.input.file, args.input.input_format, args.input.capability, a.overrides, a.model, a.options, a.seed, args.samples, args.method,
       args.db, args.shard, args.resume, mpi && a.threads == 0 ? 1 : resolve_threads(a.threads)},
      note, mpi);
  if (!results) {
    context.out << note;
    return;
  }
  std::ostringstream text;
  write_sensitivity(text, *results, format, args.top);
  emit(a.output, text.str(), context.out);
}

/// With `mpi`, every rank reads the scenario and checks the options; the model runs are spread
/// over the ranks (mpi_sensitivity_rows) and rank 0 alone writes. With --db, --shard or --resume
/// only rank 0 runs this (the others run mpi_sweep_worker), and stores the rows the ranks compute.
void sensitivity_on(const SensitivityArgs& args, Context& context, MpiJob* mpi) {
  const SamplingArgs& a = args.sampling;
  std::optional<SweepSetup> setup;
  OutputFormat format{};
  SensitivityDesign design;
  std::exception_ptr failed;
  const bool to_db = stored_request(args);
  try {
    check_outputs({{"--output", a.output, "the indices"}}, {{"FILE", args.input.file, "the scenario"}});
    format = parse_output_format(a.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    if (args.method != "both" && args.method != "sobol" && args.method != "tornado")
      throw InputError({}, "--method", "got '" + args.method + "'", "both, sobol or tornado");
    if (to_db) return stored(args, format, context, mpi);
    if (args.input.file.empty()) throw InputError({}, "FILE", "no scenario file", "a scenario file, or --resume RUN --db FILE");
    setup.emplace(read_input(args.input, a.overrides), model_named(a.model), parse_options(a.options), SamplingOptions{a.seed, 0.0});
    if (mpi) {
      design = {args.samples, args.method != "tornado", args.method != "sobol", a.seed};
      check_sensitivity_design(*setup, design, args.input.file);
    }
  } catch (...) {
    if (!mpi || to_db) throw;  // with --db only rank 0 is here: run_mpi_job tells the others
    failed = std::current_exception();
  }
  if (!mpi) {
    const SensitivityResults results =
        analyse_sensitivity(*setup, args.input.file, args.method, args.samples, a.seed, resolve_threads(a.threads));
    std::ostringstream text;
    write_sensitivity(text, results, format, args.top);
    emit(a.output, text.str(), context.out);
    return;
  }
  // --mpi: the design's rows (numbered as for --db and --shard) spread over the ranks, gathered on rank 0.
  mpi_agree(*mpi, failed);
  const unsigned threads = a.threads == 0 ? 1 : resolve_threads(a.threads);
  const std::vector<double> y = mpi_sensitivity_rows(*mpi, *setup, design, threads);
  if (!is_root(*mpi)) return;
  std::ostringstream text;
  write_sensitivity(text, sensitivity_from_rows(*setup, design, y, threads), format, args.top);
  emit(a.output, text.str(), context.out);
}

void sensitivity(const SensitivityArgs& args, Context& context) {
  if (!args.mpi) return sensitivity_on(args, context, nullptr);
  run_mpi_job(context,
              [&](MpiJob& job) { stored_request(args) && !is_root(job) ? mpi_sweep_worker(job) : sensitivity_on(args, context, &job); });
}

}  // namespace

Command sensitivity_command() {
  return make_command<SensitivityArgs>("sensitivity", "which uncertain inputs drive each outcome: Sobol indices and a tornado", add_options,
                                       sensitivity);
}

}  // namespace parley::cli
