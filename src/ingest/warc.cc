#include "ingest/warc.h"

#include <algorithm>
#include <cstdlib>

#include "text/fold.h"
#include "util/io.h"

namespace dateline {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits header lines ("Name: value") up to the blank line that ends them.
// Returns the offset just past the blank line, or npos when it is missing.
template <typename Fn>
size_t ParseHeaders(std::string_view data, size_t pos, Fn&& on_header) {
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    std::string_view line = Trim(data.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) return pos;
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      on_header(AsciiLower(Trim(line.substr(0, colon))), Trim(line.substr(colon + 1)));
    }
  }
  return std::string_view::npos;
}

bool Dechunk(std::string_view in, std::string& out) {
  out.clear();
  size_t pos = 0;
  while (pos < in.size()) {
    const size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    const std::string size_text(Trim(in.substr(pos, nl - pos)));
    char* end = nullptr;
    const unsigned long long size = std::strtoull(size_text.c_str(), &end, 16);
    if (end == size_text.c_str()) return false;
    pos = nl + 1;
    if (size == 0) return true;
    if (size > in.size() - pos) return false;
    out.append(in.substr(pos, size));
    pos += size;
    while (pos < in.size() && (in[pos] == '\r' || in[pos] == '\n')) ++pos;
  }
  return true;
}

}  // namespace

bool ForEachWarcRecord(std::string_view data, const std::function<void(const WarcRecord&)>& fn,
                       std::string& error) {
  size_t pos = 0;
  while (true) {
    while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
    if (pos >= data.size()) return true;
    WarcRecord record;
    record.offset = pos;
    if (data.substr(pos, 5) != "WARC/") {
      error = "byte " + std::to_string(pos) + ": expected a WARC record header";
      return false;
    }
    long long length = -1;
    const size_t nl = data.find('\n', pos);
    const size_t body = ParseHeaders(data, nl == std::string_view::npos ? data.size() : nl + 1,
                                     [&](const std::string& name, std::string_view value) {
                                       if (name == "warc-type") record.type = std::string(value);
                                       if (name == "warc-target-uri")
                                         record.target_uri = std::string(value);
                                       if (name == "content-type")
                                         record.content_type = std::string(value);
                                       if (name == "content-length")
                                         length = std::atoll(std::string(value).c_str());
                                     });
    if (body == std::string_view::npos || length < 0) {
      error =
          "byte " + std::to_string(pos) + ": WARC record without Content-Length or end of headers";
      return false;
    }
    if (static_cast<unsigned long long>(length) > data.size() - body) {
      error = "byte " + std::to_string(pos) + ": truncated WARC record";
      return false;
    }
    record.block = data.substr(body, static_cast<size_t>(length));
    fn(record);
    pos = body + static_cast<size_t>(length);
  }
}

bool ParseHttpResponse(std::string_view block, HttpResponse& out, std::string& error) {
  if (block.substr(0, 5) != "HTTP/") {
    error = "not an HTTP response";
    return false;
  }
  const size_t sp = block.find(' ');
  out.status =
      sp == std::string_view::npos ? 0 : std::atoi(std::string(block.substr(sp + 1, 3)).c_str());
  const size_t nl = block.find('\n');
  bool chunked = false, gzipped = false;
  const size_t body =
      ParseHeaders(block, nl == std::string_view::npos ? block.size() : nl + 1,
                   [&](const std::string& name, std::string_view value) {
                     const std::string v = AsciiLower(value);
                     if (name == "content-type") out.content_type = std::string(value);
                     if (name == "transfer-encoding" && v.find("chunked") != std::string::npos)
                       chunked = true;
                     if (name == "content-encoding" && (v == "gzip" || v == "x-gzip"))
                       gzipped = true;
                   });
  if (body == std::string_view::npos) {
    error = "HTTP headers without end";
    return false;
  }
  std::string payload(block.substr(body));
  if (chunked) {
    std::string plain;
    if (!Dechunk(payload, plain)) {
      error = "bad chunked encoding";
      return false;
    }
    payload = std::move(plain);
  }
  if (gzipped || IsGzip(payload)) {
    std::string plain;
    if (!Gunzip(payload, size_t{64} << 20, plain, error)) return false;
    payload = std::move(plain);
  }
  out.body = std::move(payload);
  return true;
}

}  // namespace dateline
