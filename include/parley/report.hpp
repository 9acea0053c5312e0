// The analyst's report: one self-contained HTML file (no scripts, no network) with a
// plain-language summary, every model's forecast with uncertainty bands, position trajectories,
// outcome-class probabilities, a tornado, the feasibility table and the provenance of every input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parley/model.hpp"
#include "parley/scenario.hpp"
#include "parley/sweep.hpp"

namespace parley {

struct ReportOptions {
  std::vector<const Model*> models;  // empty: every model
  /// Trajectories and tornado; one of `models` (else InputError); null: the first model with rounds.
  const Model* lead = nullptr;
  std::uint64_t draws = 1000;  // per model
  std::uint64_t seed = 1;
  unsigned threads = 1;
  std::string scenario_file;  // shown in the report
  /// Called as each stage starts ("sweep bdm", ...), for a progress line.
  std::function<void(const std::string&)> stage;
};

/// The report's summary as data: what `parley report` prints and the report's first section lists.
struct ReportSummary {
  std::string title;  // the scenario's

  /// Per group of outcome classes, the class the models find most likely on average.
  struct LikelyClass {
    std::string group;                   // "" for classes without a group
    std::string name;                    // the class's label, or its name when it has none
    double mean = 0, low = 0, high = 0;  // its probability: the mean over models, and their range
  };
  std::vector<LikelyClass> most_likely;
  std::size_t models = 0;  // how many models the probabilities average over

  /// The inputs that move an outcome most in the lead model's tornado, largest first (at most 3).
  struct Driver {
    std::string input;
    double swing = 0;  // the largest move of an outcome, as a share of the issue's scale
  };
  std::string lead;  // the lead model
  std::vector<Driver> drivers;

  /// The event that moves the forecast most, averaged over models (absent without events).
  struct EventShift {
    std::size_t events = 0, models = 0;
    bool moves = false;  // false: the events leave every forecast where it was (the rest is unset)
    std::string event;   // its label, or id
    std::string issue;   // the issue it moves most (label)
    double shift = 0;    // the mean shift on that issue
    double total = 0;    // the mean shift on that issue from the start to the end of the timeline
  };
  std::optional<EventShift> events;

  /// An issue whose zone of agreement exists in fewer than half of the draws (two-level games).
  struct UnlikelyDeal {
    std::string issue;  // label
    Proportion zone;    // the share of draws with a zone
    /// At the point values: the constraints in conflict, when both are ratifiers' (else empty).
    std::string floor_actor, ceiling_actor;  // names
    double floor = 0, ceiling = 0;
  };
  std::vector<UnlikelyDeal> unlikely_deals;
};

/// The summary's points, one sentence each ("Most likely (war): ... ."): the likely classes, the
/// drivers, the events, the unlikely deals.
std::vector<std::string> summary_points(const ReportSummary& summary);
/// As `parley report` prints it: the title, then a line "- POINT" per point.
std::string summary_text(const ReportSummary& summary);
/// As the report's Summary section shows it: a list item per point.
std::string summary_html(const ReportSummary& summary);

struct Report {
  ReportSummary summary_data;
  std::string summary;  // summary_text(summary_data)
  std::string html;
};

Report build_report(const Scenario& scenario, const ReportOptions& options);

}  // namespace parley
