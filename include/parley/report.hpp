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

#include "parley/ensemble.hpp"
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

  /// The skill-weighted ensemble the summary leads with: its weights (from shipped_skill(),
  /// renormalised over the report's models), and per issue its forecast beside each model's.
  EnsembleWeights ensemble;
  struct IssueCall {
    std::string issue;           // label
    double ensemble = 0;         // the weighted mean of the models' forecasts at the point values (NaN: none)
    std::vector<double> models;  // each model's, in the order of ensemble.models (NaN: none)
  };
  std::vector<IssueCall> forecasts;

  /// Whether the class probabilities below include the models' measured error
  /// (SweepSummary::with_model_error), and the models whose do not (no residuals in the skill
  /// table): theirs come from the spread of the inputs only.
  bool with_model_error = false;
  std::vector<std::string> inputs_only;

  /// Per group of outcome classes, the class the ensemble finds most likely.
  struct LikelyClass {
    std::string group;               // "" for classes without a group
    std::string name;                // the class's label, or its name when it has none
    Proportion ensemble;             // its probability: the weighted mixture of the models'
    std::vector<Proportion> models;  // each model's, in the order of ensemble.models
    Proportion unclassified;         // the ensemble's share of draws in no class of the group
  };
  std::vector<LikelyClass> most_likely;

  /// A class the ensemble judges likely (over 50 %) that names an issue on which a zone of
  /// agreement exists in fewer than half of the draws (two-level games).
  struct Contradiction {
    std::string name;        // the class's label, or its name
    Proportion probability;  // the ensemble's
    std::string issue;       // label
    Proportion zone;         // the share of draws with a zone on that issue
  };
  std::vector<Contradiction> contradictions;

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

/// The summary's points, one sentence each ("Most likely (war): ... ."): the ensemble's weights,
/// its forecast of each issue, the likely classes, the contradictions, the drivers, the events, the
/// unlikely deals. No probability from draws reads "100 %" or "0 %" (docs/uncertainty.md).
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
