// The analyst's report: one self-contained HTML file (no scripts, no network) with a
// plain-language summary, every model's forecast with uncertainty bands, position trajectories,
// outcome-class probabilities, a tornado, the feasibility table and the provenance of every input.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parley/model.hpp"
#include "parley/scenario.hpp"

namespace parley {

struct ReportOptions {
  std::vector<const Model*> models;  // empty: every model
  /// Trajectories and tornado; one of `models` (else InputError); null: the first model with rounds.
  const Model* lead = nullptr;
  std::uint64_t draws = 1000;        // per model
  std::uint64_t seed = 1;
  unsigned threads = 1;
  std::string scenario_file;         // shown in the report
  /// Called as each stage starts ("sweep bdm", ...), for a progress line.
  std::function<void(const std::string&)> stage;
};

struct Report {
  std::string summary;  // plain text, the report's first section
  std::string html;
};

Report build_report(const Scenario& scenario, const ReportOptions& options);

}  // namespace parley
