// The server's safety rules (docs/web.md, "Safety"): the token, the Host header, and the headers
// every response carries; paths confined to the root are paths.hpp's.
#pragma once

#include <string>
#include <string_view>

#include "server/paths.hpp"  // confined_path, is_scenario_name

namespace parley::server {

/// Every response: a restrictive Content-Security-Policy and its companions.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/// The HTML report, whose styles are inline: nothing else may load or run.
inline constexpr const char* kReportSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/// A token of 32 hexadecimal digits from the system's random source.
std::string generate_token();
/// Compares in time that depends only on the lengths.
bool same_token(std::string_view given, std::string_view expected);
/// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(std::string_view header, std::string_view name);

}  // namespace parley::server
