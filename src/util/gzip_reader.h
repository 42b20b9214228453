// Streaming gzip decompression that gives offsets in the compressed file
// and recovers from damage: for inputs too large to hold whole (a `.warc.gz`
// of many gigabytes, standard input) or too valuable to lose whole for one
// bad byte (a `.warc.gz` of one gzip member per record, as Common Crawl
// writes them).
#ifndef DATELINE_UTIL_GZIP_READER_H_
#define DATELINE_UTIL_GZIP_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace dateline {

// Reads a sequence of gzip members (RFC 1952) from a source of compressed
// bytes and yields their decompressed bytes piece by piece:
//
//   GzipReader gz(source);
//   while (true) {
//     const GzipReader::Piece& p = gz.Next();
//     if (p.kind == GzipReader::Piece::kEnd) break;
//     ...
//   }
//
// Damage does not end the stream. A member that cannot be decompressed (a
// bad header, corrupt data, a wrong CRC or length) is reported once, as
// kDamaged, and reading resumes at the next gzip member header found after
// the damaged member's first byte; bytes that are not a gzip member are
// reported the same way and skipped. A member cut short by the end of the
// input is reported, then the stream ends. Zero bytes between or after
// members are padding, not damage.
//
// Memory: a 64 KiB output buffer and the compressed bytes of the member
// being read, up to kMaxRetainedBytes. Not thread-safe.
class GzipReader {
 public:
  // Copies up to `size` bytes of compressed input into `buffer` and returns
  // how many; 0 means the end of the input.
  using Source = std::function<size_t(char* buffer, size_t size)>;

  struct Piece {
    enum Kind {
      kData,       // `data`: the next decompressed bytes
      kMemberEnd,  // the member at `member_offset` ended; its CRC and length are right
      // `problem` says where and why. The member's bytes given so far may be
      // wrong or partial; the next piece comes from a later member.
      kDamaged,
      kEnd,  // the input is over
    };
    Kind kind = kEnd;
    std::string_view data;  // kData only; valid until the next call to Next()
    // Offset in the compressed input of the gzip member the piece belongs to.
    uint64_t member_offset = 0;
    // kDamaged only: "byte N: reason", N an offset in the compressed input.
    std::string problem;
  };

  // After damage the next member is looked for from the damaged member's
  // start, so the compressed bytes of the member being read are kept, up to
  // this size; a larger member (a whole file in one member) is searched from
  // where the damage was found instead. Common Crawl's members are a record
  // each, well under it.
  static constexpr size_t kMaxRetainedBytes = size_t{16} << 20;

  explicit GzipReader(Source source);
  ~GzipReader();
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  // The next piece of the stream; after kEnd, kEnd again.
  const Piece& Next();

  // Compressed bytes read from the source so far.
  uint64_t bytes_read() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A Source over bytes in memory.
GzipReader::Source MemorySource(std::string_view bytes);

}  // namespace dateline

#endif  // DATELINE_UTIL_GZIP_READER_H_
