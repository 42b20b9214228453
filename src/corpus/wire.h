// The byte format of what partitions and the driver of a distributed
// timeline send each other (corpus_partition.h, distributed_timeline.h):
// varints and length-prefixed strings, nothing else. Internal: the blobs are
// only read by the same build that wrote them.
#ifndef DATELINE_CORPUS_WIRE_H_
#define DATELINE_CORPUS_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include "dateline/calendar.h"
#include "dateline/corpus.h"
#include "dateline/timex.h"

namespace dateline::wire {

class Writer {
 public:
  void U64(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  // Zigzag, so that small negative numbers stay short.
  void I64(int64_t v) { U64((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; a truncated or malformed blob sets !ok() and
// reads zeros and empty strings from then on, so that callers check once.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t U64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return Fail();
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return Fail();
  }
  int64_t I64() {
    const uint64_t v = U64();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  // A count of entries to follow, each at least a byte long: a count
  // larger than the bytes left fails (so that a damaged blob cannot make
  // the reader allocate for billions of entries).
  uint64_t Count() {
    const uint64_t n = U64();
    if (n > in_.size()) return Fail();
    return n;
  }
  std::string Str() {
    const uint64_t n = U64();
    if (n > in_.size()) return Fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

 private:
  uint64_t Fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool ok_ = true;
};

// A sentence as partitions send it (CorpusSentence; the date as its
// TIMEX3 text, the publication day as "YYYY-MM-DD" or "").
inline void WriteSentence(Writer& w, const CorpusSentence& s) {
  w.I64(s.id);
  w.I64(s.article_id);
  w.I64(s.position);
  w.Str(s.text);
  w.Str(s.date.ToString());
  w.U64(s.weak_date ? 1 : 0);
  w.Str(s.article_published ? FormatCivilDate(*s.article_published) : std::string());
  w.Str(s.language);
}

// False for a malformed sentence (the reader fails, or a date that is no
// TIMEX3 value).
inline bool ReadSentence(Reader& r, CorpusSentence& s) {
  s.id = r.I64();
  s.article_id = r.I64();
  s.position = static_cast<int>(r.I64());
  s.text = r.Str();
  const std::optional<TimexValue> date = TimexValue::Parse(r.Str());
  s.weak_date = r.U64() != 0;
  s.article_published = ParseCivilDate(r.Str());
  s.language = r.Str();
  if (!r.ok() || !date) return false;
  s.date = *date;
  return true;
}

// What a timeline asks of the partitions: the sentences on a stored date,
// among the first `max_position` of their article (0: all), at most `limit`
// (0: all).
struct SentenceRequest {
  std::string date;
  int64_t max_position = 0;
  uint64_t limit = 0;
  bool operator<(const SentenceRequest& o) const {
    return std::tie(date, max_position, limit) < std::tie(o.date, o.max_position, o.limit);
  }
};

}  // namespace dateline::wire

#endif  // DATELINE_CORPUS_WIRE_H_
