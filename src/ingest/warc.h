// A small reader for WARC files (ISO 28500): the records of a WARC file,
// plain or gzip-compressed, read as a stream, with the HTTP responses they
// hold.
#ifndef DATELINE_INGEST_WARC_H_
#define DATELINE_INGEST_WARC_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

namespace dateline {

struct WarcRecord {
  // Byte offset of the record in the file; in a gzip file, of the gzip
  // member it starts in (where a reader can seek to it, as CDX indexes say).
  size_t offset = 0;
  std::string type;          // WARC-Type: "response", "request", "warcinfo", ...
  std::string target_uri;    // WARC-Target-URI
  std::string content_type;  // of the block ("application/http; msgtype=response")
  std::string_view block;    // the record's content; valid during the callback only
};

struct WarcReadOptions {
  // A record whose content is larger is skipped, and reported, without
  // being held in memory: the reader's own limit on a page.
  size_t max_record_bytes = size_t{64} << 20;
};

using WarcRecordFn = std::function<void(const WarcRecord&)>;
// Receives "byte N: reason", N an offset in the file as in WarcRecord.
using WarcProblemFn = std::function<void(const std::string&)>;

// Reads the WARC records of `in`, plain or gzip (any number of members: one
// per record, as Common Crawl writes them, or one for the whole file), as a
// stream that holds one record at a time, and calls `on_record` for each
// complete and well-formed record, in order. Damage is reported to
// `on_problem` and skipped, so that one bad byte costs one record: reading
// resumes at the next gzip member after a damaged member, and at the next
// line that starts "WARC/" after a malformed record header or a record whose
// Content-Length does not end where a record (or the input) does. A record
// cut short by the end of the input is reported.
void ReadWarcStream(std::istream& in, const WarcRecordFn& on_record,
                    const WarcProblemFn& on_problem, const WarcReadOptions& options = {});

// The same over the file at `path`; a file that cannot be opened is one
// problem.
void ReadWarcFile(const std::string& path, const WarcRecordFn& on_record,
                  const WarcProblemFn& on_problem, const WarcReadOptions& options = {});

// Calls `fn` for each good record of `data` (a plain or gzip WARC file in
// memory), in order, as ReadWarcStream does. Returns false and sets `error`
// to the first problem when there was one.
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
