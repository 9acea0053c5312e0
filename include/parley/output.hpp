// parley's output layer: one writer per result type, each in the formats its command offers
// (docs/output.md). A program linking parley prints with them exactly what `parley` prints.
//
//   const parley::Scenario s = parley::read_scenario_file("scenarios/us-russia.yaml");
//   const parley::Forecast f = parley::find_model("bdm")->run(s, {});
//   parley::write_forecast(std::cout, s, f, parley::OutputFormat::json);
//
// Every writer throws InputError (field "--format") for a format it does not offer, before it
// writes anything. A number without a value (NaN, or an empty optional) is "—" in tables, an empty
// cell in CSV and null in JSON. JSON documents start with a schema id from parley/schemas.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "parley/backtest.hpp"
#include "parley/cross_validation.hpp"
#include "parley/error.hpp"
#include "parley/feasibility.hpp"
#include "parley/forecast.hpp"
#include "parley/model.hpp"
#include "parley/output_format.hpp"
#include "parley/results_db.hpp"
#include "parley/scenario.hpp"
#include "parley/schemas.hpp"
#include "parley/sensitivity.hpp"
#include "parley/skill.hpp"
#include "parley/stored_run.hpp"
#include "parley/sweep.hpp"

namespace parley {

// --- The models (parley models) --------------------------------------------------------------

/// One line per model (name, description), then one line per option with its default. Table only.
void write_model_list(std::ostream& out, const std::vector<const Model*>& models);
/// table: as above; json: kModelsSchema, per model its name, description, traits and options.
void write_model_list(std::ostream& out, const std::vector<const Model*>& models, OutputFormat format);

// --- A model's forecast (parley run) ---------------------------------------------------------

/// table: the outcomes with the 80 % predictive interval, the timeline of a model without rounds,
/// the largest exchanges of the first rounds (exchange model), each round's accepted offers; json:
/// kForecastSchema with the intervals at every level of interval_levels() ("predictive") and, for
/// the exchange model, every round's exchanges ("exchanges"); csv: one row per issue. The intervals come from the model's
/// row in `skill` (predictive_intervals; the shipped table unless given); a model without a row
/// gets none, and the table says so.
void write_forecast(std::ostream& out, const Scenario& scenario, const Forecast& forecast, OutputFormat format);
void write_forecast(std::ostream& out, const Scenario& scenario, const Forecast& forecast, OutputFormat format, const SkillTable& skill);

/// The round-by-round detail of a forecast with rounds (parley run --trace), as JSON:
/// kSpatialTraceSchema, one line per turn, when the forecast has turns (smp); kExchangeTraceSchema,
/// one line per round with its exchanges, for the exchange model; else kTraceSchema.
void write_trace(std::ostream& out, const Scenario& scenario, const Forecast& forecast);

// --- A scenario's check (parley validate) ------------------------------------------------------

/// "FILE: valid", then counts of actors, issues, stances and uncertain inputs, the events, and
/// warnings about missing cells. Table only.
void write_scenario_check(std::ostream& out, const std::string& file, const Scenario& scenario);
/// table: as above; json: kValidateSchema, the same counts, events, warnings and missing cells.
void write_scenario_check(std::ostream& out, const std::string& file, const Scenario& scenario, OutputFormat format);

// --- A backtest (parley backtest) ----------------------------------------------------------------

/// table: the errors of the model and of the reference lines; csv: one row per issue (the file of
/// --per-issue). `capability` is how DEU III capabilities were read ("equal" or "gdp"), named in
/// the table's first line.
void write_backtest(std::ostream& out, const Scenario& scenario, const BacktestResult& result, const std::string& capability,
                    OutputFormat format);

/// A cross-validated backtest (parley backtest --cross-validate, docs/skill.md). table: per model
/// the MAE (mean ± sd over repeats, cluster-bootstrap interval), RMSE, median error, bias, MAE
/// relative to the compromise model and the coverage of the predictive intervals; json: the same
/// with the fold setup; csv: the skill table's layout (data/skill/, read_skill_csv).
void write_cross_validation(std::ostream& out, const Scenario& scenario, const CrossValidation& cv, const SkillTable& skill,
                            const std::string& capability, OutputFormat format);

// --- A sweep's summary (parley sweep, parley show) -------------------------------------------

/// What a sweep summary says about where it came from.
struct SweepContext {
  std::string title;  // the scenario's
  std::string model;
  std::uint64_t seed = 0;
  std::size_t inputs = 0;  // uncertain inputs
  std::int64_t run = 0;    // the run id in the results database; 0: not stored
  std::string db;          // the database's path, as named to the user
};

/// table: quantiles per issue, class probabilities, then the class warnings; json: kSweepSchema;
/// csv: tidy rows (kind, name, statistic, value).
void write_sweep_summary(std::ostream& out, const SweepSummary& summary, const SweepContext& context, OutputFormat format);

/// "warning: ..." lines about classes that overlap or leave draws unclassified (empty: none).
std::string sweep_class_warnings(const SweepSummary& summary);

// --- Sensitivity (parley sensitivity) ----------------------------------------------------------

/// Sobol indices and/or a tornado for every output: the issues' outcomes, then class memberships.
struct SensitivityResults {
  std::string title;  // the scenario's
  std::string model;
  std::uint64_t seed = 0;
  std::vector<std::string> inputs;   // uncertain input names, in the sampler's order
  std::vector<std::string> issues;   // issue ids: the first outputs
  std::vector<std::string> classes;  // outcome class names: the outputs after the issues
  bool with_sobol = false;
  std::size_t samples = 0;  // Sobol base samples N
  SobolResult sobol;
  bool with_tornado = false;
  std::vector<TornadoBar> tornado;
  std::vector<double> at_point_values;  // every output with all inputs at their point values
  /// Per issue: how the model's run ended at the point values (Dynamics; one_shot for models
  /// without rounds). Where it did not converge, or cycles and the forecast is the last round's
  /// (cycle=last), the forecast depends on where the run was cut, and the writers withhold the
  /// issue's indices from the table and add a caution to JSON and CSV.
  std::vector<Dynamics> dynamics;
};

/// The names of `setup`'s inputs and outputs, its title and model; no Sobol indices or tornado yet.
SensitivityResults sensitivity_outline(const SweepSetup& setup, std::uint64_t seed);

/// What `parley sensitivity` computes: `method` "both", "sobol" or "tornado"; Sobol indices from
/// `samples` base samples. Throws InputError naming "--method" for another method, the file
/// `file` when the scenario has no uncertain inputs, and "--samples" when Sobol analysis would keep
/// more than kMaxSobolValues model results.
SensitivityResults analyse_sensitivity(const SweepSetup& setup, const std::string& file, const std::string& method, std::size_t samples,
                                       std::uint64_t seed, unsigned threads);

/// table: per output, the `top` inputs ranked by total index (by tornado swing without Sobol);
/// json: kSensitivitySchema, every input; csv: every input, one row each.
void write_sensitivity(std::ostream& out, const SensitivityResults& results, OutputFormat format, std::size_t top = 10);

// --- Two scenarios side by side (parley compare) -----------------------------------------------

struct ComparedScenario {
  std::string file;  // as named to the user
  Scenario scenario;
  Forecast point;  // the forecast at the point values
  SweepSummary sweep;
};
struct Comparison {
  ComparedScenario a, b;
  std::string model;
  std::uint64_t draws = 0, seed = 0;
};

/// One side of a comparison as `parley compare` evaluates each file: the point forecast and a sweep
/// of `draws` draws. `file` is the scenario's name as given to the user.
ComparedScenario compare_side(std::string file, Scenario scenario, const Model& model, const ModelOptions& options,
                              const SamplingOptions& sampling, std::uint64_t draws, const SweepControl& control);

/// Issues of A then those only in B, classes likewise. table: point forecasts, means and class
/// probabilities with their differences; json: kCompareSchema; csv: tidy rows.
void write_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format);

// --- Deal feasibility (parley feasibility) -----------------------------------------------------

/// table: win-sets, zones and binding constraints per issue; json: kFeasibilitySchema. No csv.
/// `odds` come from feasibility_odds(scenario, draws, {seed, ...}).
void write_feasibility(std::ostream& out, const Scenario& scenario, const Feasibility& feasibility, const FeasibilityOdds& odds,
                       std::uint64_t seed, OutputFormat format);
/// The same, then the package deals of --package (docs/feasibility.md, "Package deals"): per package
/// each side's win-set projected on each issue, the deal's zone, each negotiator's best package and
/// P(deal); in JSON the key "packages" after "every_issue" (absent when `deals` has no package, so
/// that the document is the one above).
void write_feasibility(std::ostream& out, const Scenario& scenario, const Feasibility& feasibility, const FeasibilityOdds& odds,
                       const PackageDeals& deals, std::uint64_t seed, OutputFormat format);

// --- The results database (parley runs, show, export) --------------------------------------------

/// One line per run, or "DB: no runs". `db` is the database's path, as named to the user.
void write_run_list(std::ostream& out, const std::vector<RunRecord>& runs, const std::string& db);
/// table: as above; json: kRunsSchema, each run's record as `parley export -f json` writes it.
void write_run_list(std::ostream& out, const std::vector<RunRecord>& runs, const std::string& db, OutputFormat format);

/// A stored run's summary: in a table after a head saying how it was made (status, scenario,
/// model, options, --set, seed); json and csv as write_sweep_summary.
void write_stored_run(std::ostream& out, const StoredRun& run, const std::string& db, OutputFormat format);

/// The tables `parley export` writes.
enum class ExportTable { outcomes, inputs, classes, summary, all };
/// "outcomes", "inputs", "classes", "summary" or "all".
std::optional<ExportTable> export_table_from_string(const std::string& text);

/// csv: one table (not `all`); json: kExportSchema, the run's record and the tables asked for.
/// The inputs table needs the run loaded with its inputs. Throws InputError naming "--table" for
/// `all` in csv.
void write_export(std::ostream& out, const StoredRun& run, ExportTable table, OutputFormat format, const std::string& db);

// --- The skill table (GET /api/skill) ------------------------------------------------------------

/// json: kSkillSchema, the table's provenance, the interval levels and every model's row; csv: the
/// layout of data/skill/ (write_skill_csv). No table.
void write_skill(std::ostream& out, const SkillTable& skill, OutputFormat format);

// --- Every model at once (POST /api/whatif) -----------------------------------------------------

/// One model's answer to a what-if: its forecast, or the InputError it gave.
struct WhatIfResult {
  std::string model;
  std::optional<Forecast> forecast;
  std::optional<InputError> error;
};

/// The JSON of an InputError as documents and the web API carry it: message (what()), then file,
/// line, column, field, problem and expected where known.
std::string input_error_json(const InputError& error, int status);

/// json only: kWhatIfSchema; "forecasts" holds each forecast as write_forecast's JSON document (with
/// `skill`'s intervals), "errors" each model's error (input_error_json), "ensemble" the models with a
/// forecast, their weights (ensemble_weights of `skill`) and the weighted outcome of every issue.
void write_what_if(std::ostream& out, const Scenario& scenario, const std::vector<WhatIfResult>& results, const SkillTable& skill);

}  // namespace parley
