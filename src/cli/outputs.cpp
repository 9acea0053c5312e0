#include "cli/outputs.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "parley/error.hpp"

namespace parley::cli {

namespace {

namespace fs = std::filesystem;

fs::path normalised(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path, ec).lexically_normal() : p;
}

/// A device, a pipe or a socket: written as it is, never replaced (src/io/atomic_file.cpp).
bool written_in_place(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

void refuse_if_same(const NamedFile& output, const NamedFile& other) {
  if (other.path.empty() || !same_file(output.path, other.path)) return;
  throw InputError({}, output.option, "'" + output.path + "' is the same file as " + other.what + " '" + other.path + "'",
                   "another file: writing it would replace " + other.what);
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  const bool a_exists = ::stat(a.c_str(), &sa) == 0;
  const bool b_exists = ::stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists || b_exists) return false;
  return normalised(a) == normalised(b);
}

void check_outputs(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedFile& output = outputs[i];
    if (output.path.empty() || written_in_place(output.path)) continue;
    for (const NamedFile& input : inputs) refuse_if_same(output, input);
    for (std::size_t j = 0; j < i; ++j) refuse_if_same(output, outputs[j]);
  }
}

}  // namespace parley::cli
