// The front-end's files, embedded in the binary: the hook between the web build (web/, Vite) and
// the server floor (docs/web.md, "Static files").
//
// Contract: exactly one source file of the server library defines both functions.
//  - src/server/web_assets_stub.cpp (this floor's default; always with -DPARLEY_WEB=OFF and in the
//    sanitizer and fuzz trees): a one-page stub that says the front-end was not built.
//  - a generated source (the web build names it in CMake's PARLEY_WEB_ASSETS_SOURCE before the
//    server floor is added): every file of web/dist as bytes in static storage.
// Neither may throw, allocate per call or depend on anything but the C++ standard library, so
// that the generated file compiles alone.
#pragma once

#include <optional>
#include <string_view>

namespace parley::server {

struct WebAsset {
  std::string_view content_type;  // e.g. "text/html; charset=utf-8", "application/javascript"
  std::string_view bytes;         // static storage: valid for the life of the program
};

/// The file at `path`, as requested (starting with "/", without the query): "/" and "/index.html"
/// are the index page, "/assets/index-3f2a.js" a built file. std::nullopt for a path that is no
/// file of the front-end (the server then answers the index for a path without an extension, so
/// that the front-end's own routes load, and 404 otherwise).
std::optional<WebAsset> web_asset(std::string_view path);

/// True when the assets are the built front-end, false for the stub.
bool web_assets_built();

}  // namespace parley::server
