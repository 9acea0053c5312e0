// The JSON of a forecast (kForecastSchema), shared by write_forecast and the what-if document.
#pragma once

#include <nlohmann/json.hpp>

#include "parley/output.hpp"

namespace parley::report {

/// The document `parley run -f json` prints (before dump(2)), with `skill`'s predictive intervals.
nlohmann::ordered_json forecast_json(const Scenario& scenario, const Forecast& forecast, const SkillTable& skill);

/// An InputError as documents carry it: status, message (what()), then file, line, column, field,
/// problem and expected where known.
nlohmann::ordered_json error_json(const InputError& error, int status);

}  // namespace parley::report
