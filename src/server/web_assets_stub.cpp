// The stub of web_assets.hpp: one page saying that the front-end was not built (no npm,
// -DPARLEY_WEB=OFF, or a sanitizer or fuzz tree). The API under /api/ works all the same.
#include "server/web_assets.hpp"

namespace parley::server {

namespace {

constexpr std::string_view kStubPage = R"(<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>parley</title></head>
<body>
<h1>parley</h1>
<p>The web front-end was not built into this parley binary (it needs npm at build time; it is left
out with <code>-DPARLEY_WEB=OFF</code> and in sanitizer builds).</p>
<p>The JSON API works: try <a href="/api/models">/api/models</a> or <a href="/api/scenarios">/api/scenarios</a>.
docs/web.md describes every endpoint.</p>
</body>
</html>
)";

}  // namespace

std::optional<WebAsset> web_asset(std::string_view path) {
  if (path == "/" || path == "/index.html") return WebAsset{"text/html; charset=utf-8", kStubPage};
  return std::nullopt;
}

bool web_assets_built() { return false; }

}  // namespace parley::server
