#include "models/options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "parley/error.hpp"

namespace parley::models {

OptionReader::OptionReader(const Model& model, const ModelOptions& given) {
  const auto specs = model.options();
  for (const auto& spec : specs) resolved_[spec.name] = spec.default_value;
  for (const auto& [name, value] : given) {
    if (!resolved_.count(name)) {
      std::string known;
      for (const auto& spec : specs) known += (known.empty() ? "" : ", ") + spec.name;
      throw InputError({}, field(name), fmt::format("model '{}' has no option '{}'", model.name(), name),
                       known.empty() ? std::string("no options for this model") : "one of: " + known);
    }
    resolved_[name] = value;
  }
}

std::string OptionReader::raw(const std::string& name) const { return resolved_.at(name); }

double OptionReader::number(const std::string& name, double min, double max) {
  const std::string text = raw(name);
  double x = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(x) || x < min || x > max)
    throw InputError({}, field(name), "got '" + text + "'", fmt::format("a number in [{}, {}]", min, max));
  return x;
}

int OptionReader::whole_number(const std::string& name, int min, int max) {
  const double x = number(name, min, max);
  if (x != std::floor(x)) throw InputError({}, field(name), "got '" + raw(name) + "'", fmt::format("a whole number in [{}, {}]", min, max));
  return static_cast<int>(x);
}

std::string OptionReader::choice(const std::string& name, std::initializer_list<const char*> choices) {
  const std::string text = raw(name);
  std::string list;
  for (const char* c : choices) {
    if (text == c) return text;
    list += (list.empty() ? "" : ", ") + std::string(c);
  }
  throw InputError({}, field(name), "got '" + text + "'", "one of: " + list);
}

ModelOptions round_model_request_options(const RunRequest& request) {
  ModelOptions out;
  if (request.rounds) {
    out["rounds"] = std::to_string(*request.rounds);
    out["stop"] = "rounds";
  }
  if (request.seed) out["seed"] = *request.seed;
  if (request.trace) out["trace"] = "true";
  return out;
}

}  // namespace parley::models
