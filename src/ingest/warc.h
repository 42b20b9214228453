// A small reader for WARC files (ISO 28500): the records of an uncompressed
// WARC file, with the HTTP responses they hold. Compressed `.warc.gz` files
// (one gzip member per record) are decompressed first by the caller.
#ifndef DATELINE_INGEST_WARC_H_
#define DATELINE_INGEST_WARC_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace dateline {

struct WarcRecord {
  size_t offset = 0;         // byte offset of the record in the (decompressed) file
  std::string type;          // WARC-Type: "response", "request", "warcinfo", ...
  std::string target_uri;    // WARC-Target-URI
  std::string content_type;  // of the block ("application/http; msgtype=response")
  std::string_view block;    // the record's content
};

// Calls `fn` for each record in order. Returns false and sets `error`
// ("byte N: reason") at the first malformed record; records before it have
// been delivered.
bool ForEachWarcRecord(std::string_view data, const std::function<void(const WarcRecord&)>& fn,
                       std::string& error);

struct HttpResponse {
  int status = 0;
  std::string content_type;  // the Content-Type header, may be empty
  std::string body;          // de-chunked and gunzipped when the headers say so
};

// Parses an HTTP/1.x response as stored in a WARC response record. Returns
// false and sets `error` when it is not one.
bool ParseHttpResponse(std::string_view block, HttpResponse& out, std::string& error);

}  // namespace dateline

#endif  // DATELINE_INGEST_WARC_H_
