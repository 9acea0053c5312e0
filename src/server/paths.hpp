// Paths confined to the served folder (docs/web.md, "Safety"): the only way the API names a file.
// Independent of the HTTP server, so that the fuzzer (fuzz/fuzz_api_request.cpp) builds it alone.
#pragma once

#include <filesystem>
#include <string_view>

namespace parley::server {

/// The file `relative` names under `root` (canonical), for reading (`must_exist`) or writing.
/// Throws HttpError 403 for an empty name or segment, ".", "..", a leading "/", a backslash, a NUL
/// or a control character, or a path whose real location (symlinks resolved, also of a missing
/// file's folder) is outside `root`; 404 for a file to read that does not exist or is no regular file.
std::filesystem::path confined_path(const std::filesystem::path& root, std::string_view relative, bool must_exist);

/// True when the name ends in .yaml, .yml or .json: the files the API lists, reads and writes.
bool is_scenario_name(std::string_view name);

}  // namespace parley::server
