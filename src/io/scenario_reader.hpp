// parley's own scenario format (YAML or JSON, one schema): docs/scenario-format.md.
#pragma once

#include <string>

#include "io/document.hpp"
#include "parley/scenario.hpp"

namespace parley::io {

/// Builds a scenario from a parsed document, checking every field. Throws InputError naming the
/// file, line, column and field.
Scenario read_scenario_document(const Node& root, const std::string& file);

}  // namespace parley::io
