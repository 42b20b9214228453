// What the server's handlers see of a request and give back: plain values,
// independent of the HTTP library, so handlers are tested without sockets.
#ifndef DATELINE_SERVER_HTTP_H_
#define DATELINE_SERVER_HTTP_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline::server {

struct HttpRequest {
  std::string method;                                     // "GET", "POST", ...
  std::string path;                                       // decoded, without the query
  std::map<std::string, std::string, std::less<>> query;  // decoded; last value wins
  std::string content_type;  // media type only, lower case ("application/json")
  std::string body;

  // The query parameter `name`, or `fallback`.
  std::string Param(std::string_view name, std::string fallback = "") const {
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body to stream from this file descriptor (the server closes it)
  // instead of `body`; `fd_size` bytes from offset 0.
  int fd = -1;
  size_t fd_size = 0;
};

// Server-side error codes beside those of StatusCode ("invalid_argument",
// ...): the refusals of the HTTP layer itself.
inline constexpr std::string_view kMethodNotAllowed = "method_not_allowed";
inline constexpr std::string_view kTooManyRequests = "too_many_requests";
inline constexpr std::string_view kUnavailable = "unavailable";
inline constexpr std::string_view kUnauthorized = "unauthorized";
inline constexpr std::string_view kUnsupportedMediaType = "unsupported_media_type";

// "invalid_argument", "too_large", ... for a Status code.
std::string ErrorCodeName(StatusCode code);

// {"error": {"code": code, "message": message}} with `status`.
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message);
// The same for a failed Status: HttpStatusFor() and its code's name.
HttpResponse ErrorResponse(const Status& status);

HttpResponse JsonResponse(std::string body, int status = 200);

// The media type of a Content-Type header value, lower case, without
// parameters ("text/html; charset=utf-8" -> "text/html").
std::string MediaType(std::string_view content_type);

}  // namespace dateline::server

#endif  // DATELINE_SERVER_HTTP_H_
