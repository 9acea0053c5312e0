// The server's safety rules (docs/web.md, "Safety"): paths confined to the root, the token, the
// Host header, and the headers every response carries.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace parley::server {

/// Every response: a restrictive Content-Security-Policy and its companions.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/// The HTML report, whose styles are inline: nothing else may load or run.
inline constexpr const char* kReportSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/// The file `relative` names under `root` (canonical), for reading (`must_exist`) or writing.
/// Throws HttpError 403 for an empty name or segment, ".", "..", a leading "/", a backslash, a NUL
/// or a control character, or a path whose real location (symlinks resolved, also of a missing
/// file's folder) is outside `root`; 404 for a file to read that does not exist or is no regular file.
std::filesystem::path confined_path(const std::filesystem::path& root, std::string_view relative, bool must_exist);

/// True when the name ends in .yaml, .yml or .json: the files the API lists, reads and writes.
bool is_scenario_name(std::string_view name);

/// A token of 32 hexadecimal digits from the system's random source.
std::string generate_token();
/// Compares in time that depends only on the lengths.
bool same_token(std::string_view given, std::string_view expected);
/// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(std::string_view header, std::string_view name);

}  // namespace parley::server
