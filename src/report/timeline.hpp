// The report's account of a scenario's events: every model's forecast before and after each
// event, and the summary's point saying which event moves the forecast most (docs/events.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/forecast.hpp"
#include "parley/report.hpp"
#include "parley/scenario.hpp"
#include "report/svg.hpp"

namespace parley::report {

/// One model's forecast at each stage, values[stage][issue]: stage 0 before the first event,
/// stage k after event k. Models without rounds: Forecast::stages. Models with rounds: the median
/// just before the next event's round, and the outcome after the last (NaN: none).
struct StageForecasts {
  std::string model;
  std::vector<std::vector<double>> values;
};
StageForecasts stage_forecasts(const Scenario& scenario, const Forecast& forecast);

/// The markers of the events on a chart of rounds.
std::vector<Marker> event_markers(const Scenario& scenario);

/// The "Timeline" section: the events with their sources, and per issue a table of every model's
/// forecast at each stage. Empty when the scenario has no events.
std::string timeline_section(const Scenario& scenario, const std::vector<StageForecasts>& models);

/// The summary's point on events: the event that shifts the forecast most, averaged over models, and
/// how far the timeline moves that issue from start to end. None when there are no events or models.
std::optional<ReportSummary::EventShift> event_shift(const Scenario& scenario, const std::vector<StageForecasts>& models);

}  // namespace parley::report
