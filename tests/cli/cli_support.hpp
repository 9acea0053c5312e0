// Running the parley executable from tests.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace parley::testing {

struct Result {
  int code;
  std::string out;  // stdout and stderr together
};

inline Result parley_cli(const std::string& args) {
  const std::string command = std::string(PARLEY_EXE) + " " + args + " 2>&1";
  Result r{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::filesystem::path temp(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("parley-cli-" + name);
}

}  // namespace parley::testing
