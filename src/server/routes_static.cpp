// The front-end's files (web_assets.hpp) for every GET outside /api/: the index for "/" and for a
// path without an extension (the front-end's own routes), 404 for anything else.
#include <string_view>

#include "server/api.hpp"
#include "server/state.hpp"
#include "server/web_assets.hpp"

namespace parley::server {

namespace {

void serve_asset(const httplib::Request& req, httplib::Response& res) {
  const std::string_view path = req.path;
  if (path.starts_with("/api/") || path == "/api") throw HttpError(404, "no such endpoint: " + req.method + " " + req.path);
  std::optional<WebAsset> asset = web_asset(path);
  const std::string_view last = path.substr(path.rfind('/') + 1);
  if (!asset && last.find('.') == std::string_view::npos) asset = web_asset("/");
  if (!asset) throw HttpError(404, "no such file: " + req.path);
  res.set_content(asset->bytes.data(), asset->bytes.size(), std::string(asset->content_type).c_str());
}

}  // namespace

void add_static_routes(State& state) {
  // Not /api nor /api/...: a path no API route takes answers 404, or 405 when one takes it with
  // another method (server.cpp's error handler), instead of reaching this route.
  state.http.Get("/(?!api(?:/|$)).*",
                 [](const httplib::Request& req, httplib::Response& res) { answer(res, [&] { serve_asset(req, res); }); });
}

}  // namespace parley::server
