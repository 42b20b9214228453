// The one error type of dateline's public API, in the manner of LevelDB's
// and SentencePiece's Status: a fallible call returns a Status, or a
// StatusOr<T> holding either its value or the reason it failed. No public
// call throws on bad input or a failing store; exceptions would leak through
// C callbacks and thread pools, and make a batch's per-record failures look
// unlike the whole call's.
//
//   dateline::StatusOr<dateline::AnnotatedDocument> doc = pipeline->Annotate(bytes, hints);
//   if (!doc.ok()) { std::cerr << doc.status().ToString() << "\n"; return; }
//   use(*doc);
//
// The code says whose fault it is and what a shell should answer: every
// shell maps it with the functions at the end of this file (exit status,
// HTTP status), and the Python module to one exception class per code.
#ifndef DATELINE_STATUS_H_
#define DATELINE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dateline {

enum class StatusCode {
  kOk = 0,
  // The caller asked for something that cannot be: an unknown language, a
  // malformed DCT, an unknown format name, an invalid option value.
  kInvalidArgument,
  // The input cannot be processed: invalid UTF-8 where text is required,
  // corrupt gzip data, binary data where a page was expected, a malformed
  // record. Messages name the input and the byte offset.
  kInvalidInput,
  // The input exceeds a size limit; the message gives the limit.
  kTooLarge,
  // The input is of a kind dateline does not read (an image, a PDF).
  kUnsupported,
  // A named file, article or job does not exist.
  kNotFound,
  // The file system or the store failed (cannot open, disk full, locked for
  // too long).
  kIoError,
  // Stored data is damaged (a store whose tables do not decode).
  kCorruption,
  // A broken invariant inside dateline: a bug to report.
  kInternal,
};

// "ok", "invalid argument", "invalid input", ...
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // What went wrong, naming the input and position where there is one
  // ("page.html: invalid UTF-8 at byte 120"); empty when ok.
  const std::string& message() const { return message_; }
  // The message, or "ok".
  std::string ToString() const { return ok() ? "ok" : message_; }

  friend bool operator==(const Status&, const Status&) = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. Accessing the value of a
// failed StatusOr is a bug (asserted in debug builds).
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit, as in absl
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "StatusOr built from an ok Status without a value");
    if (status_.ok()) status_ = Status::Internal("StatusOr built from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

// The exit status of the `dateline` command for a failure: 2 for a usage
// error (kInvalidArgument), 1 for anything else; 0 when ok.
int ExitStatusFor(const Status& status);

// The HTTP status of a failure: 400 invalid argument, 422 invalid input,
// 413 too large, 415 unsupported, 404 not found, 503 I/O (a busy or
// unavailable store), 500 corruption and internal; 200 when ok.
int HttpStatusFor(const Status& status);

}  // namespace dateline

#endif  // DATELINE_STATUS_H_
