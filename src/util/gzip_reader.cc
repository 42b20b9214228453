#include "util/gzip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace dateline {
namespace {

constexpr size_t kReadChunk = size_t{1} << 16;
constexpr std::string_view kMemberMagic("\x1f\x8b\x08", 3);  // gzip, deflate

}  // namespace

struct GzipReader::State {
  enum Phase { kBetween, kInMember, kResync, kDone };

  Source source;
  z_stream zs{};
  bool zs_ready = false;
  // Compressed bytes: raw[0] is at offset raw_offset of the input; pos is
  // the next byte to look at.
  std::string raw;
  uint64_t raw_offset = 0;
  size_t pos = 0;
  bool eof = false;
  uint64_t read_total = 0;
  Phase phase = kBetween;
  uint64_t member_start = 0;  // of the member being read (kInMember)
  uint64_t scan_from = 0;     // where to look for the next member (kResync)
  bool member_end_pending = false;
  std::array<char, kReadChunk> out;
  // Where the source writes; left uninitialised, as `out` is.
  std::unique_ptr<char[]> chunk{new char[kReadChunk]};
  Piece piece;

  uint64_t Offset(size_t index) const { return raw_offset + index; }

  // The first index of `raw` that must be kept.
  size_t KeepFrom() const {
    uint64_t keep = Offset(pos);
    if (phase == kInMember)
      keep = std::max(member_start,
                      Offset(pos) > kMaxRetainedBytes ? Offset(pos) - kMaxRetainedBytes : 0);
    if (phase == kResync) keep = std::min(keep, scan_from);
    return static_cast<size_t>(std::max(keep, raw_offset) - raw_offset);
  }

  // Reads more input after what `raw` holds; false at the end of input.
  bool Refill() {
    if (eof) return false;
    const size_t keep = KeepFrom();
    // Dropping the kept prefix only when it is at least half of the buffer
    // keeps the copying linear in the input.
    if (keep > 0 && keep >= raw.size() / 2) {
      raw.erase(0, keep);
      raw_offset += keep;
      pos -= keep;
    }
    const size_t n = source(chunk.get(), kReadChunk);
    raw.append(chunk.get(), n);
    read_total += n;
    if (n == 0) eof = true;
    return n > 0;
  }

  // Makes `want` bytes available from `pos` when the input has them.
  bool Have(size_t want) {
    while (raw.size() - pos < want) {
      if (!Refill()) return false;
    }
    return true;
  }

  const Piece& Emit(Piece::Kind kind) {
    piece.kind = kind;
    piece.data = {};
    if (kind != Piece::kDamaged) piece.problem.clear();
    return piece;
  }

  const Piece& Damaged(uint64_t at, const std::string& reason, uint64_t resume_from) {
    piece.member_offset = member_start;
    piece.problem = "byte " + std::to_string(at) + ": " + reason;
    phase = kResync;
    scan_from = resume_from;
    return Emit(Piece::kDamaged);
  }

  const Piece& Next();
  bool StepBetween();
  bool StepResync();
  const Piece* StepMember();
};

// `new State` rather than make_unique: the buffers need no zeroing.
GzipReader::GzipReader(Source source) : state_(new State) {
  state_->source = std::move(source);
  // 16 + MAX_WBITS: gzip framing, checked CRC and length.
  state_->zs_ready = inflateInit2(&state_->zs, 16 + MAX_WBITS) == Z_OK;
}

GzipReader::~GzipReader() {
  if (state_->zs_ready) inflateEnd(&state_->zs);
}

uint64_t GzipReader::bytes_read() const { return state_->read_total; }

const GzipReader::Piece& GzipReader::Next() { return state_->Next(); }

// Skips padding; starts a member when one is next. Returns false when the
// input is over; sets the phase to kResync for bytes that are no member.
bool GzipReader::State::StepBetween() {
  while (true) {
    if (pos >= raw.size() && !Refill()) return false;
    const size_t zeros = raw.find_first_not_of('\0', pos);
    if (zeros == std::string::npos) {
      pos = raw.size();
      continue;
    }
    pos = zeros;
    break;
  }
  Have(2);
  if (raw.compare(pos, 2, kMemberMagic.substr(0, 2)) == 0) {
    member_start = Offset(pos);
    inflateReset(&zs);
    phase = kInMember;
  } else {
    phase = kResync;
    scan_from = Offset(pos);
  }
  return true;
}

// Looks for the next member header from `scan_from`. Returns false when the
// input ends first.
bool GzipReader::State::StepResync() {
  while (true) {
    const size_t from = static_cast<size_t>(std::max(scan_from, raw_offset) - raw_offset);
    const size_t found = std::string_view(raw).find(kMemberMagic, from);
    if (found != std::string_view::npos) {
      pos = found;
      phase = kBetween;
      return true;
    }
    // A header may straddle the end of the buffer: look again from there.
    const size_t next =
        raw.size() >= kMemberMagic.size() - 1 ? raw.size() - (kMemberMagic.size() - 1) : 0;
    scan_from = std::max(scan_from, Offset(next));
    pos = raw.size();
    if (!Refill()) return false;
  }
}

// Decompresses the next bytes of the current member. Returns the piece to
// give, or nullptr to go on.
const GzipReader::Piece* GzipReader::State::StepMember() {
  if (pos >= raw.size() && !Refill()) {
    phase = kDone;
    piece.member_offset = member_start;
    piece.problem = "byte " + std::to_string(Offset(pos)) + ": gzip member at byte " +
                    std::to_string(member_start) + " is cut short";
    return &Emit(Piece::kDamaged);
  }
  zs.next_in = reinterpret_cast<Bytef*>(raw.data() + pos);
  zs.avail_in = static_cast<uInt>(std::min<size_t>(raw.size() - pos, UINT32_MAX));
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const uInt avail_before = zs.avail_in;
  const int rc = inflate(&zs, Z_NO_FLUSH);
  pos += avail_before - zs.avail_in;
  const size_t produced = out.size() - zs.avail_out;
  if (rc == Z_STREAM_END) {
    phase = kBetween;
    member_end_pending = true;
  } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
    // The next member may start anywhere after this one's first byte.
    const std::string reason = zs.msg != nullptr ? zs.msg : "corrupt data";
    return &Damaged(
        Offset(pos),
        "damaged gzip member at byte " + std::to_string(member_start) + " (" + reason + ")",
        member_start + 1);
  }
  if (produced == 0) return nullptr;
  piece.member_offset = member_start;
  Emit(Piece::kData);
  piece.data = std::string_view(out.data(), produced);
  return &piece;
}

const GzipReader::Piece& GzipReader::State::Next() {
  if (!zs_ready && phase != kDone) {
    phase = kDone;
    piece.problem = "byte 0: cannot initialise zlib";
    return Emit(Piece::kDamaged);
  }
  while (true) {
    if (member_end_pending) {
      member_end_pending = false;
      piece.member_offset = member_start;
      return Emit(Piece::kMemberEnd);
    }
    switch (phase) {
      case kDone:
        return Emit(Piece::kEnd);
      case kBetween:
        if (!StepBetween()) {
          phase = kDone;
        } else if (phase == kResync) {
          piece.member_offset = scan_from;
          piece.problem = "byte " + std::to_string(scan_from) + ": not a gzip member";
          scan_from += 1;
          return Emit(Piece::kDamaged);
        }
        break;
      case kResync:
        if (!StepResync()) phase = kDone;
        break;
      case kInMember:
        if (const Piece* p = StepMember()) return *p;
        break;
    }
  }
}

GzipReader::Source MemorySource(std::string_view bytes) {
  return [bytes](char* buffer, size_t size) mutable {
    const size_t n = std::min(size, bytes.size());
    std::memcpy(buffer, bytes.data(), n);
    bytes.remove_prefix(n);
    return n;
  };
}

}  // namespace dateline
