// Comparing what the writers write with the golden files in tests/report/golden/: what the
// `parley` commands printed for the same cases (generate.sh, which also says how they are masked).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "parley/io.hpp"
#include "parley/version.hpp"
#include "test_support.hpp"

namespace parley::testing {

/// The golden file `name`.
inline std::string golden(const std::string& name) { return read_text(source_path("tests/report/golden/" + name)); }

/// The scenarios the writers' golden files were made from, relative to the repository.
inline constexpr const char* kFlagship = "scenarios/us-russia.yaml";
inline constexpr const char* kArms = "scenarios/examples/arms-control.yaml";

/// The scenario `file` (relative to the repository) read as the commands read it when run from the
/// repository root: named by that relative path, which some outputs show.
inline Scenario read_as_given(const std::string& file, const ReadOptions& options = {}) {
  return read_scenario_text(read_text(source_path(file)), file, options);
}

/// `text` masked as generate.sh masks the commands' output: the version as @VERSION@.
inline std::string masked(std::string text) {
  const std::string version = kVersion;
  for (std::size_t at = text.find(version); at != std::string::npos; at = text.find(version, at + 1))
    text.replace(at, version.size(), "@VERSION@");
  return text;
}

/// What `write(out)` writes to an std::ostringstream.
template <typename Write>
std::string written(Write&& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

/// Expects `actual`, masked, to equal the golden file `name` byte for byte; on a difference, says
/// where the first one is.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const std::string want = golden(name), got = masked(actual);
  if (want == got) return;
  std::size_t at = 0;
  while (at < want.size() && at < got.size() && want[at] == got[at]) ++at;
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(want.begin(), want.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  const std::size_t from = want.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t start = from == std::string::npos ? 0 : from + 1;
  ADD_FAILURE() << name << " differs from line " << line << " on (" << want.size() << " bytes wanted, " << got.size() << " written)\n"
                << "wanted:  " << want.substr(start, want.find('\n', at) - start)
                << "\nwritten: " << got.substr(start, got.find('\n', at) - start);
}

}  // namespace parley::testing
