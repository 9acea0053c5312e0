// The report's headline (docs/output.md): the skill-weighted ensemble with each model beside it,
// the likely classes with the share of draws in no class, and the contradictions between a likely
// class and deal feasibility. Filled into ReportSummary, and shown in the Summary section as
// tables.
#pragma once

#include <string>
#include <vector>

#include "parley/feasibility.hpp"
#include "parley/forecast.hpp"
#include "parley/report.hpp"
#include "parley/scenario.hpp"
#include "parley/skill.hpp"
#include "parley/sweep.hpp"

namespace parley::report {

/// One model's results as the headline reads them.
struct ModelOutcome {
  std::string model;
  const Forecast* point;      // at the point values
  const SweepSummary* sweep;  // over the draws
};

/// Sets summary.ensemble (weights from `skill`), .forecasts, .most_likely and .contradictions
/// (the last only with `zone_odds`, the feasibility odds of a scenario with sides).
void fill_headline(ReportSummary& summary, const Scenario& scenario, const std::vector<ModelOutcome>& models, const SkillTable& skill,
                   const FeasibilityOdds* zone_odds);

/// Where the class probabilities come from: "Probabilities include each model's measured error
/// …", naming the models whose come from the inputs only.
std::string probability_basis(const ReportSummary& summary);

/// The Summary section's tables: the ensemble's weights and where they come from, its forecast of
/// each issue beside each model's, and each class's probability in the ensemble and per model with
/// the share of draws in no class of each group. Empty without models.
std::string headline_html(const ReportSummary& summary, const Scenario& scenario, const std::vector<ModelOutcome>& models);

}  // namespace parley::report
