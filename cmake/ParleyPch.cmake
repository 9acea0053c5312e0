# Precompiled headers (CONTRIBUTING.md, "Build time"): the larger targets parse the heavy standard
# and third-party headers once per target instead of once per file (a clean build of a CLI or
# report file parses some 100 000 lines of CLI11 or nlohmann/json before its own code).
#
# parley_precompile(<target> [<header>...])
#   Precompiles the common standard headers, fmt and the given headers for <target> (PRIVATE: a
#   target that links it does not inherit them). Only headers from outside parley belong here: a
#   PCH is included in every file of its target, so a parley header in it would let a layer see a
#   header it must not (the probes of tests/layers check that it cannot).
# -DPARLEY_PCH=OFF builds without them (for tools that cannot read GCC's .gch files). The unit
# tests (parley_tests) share one too, built with -Wno-array-bounds -Wno-stringop-overflow: with a
# PCH, GCC 12's false positives in std::string (bug 105329 and kin) fire in test files.

option(PARLEY_PCH "Precompile the heavy third-party headers of the library layers and the CLI" ON)

set(PARLEY_PCH_COMMON <algorithm> <cmath> <cstddef> <cstdint> <functional> <map> <memory> <optional> <ostream> <sstream>
                      <stdexcept> <string> <string_view> <utility> <vector> <fmt/format.h>)

function(parley_precompile target)
  if(PARLEY_PCH)
    target_precompile_headers(${target} PRIVATE ${PARLEY_PCH_COMMON} ${ARGN})
  endif()
endfunction()
