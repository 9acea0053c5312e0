// Paths confined to the root (paths.hpp).
#include "server/paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <system_error>

#include "server/http_error.hpp"

namespace parley::server {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *q != *r) return false;
  return true;
}

void check_segments(std::string_view relative) {
  const auto refuse = [&](const char* why) { throw HttpError(403, fmt::format("path '{}': {}", relative, why), "path"); };
  if (relative.empty()) refuse("empty");
  if (relative.front() == '/') refuse("absolute paths are refused; name a file in the served folder");
  for (const char c : relative)
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) refuse("a backslash or control character");
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    const std::string_view segment = relative.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") refuse("'.', '..' and empty segments are refused");
    start = end + 1;
  }
}

}  // namespace

fs::path confined_path(const fs::path& root, std::string_view relative, bool must_exist) {
  check_segments(relative);
  const fs::path p = root / fs::path(std::string(relative));
  std::error_code ec;
  // The real location: a missing file's folder must exist and be inside too (weakly_canonical
  // resolves the part that exists, symlinks included).
  const fs::path real = fs::weakly_canonical(p, ec);
  if (ec || !inside(root, real)) throw HttpError(403, fmt::format("path '{}' is outside the served folder", relative), "path");
  // What is still a symlink there dangles: writing would follow it wherever it points.
  if (fs::is_symlink(fs::symlink_status(real, ec)))
    throw HttpError(403, fmt::format("path '{}' is a symlink to nothing", relative), "path");
  const fs::file_status status = fs::status(real, ec);
  if (must_exist && (ec || !fs::is_regular_file(status)))
    throw HttpError(404, fmt::format("path '{}': no such scenario file", relative), "path");
  if (!must_exist && !fs::is_directory(real.parent_path(), ec))
    throw HttpError(404, fmt::format("path '{}': no such folder", relative), "path");
  return real;
}

bool is_scenario_name(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json"); }

}  // namespace parley::server
