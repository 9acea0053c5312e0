// Tokens and cookies (safety.hpp); the checks made before every route
// (add_safety: token, Host header, content type) and the headers of every response.
#include "server/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>
#include <system_error>

#include "server/api.hpp"
#include "server/state.hpp"

namespace parley::server {

std::string generate_token() {
  std::random_device device;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", device());
  return token;
}

bool same_token(std::string_view given, std::string_view expected) {
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ expected[expected.empty() ? 0 : i % expected.size()]);
  return diff == 0 && !expected.empty();
}

std::string cookie_value(std::string_view header, std::string_view name) {
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item.size() > name.size() && item.starts_with(name) && item[name.size()] == '=') return std::string(item.substr(name.size() + 1));
    start = end + 1;
  }
  return {};
}

namespace {

using httplib::Server;

/// The token from Authorization: Bearer, ?token= or the cookie; sets the cookie when it came
/// another way, so that the page the printed URL opens loads its files.
bool token_ok(const std::string& token, const httplib::Request& req, httplib::Response& res) {
  const std::string auth = req.get_header_value("Authorization");
  const bool by_header = auth.starts_with("Bearer ") && same_token(std::string_view(auth).substr(7), token);
  const bool by_query = req.has_param("token") && same_token(req.get_param_value("token"), token);
  const bool by_cookie = same_token(cookie_value(req.get_header_value("Cookie"), "parley_token"), token);
  if ((by_header || by_query) && !by_cookie) res.set_header("Set-Cookie", "parley_token=" + token + "; Path=/; HttpOnly; SameSite=Strict");
  return by_header || by_query || by_cookie;
}

/// Without a token, only the server's own loopback names: a page of another site that a DNS
/// trick points at 127.0.0.1 sends its own name.
bool host_ok(const State& state, const httplib::Request& req) {
  if (!req.has_header("Host")) return true;
  const std::string host = req.get_header_value("Host");
  const std::string port = std::to_string(state.port);
  for (const std::string& name : {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), state.options.host})
    if (host == name + ":" + port || (state.port == 80 && host == name)) return true;
  return false;
}

Server::HandlerResponse check(const State& state, const httplib::Request& req, httplib::Response& res) {
  if (!state.options.token.empty()) {
    if (!token_ok(state.options.token, req, res)) {
      send_error(res, 401, "a token is required: Authorization: Bearer TOKEN, or ?token=TOKEN in the address parley serve printed");
      return Server::HandlerResponse::Handled;
    }
  } else if (!host_ok(state, req)) {
    send_error(res, 403, "Host '" + req.get_header_value("Host") + "' is not this server's address");
    return Server::HandlerResponse::Handled;
  }
  if ((req.method == "POST" || req.method == "PUT") && !req.get_header_value("Content-Type").starts_with("application/json")) {
    send_error(res, 415, "a request body must be JSON, sent with Content-Type: application/json", "Content-Type");
    return Server::HandlerResponse::Handled;
  }
  return Server::HandlerResponse::Unhandled;
}

}  // namespace

void add_safety(State& state) {
  state.http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                  {"X-Content-Type-Options", "nosniff"},
                                  {"X-Frame-Options", "DENY"},
                                  {"Referrer-Policy", "no-referrer"}});
  state.http.set_payload_max_length(state.options.body_limit);
  state.http.set_pre_routing_handler([&state](const httplib::Request& req, httplib::Response& res) { return check(state, req, res); });
}

}  // namespace parley::server
