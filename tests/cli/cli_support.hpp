// Running the parley executable from tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace parley::testing {

struct Result {
  int code;
  std::string out;  // stdout and stderr together
};

/// Runs a shell command line, collecting its standard output and error (as the line redirects them).
inline Result shell(const std::string& command) {
  Result r{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline Result parley_cli(const std::string& args) { return shell(std::string(PARLEY_EXE) + " " + args + " 2>&1"); }

/// The same, run in the working directory `dir`.
inline Result parley_cli_in(const std::filesystem::path& dir, const std::string& args) {
  return shell("cd '" + dir.string() + "' && " + std::string(PARLEY_EXE) + " " + args + " 2>&1");
}

/// Whether `text` contains `part`.
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Expects `parley ARGS`, run in `dir`, to be refused: exit 2, with `message` in what it prints.
inline void expect_refused_in(const std::filesystem::path& dir, const std::string& args, const std::string& message) {
  const Result r = parley_cli_in(dir, args);
  EXPECT_EQ(r.code, 2) << args << ": " << r.out;
  EXPECT_TRUE(contains(r.out, message)) << args << ": " << r.out;
}

/// The scenarios most command-line tests run: the small example, the flagship and the DEU data.
inline const std::string kExample = source_path("scenarios/examples/arms-control.yaml");
inline const std::string kFlagship = source_path("scenarios/us-russia.yaml");
inline const std::string kDeu = data_path("deu3/deu3-dev.tsv");

/// A file in the temporary folder, named for this test process: two test runs at once (two build
/// trees, or ctest beside a hand-run test) never share a database or an output. Removed when the
/// test process ends, so that no run leaves files behind.
inline std::filesystem::path temp(const std::string& name) {
  return removed_at_exit(std::filesystem::temp_directory_path() / ("parley-cli-" + std::to_string(::getpid()) + "-" + name));
}

/// A fresh, empty folder in the temporary folder (temp(name)) for one test.
inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path dir = temp(name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace parley::testing
