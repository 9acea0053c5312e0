// The report's "Package deals" section: the scenario's declared linkages (docs/scenario-format.md,
// "Linkages"), each assessed as a package deal (docs/feasibility.md, "Package deals").
#pragma once

#include <string>

#include "parley/feasibility.hpp"
#include "parley/scenario.hpp"

namespace parley::report {

/// Per declared linkage: its label, issues and source, whether a package deal exists at the point
/// values, each side's best package there, and P(deal) over the report's draws with its 95 % Wilson
/// interval. `deals` holds the linkages in order (assess_packages with PackageChoice's default).
/// Empty when it holds none.
std::string package_section(const Scenario& scenario, const PackageDeals& deals);

}  // namespace parley::report
