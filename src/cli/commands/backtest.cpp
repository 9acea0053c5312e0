// parley backtest FILE: scores a model against observed outcomes (e.g. DEU III).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "io/text_table.hpp"
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

std::string summary_line(const std::string& label, std::size_t width, const ErrorSummary& e) {
  if (e.issues == 0) return fmt::format("{:<{}}  {:>6}  {:>9}  {:>9}\n", label, width, 0, "—", "—");
  return fmt::format("{:<{}}  {:>6}  {:>9.4f}  {:>9.4f}\n", label, width, e.issues, e.mean_absolute_error,
                     e.median_absolute_error);
}

std::string optional_text(const std::optional<double>& x) { return x ? fmt::format("{}", *x) : ""; }

void backtest(const BacktestArgs& args, Context& context) {
  const Model& model = model_named(args.model);
  const ModelOptions options = parse_options(args.options);
  const Scenario s = read_input(args.input);

  const BacktestResult r = parley::backtest(s, model, options, args.reference_actor);

  std::size_t with_outcome = r.issues.size();
  std::ostringstream text;
  text << fmt::format("{} — model {}, capability {}\n", s.metadata.title, r.model, args.input.capability);
  text << fmt::format("issues with an observed outcome: {}; scored: {}\n\n", with_outcome, r.model_errors.issues);
  const std::string reference = r.reference_actor.empty() ? "" : s.actor(*s.find_actor(r.reference_actor)).name + " position";
  const std::size_t width = std::max({std::string("predictor").size(), r.model.size(), std::string("status quo").size(), reference.size()});
  text << fmt::format("{:<{}}  {:>6}  {:>9}  {:>9}\n", "predictor", width, "issues", "MAE", "median AE");
  text << summary_line(r.model, width, r.model_errors);
  text << summary_line("status quo", width, r.status_quo_errors);
  if (!reference.empty()) text << summary_line(reference, width, r.reference_actor_errors);
  if (!args.per_issue.empty()) {
    std::ostringstream csv;
    csv << "issue,group,observed,predicted,abs_error,status_quo,reference_position\n";
    for (const BacktestIssue& row : r.issues) {
      const std::string err = row.predicted ? fmt::format("{}", std::abs(*row.predicted - row.observed)) : "";
      csv << fmt::format("{},{},{},{},{},{},{}\n", io::csv_quote(row.issue_id), io::csv_quote(row.group), row.observed, optional_text(row.predicted), err,
                         optional_text(row.status_quo), optional_text(row.reference_actor_position));
    }
    emit(args.per_issue, csv.str(), context.out);
  }
  context.out << text.str();
}

}  // namespace

Command backtest_command() {
  return make_command<BacktestArgs>("backtest", "score a model against observed outcomes (e.g. DEU III)", add_options, backtest);
}

}  // namespace parley::cli
