// What parley's writers share beyond numbers: refusing a format a writer does not offer.
#pragma once

#include <vector>

#include "parley/output_format.hpp"

namespace parley::report {

/// Throws InputError naming "--format" unless `format` is one of `accepted`.
void require_format(OutputFormat format, const std::vector<OutputFormat>& accepted);

}  // namespace parley::report
