// parley backtest FILE: scores a model against observed outcomes (e.g. DEU III).
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

namespace {

struct BacktestArgs {
  InputArgs input;
  std::string model = "compromise";
  std::vector<std::string> options;
  std::string per_issue;  // CSV file, optional
  std::string reference_actor = "com";
};

void add_options(CLI::App& cmd, BacktestArgs& a) {
  add_input(cmd, a.input);
  cmd.add_option("-m,--model", a.model, "model name")->capture_default_str();
  cmd.add_option("--option", a.options, "model option NAME=VALUE (repeatable)");
  cmd.add_option("--per-issue", a.per_issue, "write one CSV row per issue to this file");
  cmd.add_option("--reference-actor", a.reference_actor, "actor whose position is a reference line")->capture_default_str();
}

void backtest(const BacktestArgs& args, Context& context) {
  const Model& model = model_named(args.model);
  const ModelOptions options = parse_options(args.options);
  const Scenario s = read_input(args.input);

  const BacktestResult r = parley::backtest(s, model, options, args.reference_actor);

  if (!args.per_issue.empty()) {
    std::ostringstream csv;
    write_backtest(csv, s, r, args.input.capability, OutputFormat::csv);
    emit(args.per_issue, csv.str(), context.out);
  }
  write_backtest(context.out, s, r, args.input.capability, OutputFormat::table);
}

}  // namespace

Command backtest_command() {
  return make_command<BacktestArgs>("backtest", "score a model against observed outcomes (e.g. DEU III)", add_options, backtest);
}

}  // namespace parley::cli
