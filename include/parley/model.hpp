// The interface every model implements (the model contract, docs/contributing-model.md), and the
// registry of models.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/forecast.hpp"
#include "parley/scenario.hpp"

namespace parley {

/// Options as the user gives them: name -> value text. Unknown names are an error.
using ModelOptions = std::map<std::string, std::string>;

/// One option a model understands.
struct ModelOptionSpec {
  std::string name;
  std::string default_value;
  std::string description;
};

/// What a model supports beyond its own options. Callers (the CLI, the report) ask these; they
/// never guess from option names. Each of RunRequest's fields needs the matching trait.
struct ModelTraits {
  bool rounds = false;  // moves in rounds, and runs a fixed number of them on request (RunRequest::rounds)
  bool seed = false;    // draws random numbers from a seed the caller may give (RunRequest::seed)
  bool trace = false;   // records a round-by-round trace on request (RunRequest::trace, write_trace)
  bool events = false;  // applies a scenario's events in its own rounds (docs/events.md)
  bool fitted = false;  // has parameters fitted to observed outcomes (Model::fit; cross-validation refits them)
};

/// The requests the contract defines for every model with the matching trait; on the command line
/// `--rounds N`, `--seed S` and `--trace FILE`. A model carries a request out through its own
/// options (Model::request_options), and its docs/models/<name>.md says which.
struct RunRequest {
  std::optional<int> rounds{};        // run exactly this many rounds (trait `rounds`)
  std::optional<std::string> seed{};  // the seed of the model's random draws (trait `seed`)
  bool trace = false;                 // record the trace (trait `trace`)
};

/// A model of collective decision-making. Implementations are stateless and thread-safe:
/// run() may be called concurrently on different scenarios.
class Model {
 public:
  virtual ~Model() = default;
  virtual std::string_view name() const = 0;
  /// One line for `parley models`.
  virtual std::string_view description() const = 0;
  virtual std::vector<ModelOptionSpec> options() const { return {}; }
  /// What the model supports (default: nothing beyond a one-shot forecast).
  virtual ModelTraits traits() const { return {}; }
  /// Shorthand for traits().events.
  bool applies_events() const { return traits().events; }

  /// The options that carry out `request`, whose fields the caller has checked against traits():
  /// the model's documented meaning of `--rounds N`, `--seed S` and `--trace` (bdm and smp: rounds=N
  /// and stop=rounds; seed=S; trace=true). The default sets none. Use apply_request().
  virtual ModelOptions request_options(const RunRequest& request) const;

  /// Checks options as forecast() reads them, without forecasting: throws InputError (field
  /// `--option NAME`) for an unknown name or a malformed value. The default checks the names
  /// against options(); a model whose option values can be malformed overrides it.
  virtual void check_options(const ModelOptions& options) const;

  /// Forecasts every issue of `scenario` (which must satisfy validate()). The options in force are
  /// the scenario's for this model (Scenario::model_options, checked as check_scenario_options()
  /// does) with `options` taking precedence. Throws InputError for an unknown or malformed option.
  /// When the scenario has events and the model does not apply them itself, it forecasts the
  /// scenario before the first event and after each (Forecast::stages), and the outcomes (with the
  /// rounds and Forecast::exchanges) are those after the last event. Capabilities of extreme magnitude are rescaled by a power of two first
  /// (exact; models are homogeneous in them), and an outcome that is not finite throws InputError.
  Forecast run(const Scenario& scenario, const ModelOptions& options) const;

  /// For a model with parameters fitted to observed outcomes (focal): fits them to the outcomes of
  /// `training_issues` (indices into scenario.issues(); issues without an outcome are skipped) and
  /// returns `options` with the fitted values set, so that run() with them forecasts with the fit.
  /// The default, for models without fitted parameters, returns std::nullopt. Cross-validation
  /// (parley/cross_validation.hpp) calls it once per training fold.
  virtual std::optional<ModelOptions> fit(const Scenario& scenario, const std::vector<std::size_t>& training_issues,
                                          const ModelOptions& options) const;

 protected:
  /// The model proper: run() calls it with the merged options, on each stage of the timeline
  /// unless traits().events.
  virtual Forecast forecast(const Scenario& scenario, const ModelOptions& options) const = 0;

 private:
  /// run() on a scenario whose capabilities are of moderate magnitude (src/models/magnitude.hpp).
  Forecast run_options_merged(const Scenario& scenario, const ModelOptions& options) const;
  /// run() once the scenario's options are merged in.
  Forecast run_merged(const Scenario& scenario, const ModelOptions& options) const;
};

/// `options` with `request` carried out by the model's request_options(). Throws InputError naming
/// `--rounds`, `--seed` or `--trace` when the model lacks the trait the request needs, and naming
/// both when `options` already sets an option the request sets, to another value.
ModelOptions apply_request(const Model& model, ModelOptions options, const RunRequest& request);

/// Checks the options `scenario` sets for models (Scenario::model_options, e.g. from a KTAB XML
/// file) through each model's check_options(). An error points where the input file set the option
/// (Scenario::model_option_origins); an option for a model that is not registered is an error too.
void check_scenario_options(const Scenario& scenario);

/// Every model, in the order `parley models` lists them: the built-in ones
/// (src/models/registry.cpp), then those registered at run time.
const std::vector<const Model*>& all_models();
/// The model with this name, or nullptr.
const Model* find_model(std::string_view name);
/// The model with this name. Throws InputError naming `field` ("unknown model 'x'", expected "one
/// of: " and every model's name) when there is none.
const Model& model_named(const std::string& name, const std::string& field = "--model");
/// Adds a model after the others (for tests and library users): all_models() and find_model() see
/// it from then on, and so do the CLI, sweeps, sensitivity and the report. Not thread-safe: register
/// before running models on other threads. Throws std::invalid_argument for a null model or a name
/// already taken.
const Model& register_model(std::unique_ptr<Model> model);

}  // namespace parley
