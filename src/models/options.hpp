// Reading a model's options: unknown names and malformed values are InputErrors.
#pragma once

#include <initializer_list>
#include <string>

#include "parley/model.hpp"

namespace parley::models {

class OptionReader {
 public:
  /// Fails on any option `model` does not declare.
  OptionReader(const Model& model, const ModelOptions& given);

  /// The option as a number in [min, max] (its default when not given).
  double number(const std::string& name, double min, double max);
  /// The option as a whole number in [min, max].
  int whole_number(const std::string& name, int min, int max);
  /// The option as one of `choices`.
  std::string choice(const std::string& name, std::initializer_list<const char*> choices);

  /// Every declared option with the value in force, for the forecast's record.
  const ModelOptions& resolved() const { return resolved_; }

 private:
  std::string raw(const std::string& name) const;
  std::string field(const std::string& name) const { return "--option " + name; }

  ModelOptions resolved_;
};

/// The contract's requests as options of a model with rounds, a seed and a trace (bdm, smp; their
/// docs/models pages say so): `--rounds N` is rounds=N and stop=rounds (exactly N rounds),
/// `--seed S` is seed=S, `--trace` is trace=true.
ModelOptions round_model_request_options(const RunRequest& request);

}  // namespace parley::models
