#include "server/http.h"

#include <nlohmann/json.hpp>

#include "text/fold.h"

namespace dateline::server {

std::string ErrorCodeName(StatusCode code) {
  std::string name(StatusCodeName(code));
  for (char& c : name) {
    if (c == ' ') c = '_';
  }
  return name;
}

HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  HttpResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return r;
}

HttpResponse ErrorResponse(const Status& status) {
  return ErrorResponse(HttpStatusFor(status), ErrorCodeName(status.code()), status.message());
}

HttpResponse JsonResponse(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::string MediaType(std::string_view content_type) {
  const size_t semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  return AsciiLower(type);
}

}  // namespace dateline::server
