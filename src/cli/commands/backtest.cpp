// parley backtest FILE: scores a model against observed outcomes (e.g. DEU III), or, with
// --cross-validate, every model out of fold (docs/skill.md).
#include <fmt/format.h>

#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "parley/parley.hpp"
#include "parley/version.hpp"

namespace parley::cli {

namespace {

struct BacktestArgs {
  InputArgs input;
  std::string model = "compromise";
  std::vector<std::string> options;
  std::string per_issue;  // CSV file, optional
  std::string reference_actor = "com";
  bool cross_validate = false;
  CrossValidationOptions cv;
  std::string format = "table";
  std::string skill_out;  // the skill table, optional
  // Which options the user gave (set by add_options; the parsed command owns them).
  const CLI::Option* model_option = nullptr;
  std::vector<const CLI::Option*> cross_validation_only;
};

void add_options(CLI::App& cmd, BacktestArgs& a) {
  add_input(cmd, a.input);
  a.model_option =
      cmd.add_option("-m,--model", a.model, "model name; with --cross-validate a comma-separated list or 'all' (default there: all)")
          ->capture_default_str();
  cmd.add_option("--option", a.options, "model option NAME=VALUE (repeatable)");
  cmd.add_option("--per-issue", a.per_issue, "write one CSV row per issue to this file");
  cmd.add_option("--reference-actor", a.reference_actor, "actor whose position is a reference line")->capture_default_str();
  cmd.add_flag("--cross-validate", a.cross_validate, "score every model out of fold, in folds grouped by proposal (docs/skill.md)");
  a.cross_validation_only = {
      add_count(cmd, "--folds", a.cv.folds, 2, kMaxFolds, "folds of the cross-validation"),
      add_count(cmd, "--repeats", a.cv.repeats, 1, kMaxRepeats, "repeats, each with a new split into folds"),
      add_count(cmd, "--seed", a.cv.seed, 0, kMaxSeed, "seed of the splits and the bootstrap"),
      add_count(cmd, "--bootstrap", a.cv.bootstrap, 0, kMaxBootstrap, "bootstrap resamples of the proposals for the MAE's interval")};
  cmd.add_option("--format", a.format, "output: table, json or csv (with --cross-validate), table or csv otherwise")->capture_default_str();
  a.cross_validation_only.push_back(
      cmd.add_option("--skill-out", a.skill_out, "with --cross-validate: write the skill table (data/skill/ layout) to this file"));
}

std::vector<const Model*> models_named(const std::string& list, bool given) {
  if (!given || list == "all") return all_models();
  std::vector<const Model*> out;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) out.push_back(&model_named(name));
  return out;
}

std::string command_line(const BacktestArgs& a) {
  std::string line = fmt::format("parley backtest {} --cross-validate --capability {} --folds {} --repeats {} --seed {} --bootstrap {}",
                                 a.input.file, a.input.capability, a.cv.folds, a.cv.repeats, a.cv.seed, a.cv.bootstrap);
  for (const std::string& o : a.options) line += " --option " + o;
  return line;
}

void cross_validate(const BacktestArgs& args, bool model_given, Context& context) {
  const OutputFormat format = parse_output_format(args.format, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
  const ModelOptions options = parse_options(args.options);
  const std::vector<const Model*> models = models_named(args.model, model_given);
  const Scenario s = read_input(args.input);
  const CrossValidation cv = parley::cross_validate(s, models, options, args.cv);
  SkillTable skill;
  skill.data = s.metadata.title;
  skill.command = command_line(args);
  skill.version = kVersion;
  for (const ModelCrossValidation& m : cv.models) skill.models.push_back(m.skill);
  set_skill_weights(skill);
  if (!args.skill_out.empty()) emit(args.skill_out, write_skill_csv(skill), context.out);
  write_cross_validation(context.out, s, cv, skill, args.input.capability, format);
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
  write_backtest(context.out, s, r, args.input.capability, parse_output_format(args.format, {OutputFormat::table, OutputFormat::csv}));
}

void act(const BacktestArgs& args, Context& context) {
  check_outputs({{"--per-issue", args.per_issue, "the per-issue table"}, {"--skill-out", args.skill_out, "the skill table"}},
                {{"FILE", args.input.file, "the scenario"}});
  if (args.cross_validate) return cross_validate(args, args.model_option->count() > 0, context);
  for (const CLI::Option* only : args.cross_validation_only)
    if (only->count() > 0) throw InputError({}, only->get_name(), "given without --cross-validate", "--cross-validate with it");
  backtest(args, context);
}

}  // namespace

Command backtest_command() {
  return make_command<BacktestArgs>("backtest", "score a model against observed outcomes (e.g. DEU III), or every model out of fold",
                                    add_options, act);
}

}  // namespace parley::cli
