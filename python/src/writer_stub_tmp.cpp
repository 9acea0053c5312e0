// TEMPORARY until the scenario writer lands.
#include "parley/io.hpp"
namespace parley {
std::string scenario_to_json(const Scenario&, int) { throw InputError("scenario_to_json: not yet"); }
std::string scenario_to_yaml(const Scenario&) { throw InputError("scenario_to_yaml: not yet"); }
}  // namespace parley
