#include "report/output/writer_support.hpp"

namespace parley::report {

void require_format(OutputFormat format, const std::vector<OutputFormat>& accepted) { parse_output_format(to_string(format), accepted); }

}  // namespace parley::report
