// The server's routes as httplib's, and which methods each path accepts: so that a known path
// asked with another method answers 405 with an Allow header (docs/web.md, "Errors"), and only a
// path no route matches answers 404.
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace parley::server {

/// httplib::Server whose Get, Post, Put and Delete also record the route's method and pattern
/// (they hide the base class's, so that every route the routes_*.cpp files add is recorded). Routes
/// are added before the server runs and only read afterwards.
class Router : public httplib::Server {
 public:
  template <typename Handler>
  Router& Get(const std::string& pattern, Handler&& handler) {
    record("GET", pattern);
    httplib::Server::Get(pattern, std::forward<Handler>(handler));
    return *this;
  }
  template <typename Handler>
  Router& Post(const std::string& pattern, Handler&& handler) {
    record("POST", pattern);
    httplib::Server::Post(pattern, std::forward<Handler>(handler));
    return *this;
  }
  template <typename Handler>
  Router& Put(const std::string& pattern, Handler&& handler) {
    record("PUT", pattern);
    httplib::Server::Put(pattern, std::forward<Handler>(handler));
    return *this;
  }
  template <typename Handler>
  Router& Delete(const std::string& pattern, Handler&& handler) {
    record("DELETE", pattern);
    httplib::Server::Delete(pattern, std::forward<Handler>(handler));
    return *this;
  }

  /// The methods the routes matching `path` accept, as an Allow header lists them ("GET, HEAD,
  /// DELETE": HEAD with GET, as httplib answers it), in the order the routes were added; empty when
  /// no route matches the path.
  std::string allowed_methods(const std::string& path) const;

 private:
  void record(const char* method, const std::string& pattern);

  std::vector<std::pair<std::string, std::regex>> routes_;
};

}  // namespace parley::server
