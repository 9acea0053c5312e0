// The routes' methods (router.hpp).
#include "server/router.hpp"

#include <algorithm>

namespace parley::server {

void Router::record(const char* method, const std::string& pattern) { routes_.emplace_back(method, std::regex(pattern)); }

std::string Router::allowed_methods(const std::string& path) const {
  std::vector<std::string> methods;
  const auto allow = [&](const std::string& method) {
    if (std::find(methods.begin(), methods.end(), method) == methods.end()) methods.push_back(method);
  };
  for (const auto& [method, pattern] : routes_) {
    if (!std::regex_match(path, pattern)) continue;
    allow(method);
    if (method == "GET") allow("HEAD");
  }
  std::string list;
  for (const std::string& m : methods) list += (list.empty() ? "" : ", ") + m;
  return list;
}

}  // namespace parley::server
