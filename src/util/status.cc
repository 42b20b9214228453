#include "dateline/status.h"

namespace dateline {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kInvalidInput:
      return "invalid input";
    case StatusCode::kTooLarge:
      return "too large";
    case StatusCode::kUnsupported:
      return "unsupported";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kIoError:
      return "I/O error";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

int ExitStatusFor(const Status& status) {
  if (status.ok()) return 0;
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kInvalidInput:
      return 422;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnsupported:
      return 415;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kIoError:
      return 503;
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace dateline
