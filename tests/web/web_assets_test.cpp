// The embedded front-end (src/server/web_assets.hpp, cmake/ParleyWeb.cmake): every built file is
// found by its path with the right content type, the page's script and stylesheet are among them,
// and nothing else is. Without PARLEY_WEB the library is empty and says so.
#include "server/web_assets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace parley::server {
// Defined by the generated source (web/scripts/embed.mjs) beside the two functions of the header:
// every embedded path, sorted; empty when the front-end was not built.
std::vector<std::string_view> web_asset_paths();
}  // namespace parley::server

namespace {

using parley::server::web_asset;
using parley::server::web_asset_paths;
using parley::server::web_assets_built;

TEST(WebAssets, EmptyWithoutTheFrontEnd) {
  if (web_assets_built()) GTEST_SKIP() << "the front-end is built into this tree";
  EXPECT_TRUE(web_asset_paths().empty());
  EXPECT_FALSE(web_asset("/").has_value());
  EXPECT_FALSE(web_asset("index.html").has_value());
}

TEST(WebAssets, IndexAtTheRootWithAndWithoutSlash) {
  if (!web_assets_built()) GTEST_SKIP() << "configured with PARLEY_WEB off";
  for (const char* path : {"", "/", "index.html", "/index.html"}) {
    const auto asset = web_asset(path);
    ASSERT_TRUE(asset.has_value()) << path;
    EXPECT_EQ(asset->content_type, "text/html; charset=utf-8");
    EXPECT_NE(asset->bytes.find("<title>parley</title>"), std::string_view::npos);
  }
}

TEST(WebAssets, EveryFileTheIndexNamesIsEmbeddedWithItsType) {
  if (!web_assets_built()) GTEST_SKIP() << "configured with PARLEY_WEB off";
  const std::string index(web_asset("/")->bytes);
  const std::regex reference(R"((src|href)="(/assets/[^"]+))");
  int scripts = 0;
  int styles = 0;
  for (auto it = std::sregex_iterator(index.begin(), index.end(), reference); it != std::sregex_iterator(); ++it) {
    const std::string path = (*it)[2];
    const auto asset = web_asset(path);
    ASSERT_TRUE(asset.has_value()) << path;
    EXPECT_FALSE(asset->bytes.empty()) << path;
    if (path.ends_with(".js")) {
      EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
      ++scripts;
    } else if (path.ends_with(".css")) {
      EXPECT_EQ(asset->content_type, "text/css; charset=utf-8");
      ++styles;
    }
  }
  EXPECT_EQ(scripts, 1);
  EXPECT_EQ(styles, 1);
  // The page runs under default-src 'self': no inline script or style in it.
  EXPECT_EQ(index.find("<script>"), std::string::npos);
  EXPECT_EQ(index.find("<style"), std::string::npos);
  EXPECT_EQ(index.find("style=\""), std::string::npos);
}

TEST(WebAssets, PathsAreSortedAndEachOneIsFound) {
  if (!web_assets_built()) GTEST_SKIP() << "configured with PARLEY_WEB off";
  const auto paths = web_asset_paths();
  ASSERT_FALSE(paths.empty());
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (std::string_view path : paths) EXPECT_TRUE(web_asset(path).has_value()) << path;
}

TEST(WebAssets, AnythingElseIsNotFound) {
  if (!web_assets_built()) GTEST_SKIP() << "configured with PARLEY_WEB off";
  for (const char* path : {"/api/models", "index.htm", "INDEX.HTML", "/assets", "/assets/", "//index.html", "/../index.html",
                           "/%69ndex.html", "/index.html?x=1", "zzz"}) {
    EXPECT_FALSE(web_asset(path).has_value()) << path;
  }
}

}  // namespace
