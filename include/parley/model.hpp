// The interface every model implements, and the registry of models.
#pragma once

#include <map>
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

/// A model of collective decision-making. Implementations are stateless and thread-safe:
/// run() may be called concurrently on different scenarios.
class Model {
 public:
  virtual ~Model() = default;
  virtual std::string_view name() const = 0;
  /// One line for `parley models`.
  virtual std::string_view description() const = 0;
  virtual std::vector<ModelOptionSpec> options() const { return {}; }
  /// Whether the model applies a scenario's events in its own rounds (docs/events.md).
  virtual bool applies_events() const { return false; }

  /// Forecasts every issue of `scenario` (which must satisfy validate()). Throws InputError for an
  /// unknown or malformed option. When the scenario has events and the model does not apply them
  /// itself, it forecasts the scenario before the first event and after each (Forecast::stages),
  /// and the outcomes are those after the last event.
  Forecast run(const Scenario& scenario, const ModelOptions& options) const;

 protected:
  /// The model proper: run() calls it, on each stage of the timeline unless applies_events().
  virtual Forecast forecast(const Scenario& scenario, const ModelOptions& options) const = 0;
};

/// Every model, in the order `parley models` lists them.
const std::vector<const Model*>& all_models();
/// The model with this name, or nullptr.
const Model* find_model(std::string_view name);
/// Whether the model understands option `name` ("rounds": it has rounds; "seed": it draws).
bool has_option(const Model& model, std::string_view name);

}  // namespace parley
