#pragma once
// The built front-end (web/, docs/web.md) as compiled-in bytes: what `parley serve` sends at `/`.
//
// With PARLEY_WEB on, cmake/ParleyWeb.cmake runs `npm ci` and the production build of web/ in the
// build tree and generates one C++ source defining these functions with every file of the built
// web/dist in it (web/scripts/embed.mjs); it names that source in PARLEY_WEB_ASSETS_SOURCE, which
// the server floor compiles instead of its stub (web_assets_stub.cpp: nothing built, the server
// answers with its stub page). The same source also builds the small library parley_web_assets.
// Nothing is read from disk or the network at run time.

#include <optional>
#include <string_view>
#include <vector>

namespace parley::server {

/// One built file: its Content-Type header value (e.g. "text/javascript; charset=utf-8") and its
/// bytes. Both views point into static storage and live as long as the program.
struct WebAsset {
  std::string_view content_type;
  std::string_view bytes;
};

/// The built file at `path`, as in the URL: with or without its leading '/', "" and "/" meaning
/// "index.html" ("/assets/index-3f2a.js", "assets/index-3f2a.js"). Exact, case-sensitive match
/// against the embedded paths; no decoding, no "..", no directory index other than the root: any
/// other path, and every path when the front-end was not built, gives std::nullopt.
std::optional<WebAsset> web_asset(std::string_view path);

/// Whether the front-end was built into this binary (false: the server should serve its stub).
bool web_assets_built();

/// Every embedded path, sorted ("assets/…", "index.html"); empty when not built.
std::vector<std::string_view> web_asset_paths();

}  // namespace parley::server
