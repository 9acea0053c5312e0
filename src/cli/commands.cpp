#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

#include "io/text_table.hpp"
#include "parley/parley.hpp"

namespace parley::cli {

void emit(const std::string& path, const std::string& content, std::ostream& out) {
  if (path.empty()) out << content;
  else write_file_atomically(path, content);
}

namespace {

std::string summary_line(const std::string& label, std::size_t width, const ErrorSummary& e) {
  if (e.issues == 0) return fmt::format("{:<{}}  {:>6}  {:>9}  {:>9}\n", label, width, 0, "—", "—");
  return fmt::format("{:<{}}  {:>6}  {:>9.4f}  {:>9.4f}\n", label, width, e.issues, e.mean_absolute_error,
                     e.median_absolute_error);
}

std::string optional_text(const std::optional<double>& x) { return x ? fmt::format("{}", *x) : ""; }

}  // namespace

ReadOptions read_options(const InputArgs& args) {
  ReadOptions options;
  auto format = input_format_from_string(args.input_format);
  if (!format) throw InputError({}, "--input-format", "got '" + args.input_format + "'", "auto, yaml, json, ktab-csv, ktab-xml or deu");
  options.format = *format;
  if (args.capability == "gdp") options.deu_capability = DeuCapability::gdp;
  else if (args.capability != "equal") throw InputError({}, "--capability", "got '" + args.capability + "'", "equal or gdp");
  return options;
}

Scenario read_input(const InputArgs& args) {
  Scenario s = read_scenario_file(args.file, read_options(args));
  check_scenario_options(s);
  return s;
}

const Model& model_named(const std::string& name) {
  if (const Model* m = find_model(name)) return *m;
  std::string names;
  for (const Model* m : all_models()) names += (names.empty() ? "" : ", ") + std::string(m->name());
  throw InputError({}, "--model", "unknown model '" + name + "'", "one of: " + names);
}

ModelOptions parse_options(const std::vector<std::string>& pairs) {
  ModelOptions out;
  for (const std::string& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) throw InputError({}, "--option", "got '" + pair + "'", "NAME=VALUE");
    out[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return out;
}

ResultsDb open_existing(const std::string& path) {
  if (!std::filesystem::exists(path)) throw InputError({path, 0, 0}, "--db", "no such database", "a results database written by parley sweep");
  return ResultsDb(path);
}

Scenario read_input(const InputArgs& args, const std::vector<std::string>& overrides) {
  Scenario s = read_input(args);
  apply_overrides(s, overrides);
  return s;
}

int run(const RunArgs& args, std::ostream& out) {
  const auto format = output_format_from_string(args.format);
  if (!format) throw InputError({}, "--format", "got '" + args.format + "'", "table, json or csv");
  const Model& model = model_named(args.model);
  RunRequest request;
  if (args.rounds >= 0) request.rounds = args.rounds;
  if (!args.seed.empty()) request.seed = args.seed;
  request.trace = !args.trace.empty();
  const ModelOptions options = apply_request(model, parse_options(args.options), request);
  const Scenario scenario = read_input(args.input, args.overrides);
  const Forecast forecast = model.run(scenario, options);
  std::ostringstream text;
  write_forecast(text, scenario, forecast, *format);
  std::ostringstream trace;
  if (!args.trace.empty()) write_trace(trace, scenario, forecast);
  // Both outputs are complete before either is written.
  if (!args.trace.empty()) write_file_atomically(args.trace, trace.str());
  emit(args.output, text.str(), out);
  return kOk;
}

int validate(const InputArgs& args, std::ostream& out) {
  const Scenario s = read_input(args);
  const ScenarioSummary sum = summarize(s);
  out << fmt::format("{}: valid\n", args.file);
  out << fmt::format("title:   {}\n", s.metadata.title);
  if (!s.metadata.date.empty()) out << fmt::format("date:    {}\n", s.metadata.date);
  out << fmt::format("actors:  {}\nissues:  {}\nsources: {}\n", sum.actors, sum.issues, s.metadata.sources.size());
  out << fmt::format("stances: {} of {} cells complete, {} sitting out, {} missing a salience\n", sum.complete, sum.cells,
                     sum.sitting_out, sum.missing_salience);
  out << fmt::format("uncertain parameters: {}; parameters with a source: {}\n", sum.uncertain, sum.cited);
  if (!s.events.empty()) {
    std::string list;
    for (const Event& e : s.events) list += fmt::format("{}{} (round {})", list.empty() ? "" : ", ", e.id, e.round);
    out << fmt::format("events:  {}: {}\n", s.events.size(), list);
  }
  if (!sum.issues_without_participants.empty())
    out << fmt::format("warning: {} issue(s) without any actor taking part (first: {})\n", sum.issues_without_participants.size(),
                       sum.issues_without_participants.front());
  if (!sum.actors_without_stances.empty())
    out << fmt::format("warning: {} actor(s) with no stance on any issue (first: {})\n", sum.actors_without_stances.size(),
                       sum.actors_without_stances.front());
  const std::size_t missing = sum.sitting_out + sum.missing_salience;
  if (missing > 0) {
    out << "missing cells:\n";
    for (const std::string& line : sum.missing_cells) out << "  " << line << '\n';
    if (missing > sum.missing_cells.size()) out << fmt::format("  ... and {} more\n", missing - sum.missing_cells.size());
  }
  return kOk;
}

int list_models(std::ostream& out) {
  for (const Model* m : all_models()) {
    out << fmt::format("{:<12} {}\n", m->name(), m->description());
    for (const ModelOptionSpec& o : m->options())
      out << fmt::format("    --option {}=VALUE  (default {}): {}\n", o.name, o.default_value, o.description);
  }
  return kOk;
}

int backtest(const BacktestArgs& args, std::ostream& out) {
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
    emit(args.per_issue, csv.str(), out);
  }
  out << text.str();
  return kOk;
}

}  // namespace parley::cli
