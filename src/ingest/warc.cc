#include "ingest/warc.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "text/fold.h"
#include "util/gzip_reader.h"
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

// Splits a stream of (decompressed) WARC bytes into records, holding one
// record at a time; see ReadWarcStream for the policy on damage.
class RecordSplitter {
 public:
  RecordSplitter(const WarcRecordFn& on_record, const WarcProblemFn& on_problem,
                 size_t max_record_bytes)
      : on_record_(on_record), on_problem_(on_problem), max_record_bytes_(max_record_bytes) {}

  // Bytes that follow those given before. Plain input gives the file offset
  // of data[0]; gzip input the offset of the member the bytes come from.
  void Add(std::string_view data, uint64_t file_offset, bool plain) {
    Compact();
    if (segments_.empty() || (!plain && segments_.back().file_offset != file_offset)) {
      segments_.push_back({buf_pos_ + buf_.size(), file_offset, plain});
    }
    buf_.append(data);
    Split(false, false);
  }
  // The gzip member that gave the last bytes ended with its checks passed:
  // a record that ends with it is whole.
  void MemberEnd() { Split(true, false); }
  // The bytes since the last member end are damaged (`problem` says how):
  // what is held of them, a record begun, is dropped.
  void Drop(const std::string& problem) {
    on_problem_(problem);
    begin_ = buf_.size();
    resyncing_ = false;
  }
  void Finish() { Split(true, true); }

 private:
  // Records are looked for at begin_; before it, buf_ holds bytes already
  // used. buf_[0] is at position buf_pos_ of the decompressed stream.
  std::string_view Pending() const { return std::string_view(buf_).substr(begin_); }

  void Compact() {
    if (begin_ == 0 || begin_ < buf_.size() / 2) return;
    buf_.erase(0, begin_);
    buf_pos_ += begin_;
    begin_ = 0;
    while (segments_.size() > 1 && segments_[1].stream_start <= buf_pos_) {
      segments_.erase(segments_.begin());
    }
  }

  uint64_t FileOffset(size_t index) const {
    const uint64_t pos = buf_pos_ + index;
    const Segment* seg = &segments_.front();
    for (const Segment& s : segments_) {
      if (s.stream_start <= pos) seg = &s;
    }
    return seg->plain ? seg->file_offset + (pos - seg->stream_start) : seg->file_offset;
  }

  void Problem(size_t index, const std::string& reason) {
    on_problem_("byte " + std::to_string(FileOffset(index)) + ": " + reason);
  }

  // Skips to the next line that starts "WARC/", reporting nothing more.
  void Resync() {
    ++begin_;
    resyncing_ = true;
  }

  void Split(bool at_boundary, bool final);

  struct Segment {
    uint64_t stream_start;  // position in the decompressed stream
    uint64_t file_offset;
    bool plain;  // offsets grow with the stream (else: a gzip member's offset)
  };

  // A header block larger than this is no header: reading resumes further.
  static constexpr size_t kMaxHeaderBytes = size_t{1} << 20;

  const WarcRecordFn& on_record_;
  const WarcProblemFn& on_problem_;
  const size_t max_record_bytes_;
  std::string buf_;
  size_t begin_ = 0;
  uint64_t buf_pos_ = 0;
  std::vector<Segment> segments_;
  bool resyncing_ = false;
  // The record whose block is being checked for a next record's header
  // (its position in the stream), and how far into it the check has gone.
  uint64_t scanned_record_ = UINT64_MAX;
  size_t scanned_to_ = 0;
};

// Reads "Content-Length: N": digits only.
long long ParseLength(std::string_view value) {
  if (value.empty() || value.size() > 18) return -1;
  long long n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// Where the next record header starts in `s`, at or after `from`: "WARC/"
// at the start of a line, or followed by a version line ("WARC/1.0\r\n")
// when the line before was damaged. npos when there is none.
size_t FindRecordStart(std::string_view s, size_t from) {
  for (size_t i = s.find("WARC/", from); i != std::string_view::npos; i = s.find("WARC/", i + 1)) {
    if (i > 0 && s[i - 1] == '\n') return i;
    const std::string_view v = s.substr(i + 5, 5);
    if (v.size() == 5 && std::isdigit(static_cast<unsigned char>(v[0])) && v[1] == '.' &&
        std::isdigit(static_cast<unsigned char>(v[2])) && v.substr(3) == "\r\n") {
      return i;
    }
  }
  return std::string_view::npos;
}

// Bytes at the end of the input that may hold the start of a record header
// cut short: kept when looking for one.
constexpr size_t kRecordStartBytes = 10;

// `at_boundary`: the bytes held end where a gzip member ended (or the
// input); `final`: no more bytes will come.
void RecordSplitter::Split(bool at_boundary, bool final) {
  constexpr std::string_view kMagic = "WARC/";
  while (true) {
    std::string_view pending = Pending();
    if (resyncing_) {
      const size_t found = FindRecordStart(pending, 0);
      if (found == std::string_view::npos) {
        begin_ += final || pending.size() < kRecordStartBytes ? pending.size()
                                                              : pending.size() - kRecordStartBytes;
        return;
      }
      begin_ += found;
      resyncing_ = false;
      continue;
    }
    const size_t start = pending.find_first_not_of("\r\n");
    if (start == std::string_view::npos) {
      begin_ = buf_.size();
      return;
    }
    begin_ += start;
    pending.remove_prefix(start);
    if (pending.substr(0, kMagic.size()) != kMagic.substr(0, pending.size())) {
      Problem(begin_, "expected a WARC record header");
      Resync();
      continue;
    }
    WarcRecord record;
    record.offset = FileOffset(begin_);
    long long length = -1;
    const size_t nl = pending.find('\n');
    const size_t body =
        nl == std::string_view::npos
            ? std::string_view::npos
            : ParseHeaders(pending, nl + 1, [&](const std::string& name, std::string_view value) {
                if (name == "warc-type") record.type = std::string(value);
                if (name == "warc-target-uri") record.target_uri = std::string(value);
                if (name == "content-type") record.content_type = std::string(value);
                if (name == "content-length") length = ParseLength(value);
              });
    if (body == std::string_view::npos) {
      if (pending.size() > kMaxHeaderBytes) {
        Problem(begin_, "WARC record header without end");
        Resync();
        continue;
      }
      if (final) {
        Problem(begin_, "truncated WARC record");
        begin_ = buf_.size();
      }
      return;
    }
    if (length < 0) {
      Problem(begin_, "WARC record without a valid Content-Length");
      Resync();
      continue;
    }
    if (static_cast<unsigned long long>(length) > max_record_bytes_) {
      Problem(begin_, "WARC record of " + std::to_string(length) + " bytes exceeds the limit of " +
                          std::to_string(max_record_bytes_) + " bytes, skipped");
      Resync();
      continue;
    }
    // A damaged Content-Length is found two ways. Too long, the block holds
    // the next record's header (looked for as the block comes in, so that a
    // length past the end of the input costs no more). Too short, the block
    // is not followed by the CRLF CRLF that ends a record; a writer that
    // leaves those out is still read when the next record (or the end of
    // the input, or of a gzip member) follows.
    const size_t end = body + static_cast<size_t>(length);
    const uint64_t record_pos = buf_pos_ + begin_;
    if (scanned_record_ != record_pos) scanned_record_ = record_pos, scanned_to_ = body;
    const std::string_view block_so_far = pending.substr(0, std::min(end, pending.size()));
    if (FindRecordStart(block_so_far, scanned_to_) != std::string_view::npos) {
      Problem(begin_, "WARC record whose Content-Length runs into the next record");
      Resync();
      continue;
    }
    scanned_to_ = std::max(scanned_to_, block_so_far.size() > kRecordStartBytes
                                            ? block_so_far.size() - kRecordStartBytes
                                            : size_t{0});
    if (pending.size() < end) {
      if (final) {
        Problem(begin_, "truncated WARC record");
        begin_ = buf_.size();
      }
      return;
    }
    constexpr std::string_view kTrailer = "\r\n\r\n";
    const std::string_view trailer = pending.substr(end, kTrailer.size());
    if (trailer != kTrailer) {
      if (trailer == kTrailer.substr(0, trailer.size()) && !at_boundary) return;  // wait
      const size_t next = pending.find_first_not_of("\r\n", end);
      const std::string_view after =
          next == std::string_view::npos ? std::string_view() : pending.substr(next, kMagic.size());
      if (after != kMagic.substr(0, after.size())) {
        Problem(begin_, "WARC record whose Content-Length does not end at a record boundary");
        Resync();
        continue;
      }
      if (after.size() < kMagic.size() && !at_boundary) return;  // wait for what follows
    }
    record.block = pending.substr(body, static_cast<size_t>(length));
    on_record_(record);
    begin_ += end;
  }
}

constexpr size_t kReadChunk = size_t{1} << 16;

// Reads WARC records from the bytes `source` gives (see ReadWarcStream).
void ReadWarcSource(const GzipReader::Source& source, const WarcRecordFn& on_record,
                    const WarcProblemFn& on_problem, const WarcReadOptions& options) {
  RecordSplitter splitter(on_record, on_problem, options.max_record_bytes);
  std::string head(kReadChunk, '\0');
  head.resize(source(head.data(), head.size()));
  if (IsGzip(head)) {
    size_t head_pos = 0;
    GzipReader gz([&](char* buffer, size_t size) -> size_t {
      if (head_pos == head.size()) return source(buffer, size);
      const size_t n = std::min(size, head.size() - head_pos);
      std::memcpy(buffer, head.data() + head_pos, n);
      head_pos += n;
      return n;
    });
    while (true) {
      const GzipReader::Piece& piece = gz.Next();
      if (piece.kind == GzipReader::Piece::kEnd) break;
      switch (piece.kind) {
        case GzipReader::Piece::kData:
          splitter.Add(piece.data, piece.member_offset, false);
          break;
        case GzipReader::Piece::kMemberEnd:
          splitter.MemberEnd();
          break;
        case GzipReader::Piece::kDamaged:
          splitter.Drop(piece.problem);
          break;
        case GzipReader::Piece::kEnd:
          break;
      }
    }
  } else {
    uint64_t offset = 0;
    std::string chunk = std::move(head);
    while (!chunk.empty()) {
      splitter.Add(chunk, offset, true);
      offset += chunk.size();
      chunk.resize(kReadChunk);
      chunk.resize(source(chunk.data(), chunk.size()));
    }
  }
  splitter.Finish();
}

}  // namespace

void ReadWarcStream(std::istream& in, const WarcRecordFn& on_record,
                    const WarcProblemFn& on_problem, const WarcReadOptions& options) {
  uint64_t total = 0;
  ReadWarcSource(
      [&](char* buffer, size_t size) -> size_t {
        in.read(buffer, static_cast<std::streamsize>(size));
        total += static_cast<uint64_t>(in.gcount());
        return static_cast<size_t>(in.gcount());
      },
      on_record, on_problem, options);
  if (in.bad()) on_problem("byte " + std::to_string(total) + ": read error");
}

void ReadWarcFile(const std::string& path, const WarcRecordFn& on_record,
                  const WarcProblemFn& on_problem, const WarcReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_problem(std::strerror(errno));
    return;
  }
  ReadWarcStream(in, on_record, on_problem, options);
}

bool ForEachWarcRecord(std::string_view data, const std::function<void(const WarcRecord&)>& fn,
                       std::string& error) {
  error.clear();
  ReadWarcSource(MemorySource(data), fn,
                 [&](const std::string& problem) {
                   if (error.empty()) error = problem;
                 },
                 {});
  return error.empty();
}

bool ParseHttpResponse(std::string_view block, HttpResponse& out, std::string& error) {
  if (block.substr(0, 5) != "HTTP/") {
    error = "not an HTTP response";
    return false;
  }
  // "HTTP/1.1 200 OK": the status is the three digits after the first space.
  const size_t nl = block.find('\n');
  const std::string_view status_line = block.substr(0, nl);
  const size_t sp = status_line.find(' ');
  const std::string_view code =
      sp == std::string_view::npos ? std::string_view() : status_line.substr(sp + 1, 4);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (code.size() < 3 || code[0] < '1' || !digit(code[0]) || !digit(code[1]) || !digit(code[2]) ||
      (code.size() == 4 && code[3] != ' ' && code[3] != '\r')) {
    error = "bad HTTP status line";
    return false;
  }
  out.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
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
