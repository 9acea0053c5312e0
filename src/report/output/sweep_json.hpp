// The JSON of a sweep summary (kSweepSchema), shared by the sweep writer and `parley export`.
#pragma once

#include <nlohmann/json.hpp>

#include "parley/output.hpp"

namespace parley::report {

nlohmann::ordered_json sweep_json(const SweepSummary& summary, const SweepContext& context);

}  // namespace parley::report
