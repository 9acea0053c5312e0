// HttpError: an answer of the API other than 200 that is no InputError (403, 404, 405, 409, 415),
// thrown by the request readers (request.hpp, paths.hpp) and the routes, and answered by answer()
// (api.hpp) with the error document of docs/web.md.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace parley::server {

/// Its status, message and the request field it concerns (may be empty).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, std::string field = {})
      : std::runtime_error(message), status_(status), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }

 private:
  int status_;
  std::string field_;
};

}  // namespace parley::server
