// parley's command line: run, validate, models, backtest. Exit codes are in cli/commands.hpp.
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
