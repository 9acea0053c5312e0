// write_what_if: every model's forecast of one scenario and their ensemble (POST /api/whatif), and
// the JSON of an InputError that documents carry.
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>

#include "parley/ensemble.hpp"
#include "parley/output.hpp"
#include "report/output/forecast_json.hpp"
#include "report/output/numbers.hpp"

namespace parley {

nlohmann::ordered_json report::error_json(const InputError& e, int status) {
  nlohmann::ordered_json j;
  j["status"] = status;
  j["message"] = e.what();
  if (!e.where().file.empty()) j["file"] = e.where().file;
  if (e.where().line > 0) j["line"] = e.where().line;
  if (e.where().column > 0) j["column"] = e.where().column;
  if (!e.field().empty()) j["field"] = e.field();
  if (!e.problem().empty()) j["problem"] = e.problem();
  if (!e.expected().empty()) j["expected"] = e.expected();
  return j;
}

std::string input_error_json(const InputError& error, int status) { return report::error_json(error, status).dump(); }

namespace {

/// The models with a forecast, their weights and the weighted outcome of each issue (ensemble_mean;
/// null where no model with weight has one).
nlohmann::ordered_json ensemble_json(const Scenario& s, const std::vector<WhatIfResult>& results, const SkillTable& skill) {
  std::vector<std::string> names;
  std::vector<const Forecast*> forecasts;
  for (const WhatIfResult& r : results)
    if (r.forecast) {
      names.push_back(r.model);
      forecasts.push_back(&*r.forecast);
    }
  nlohmann::ordered_json j;
  j["models"] = names;
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  if (names.empty()) {
    j["weights"] = nlohmann::ordered_json::array();
    j["issues"] = std::move(issues);
    return j;
  }
  const EnsembleWeights w = ensemble_weights(skill, names);
  j["weights"] = w.weights;
  j["equal"] = w.equal;
  j["missing"] = w.missing;
  for (std::size_t i = 0; i < s.issues().size(); ++i) {
    std::vector<double> values;
    for (const Forecast* f : forecasts) values.push_back(f->issues[i].outcome.value_or(std::numeric_limits<double>::quiet_NaN()));
    issues.push_back({{"id", s.issue(i).id}, {"outcome", report::json_number(ensemble_mean(w, values))}});
  }
  j["issues"] = std::move(issues);
  return j;
}

}  // namespace

void write_what_if(std::ostream& out, const Scenario& s, const std::vector<WhatIfResult>& results, const SkillTable& skill) {
  nlohmann::ordered_json j;
  j["schema"] = kWhatIfSchema;
  nlohmann::ordered_json forecasts = nlohmann::ordered_json::object();
  nlohmann::ordered_json errors = nlohmann::ordered_json::object();
  for (const WhatIfResult& r : results) {
    if (r.forecast) forecasts[r.model] = report::forecast_json(s, *r.forecast, skill);
    if (r.error) errors[r.model] = report::error_json(*r.error, 400);
  }
  j["forecasts"] = std::move(forecasts);
  j["errors"] = std::move(errors);
  j["ensemble"] = ensemble_json(s, results, skill);
  out << j.dump(2) << '\n';
}

}  // namespace parley
