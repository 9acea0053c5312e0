// parley's command line: run, validate, models, backtest, sweep, sensitivity, compare, runs, show, export. Exit codes are in cli/commands.hpp.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "parley/error.hpp"
#include "parley/version.hpp"

namespace {

using namespace parley::cli;

void add_input(CLI::App& cmd, InputArgs& in) {
  cmd.add_option("FILE", in.file, "scenario: parley YAML/JSON, KTAB SMP CSV or DEU III table")->required();
  cmd.add_option("--input-format", in.input_format, "auto (from the content), yaml, json, ktab-csv, ktab-xml or deu")
      ->capture_default_str();
  cmd.add_option("--capability", in.capability, "DEU III capabilities: equal or gdp")->capture_default_str();
}

void add_set(CLI::App& cmd, std::vector<std::string>& overrides) {
  cmd.add_option("--set", overrides, "override an input: ACTOR.ISSUE.position=30, ACTOR.capability=[40,60], ISSUE.status_quo=50 (repeatable)");
}

/// --set, --seed and --threads: what every command that draws inputs takes.
void add_draws(CLI::App& cmd, std::vector<std::string>& overrides, std::uint64_t& seed, unsigned& threads) {
  add_set(cmd, overrides);
  cmd.add_option("--seed", seed, "seed of the random draws")->capture_default_str();
  cmd.add_option("--threads", threads, "worker threads (0: every core)")->capture_default_str();
}

void add_correlation(CLI::App& cmd, double& correlation) {
  cmd.add_option("--correlation", correlation, "correlation in [0, 1] between the draws of one actor's inputs")->capture_default_str();
}

void add_sampling(CLI::App& cmd, SamplingArgs& a, bool with_correlation = true) {
  cmd.add_option("-m,--model", a.model, "model name (see 'parley models')")->capture_default_str();
  cmd.add_option("--option", a.options, "model option NAME=VALUE (repeatable)");
  add_draws(cmd, a.overrides, a.seed, a.threads);
  if (with_correlation) add_correlation(cmd, a.correlation);
  cmd.add_option("-f,--format", a.format, "output format: table, json or csv")->capture_default_str();
  cmd.add_option("-o,--output", a.output, "write to this file instead of standard output");
  cmd.add_flag("!--no-progress", a.progress, "no progress bar (there is none off a terminal anyway)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parley: models and forecasts of negotiations between political actors"};
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 internal error, 2 bad input, 3 output could not be written.");

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "run a model on a scenario and print or save the forecast");
  add_input(*run, run_args.input);
  run->add_option("-m,--model", run_args.model, "model name (see 'parley models')")->capture_default_str();
  run->add_option("-f,--format", run_args.format, "output format: table, json or csv")->capture_default_str();
  run->add_option("-o,--output", run_args.output, "write the forecast to this file instead of standard output");
  run->add_option("--option", run_args.options, "model option NAME=VALUE (repeatable)");
  run->add_option("--rounds", run_args.rounds, "models with rounds: run exactly N rounds")->check(CLI::NonNegativeNumber);
  run->add_option("--trace", run_args.trace, "models with rounds: write every round's detail (JSON) to this file");
  run->add_option("--seed", run_args.seed, "models with random draws (bdm conflict=random, smp transitions=stochastic): the seed");

  add_set(*run, run_args.overrides);

  SweepArgs sweep_args;
  CLI::App* sweep = app.add_subcommand("sweep", "Monte Carlo over the uncertain inputs: outcome distributions and class probabilities");
  sweep->add_option("FILE", sweep_args.input.file, "scenario (not needed with --resume)");
  sweep->add_option("--input-format", sweep_args.input.input_format, "auto, yaml, json, ktab-csv, ktab-xml or deu")->capture_default_str();
  sweep->add_option("--capability", sweep_args.input.capability, "DEU III capabilities: equal or gdp")->capture_default_str();
  add_sampling(*sweep, sweep_args.sampling);
  sweep->add_option("-n,--draws", sweep_args.draws, "number of draws")->capture_default_str();
  sweep->add_option("--db", sweep_args.db, "results database (default: parley.db beside the scenario)");
  sweep->add_option("--resume", sweep_args.resume, "complete the stored run RUN (with --db, or FILE to find parley.db)");

  SensitivityArgs sens_args;
  CLI::App* sens = app.add_subcommand("sensitivity", "which uncertain inputs drive each outcome: Sobol indices and a tornado");
  add_input(*sens, sens_args.input);
  add_sampling(*sens, sens_args.sampling, false);
  sens->add_option("--samples", sens_args.samples, "Sobol base samples N (N x (inputs + 2) model runs)")->capture_default_str();
  sens->add_option("--top", sens_args.top, "inputs listed per output in the table")->capture_default_str();
  sens->add_option("--method", sens_args.method, "both, sobol or tornado")->capture_default_str();

  CompareArgs compare_args;
  CLI::App* compare = app.add_subcommand("compare", "two scenario files side by side: forecasts and class probabilities");
  compare->add_option("A", compare_args.first.file, "first scenario")->required();
  compare->add_option("B", compare_args.second.file, "second scenario")->required();
  add_sampling(*compare, compare_args.sampling);
  compare->add_option("-n,--draws", compare_args.draws, "draws per scenario")->capture_default_str();

  FeasibilityArgs feas_args;
  CLI::App* feas = app.add_subcommand("feasibility", "two-level games: win-sets, zones of agreement, binding ratifiers");
  add_input(*feas, feas_args.input);
  add_draws(*feas, feas_args.sampling.overrides, feas_args.sampling.seed, feas_args.sampling.threads);
  add_correlation(*feas, feas_args.sampling.correlation);
  feas->add_option("-f,--format", feas_args.sampling.format, "table or json")->capture_default_str();
  feas->add_option("-o,--output", feas_args.sampling.output, "write to this file instead of standard output");
  feas->add_option("-n,--draws", feas_args.draws, "draws for the probability that a zone exists")->capture_default_str();

  ReportArgs report_args;
  CLI::App* rep = app.add_subcommand("report", "write the analyst's HTML report and print its summary");
  add_input(*rep, report_args.input);
  rep->add_option("--models", report_args.models, "comma-separated models (default: every model)");
  rep->add_option("--lead", report_args.lead, "model for trajectories and tornado (default: the first with rounds)");
  add_draws(*rep, report_args.overrides, report_args.seed, report_args.threads);
  rep->add_option("-n,--draws", report_args.draws, "draws per model")->capture_default_str();
  rep->add_option("-o,--output", report_args.output, "the HTML file to write")->required();
  rep->add_flag("!--no-progress", report_args.progress, "no progress line");

  StoreArgs store_args;
  CLI::App* runs = app.add_subcommand("runs", "list the runs in a results database");
  runs->add_option("--db", store_args.db, "results database")->capture_default_str();
  CLI::App* show = app.add_subcommand("show", "reprint a stored run's summary");
  show->add_option("RUN", store_args.run, "run id (see 'parley runs')")->required();
  show->add_option("--db", store_args.db, "results database")->capture_default_str();
  show->add_option("-f,--format", store_args.format, "table, json or csv")->capture_default_str();
  show->add_option("-o,--output", store_args.output, "write to this file");
  CLI::App* exp = app.add_subcommand("export", "write a stored run as tidy tables");
  exp->add_option("RUN", store_args.run, "run id")->required();
  exp->add_option("--db", store_args.db, "results database")->capture_default_str();
  exp->add_option("-f,--format", store_args.format, "csv or json")->required();
  exp->add_option("--table", store_args.table, "outcomes, inputs, classes, summary (or all, JSON only)")->capture_default_str();
  exp->add_option("-o,--output", store_args.output, "write to this file");

  InputArgs validate_args;
  CLI::App* validate = app.add_subcommand("validate", "check a scenario and print a summary");
  add_input(*validate, validate_args);

  CLI::App* models = app.add_subcommand("models", "list the models and their options");

  BacktestArgs backtest_args;
  CLI::App* backtest = app.add_subcommand("backtest", "score a model against observed outcomes (e.g. DEU III)");
  add_input(*backtest, backtest_args.input);
  backtest->add_option("-m,--model", backtest_args.model, "model name")->capture_default_str();
  backtest->add_option("--option", backtest_args.options, "model option NAME=VALUE (repeatable)");
  backtest->add_option("--per-issue", backtest_args.per_issue, "write one CSV row per issue to this file");
  backtest->add_option("--reference-actor", backtest_args.reference_actor, "actor whose position is a reference line")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kBadInput;
  }

  try {
    if (*run) return parley::cli::run(run_args, std::cout);
    if (*validate) return parley::cli::validate(validate_args, std::cout);
    if (*models) return list_models(std::cout);
    if (*backtest) return parley::cli::backtest(backtest_args, std::cout);
    if (*sweep) return parley::cli::sweep(sweep_args, std::cout);
    if (*sens) return parley::cli::sensitivity(sens_args, std::cout);
    if (*compare) return parley::cli::compare(compare_args, std::cout);
    if (*feas) return parley::cli::feasibility(feas_args, std::cout);
    if (*rep) return parley::cli::report(report_args, std::cout);
    if (*runs) return list_runs(store_args, std::cout);
    if (*show) return parley::cli::show(store_args, std::cout);
    if (*exp) return export_run(store_args, std::cout);
  } catch (const parley::InputError& e) {
    std::cerr << "parley: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::ios_base::failure& e) {
    std::cerr << "parley: " << e.what() << '\n';
    return kOutputError;
  } catch (const std::runtime_error& e) {
    std::cerr << "parley: " << e.what() << '\n';
    return kOutputError;
  } catch (const std::exception& e) {
    std::cerr << "parley: internal error: " << e.what() << '\n';
    return kInternalError;
  }
  return kInternalError;
}
