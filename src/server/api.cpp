// Answers of the API (api.hpp).
#include "server/api.hpp"

#include <new>

#include "parley/error.hpp"
#include "parley/output.hpp"

namespace parley::server {

namespace {

/// The request's name for a field the library names as the command line does.
std::string request_field(const std::string& field, const std::string& file) {
  if (file == "scenario" || file == "A" || file == "B") return field.empty() ? "scenario" : "scenario." + field;
  if (field.starts_with("--option ")) return "options." + field.substr(9);
  if (field == "FILE") return "path";
  if (field.starts_with("--set")) return "set";
  if (field.starts_with("--")) return field.substr(2);
  return field;
}

}  // namespace

void send(httplib::Response& res, std::string text, const char* content_type, int status) {
  res.status = status;
  res.set_content(std::move(text), content_type);
}

void send_error(httplib::Response& res, int status, const std::string& message, const std::string& field) {
  nlohmann::ordered_json e;
  e["status"] = status;
  e["message"] = message;
  if (!field.empty()) e["field"] = field;
  send(res, nlohmann::ordered_json{{"error", e}}.dump() + "\n", "application/json; charset=utf-8", status);
}

void answer(httplib::Response& res, const std::function<void()>& handler) {
  try {
    handler();
  } catch (const InputError& e) {
    const std::string field = request_field(e.field(), e.where().file);
    const bool renamed = !e.field().empty() && field != e.field();
    const std::string text =
        renamed ? input_error_json(InputError(e.where(), field, e.problem(), e.expected()), 400) : input_error_json(e, 400);
    send(res, "{\"error\": " + text + "}\n", "application/json; charset=utf-8", 400);
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.what(), e.field());
  } catch (const ResourceError& e) {
    send_error(res, 503, e.what());
  } catch (const std::bad_alloc&) {
    send_error(res, 503, "error: not enough memory");
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("internal error: ") + e.what());
  } catch (...) {
    send_error(res, 500, "internal error: an exception that is not a std::exception");
  }
}

}  // namespace parley::server
