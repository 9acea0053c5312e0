// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "parley/error.hpp"
#include "parley/io.hpp"

namespace parley::testing {

/// A file under tests/data (copies of public reference data, see tests/data/README.md).
inline std::string data_path(const std::string& relative) { return std::string(PARLEY_TEST_DATA) + "/" + relative; }

/// Decide's sample input (data/input/sample_data.txt of Decide: 10 actors, 6 issues), under tests/data.
inline constexpr const char* kDecideSample = "decide/sample_data.txt";
inline std::string source_path(const std::string& relative) { return std::string(PARLEY_SOURCE_DIR) + "/" + relative; }

/// The flagship scenario, scenarios/us-russia.yaml, read by its absolute path.
inline Scenario flagship_scenario() { return read_scenario_file(source_path("scenarios/us-russia.yaml")); }

/// The whole file. A file that is missing or cannot be read throws std::runtime_error naming it, so
/// a test never passes on an empty string.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test data not found: " + path);
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw std::runtime_error("test data could not be read: " + path);
  return s.str();
}

/// A GoogleTest parameter name from any text: letters and digits kept, everything else '_'
/// ("dummyData_3Dim.csv" -> "dummyData_3Dim_csv"), so parameterised tests read as what they test.
inline std::string readable_name(const std::string& text) {
  std::string name;
  for (const char c : text) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name.empty() ? std::string("empty") : name;
}

/// Runs `f`, which must throw InputError at (line, column) naming a field containing `field` and
/// an expectation containing `expected`. Line 0 means "do not check line and column".
template <typename F>
void expect_input_error(F&& f, int line, int column, const std::string& field, const std::string& expected) {
  try {
    f();
    ADD_FAILURE() << "no InputError; wanted field '" << field << "' expected '" << expected << "'";
  } catch (const InputError& e) {
    SCOPED_TRACE(e.what());
    if (line > 0) {
      EXPECT_EQ(e.where().line, line);
      EXPECT_EQ(e.where().column, column);
    }
    EXPECT_NE(e.field().find(field), std::string::npos) << "field: " << e.field();
    EXPECT_NE(e.expected().find(expected), std::string::npos) << "expected: " << e.expected();
    EXPECT_FALSE(e.where().file.empty());
  }
}

/// The paths removed_at_exit() was given, removed when the test process ends.
struct PathsRemovedAtExit {
  std::vector<std::filesystem::path> paths;
  PathsRemovedAtExit() = default;
  PathsRemovedAtExit(const PathsRemovedAtExit&) = delete;
  PathsRemovedAtExit& operator=(const PathsRemovedAtExit&) = delete;
  ~PathsRemovedAtExit() {
    for (const std::filesystem::path& p : paths)
      for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {  // with a database's SQLite companions
        std::error_code ignored;
        std::filesystem::remove_all(p.string() + suffix, ignored);
      }
  }
};

/// `path`, which will be removed (with whatever is below it, and a database's journal) when the
/// test process ends, so that no test run leaves files in the temporary folder.
inline std::filesystem::path removed_at_exit(std::filesystem::path path) {
  static PathsRemovedAtExit registry;
  registry.paths.push_back(path);
  return path;
}

}  // namespace parley::testing
