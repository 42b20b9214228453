#include "text/utf8.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace dateline {
namespace {

// Length of the sequence starting at text[pos] and its code point, or 0 when
// the sequence there is invalid.
size_t SequenceAt(std::string_view text, size_t pos, char32_t& cp) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > text.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Fast path over ASCII, eight bytes at a time, up to the first byte with
    // its high bit set (without it, the bytes before each accented letter
    // were checked one by one: a third of the time on French news).
    while (pos + 8 <= text.size()) {
      uint64_t chunk;
      std::copy_n(text.data() + pos, 8, reinterpret_cast<char*>(&chunk));
      const uint64_t high = chunk & 0x8080808080808080ULL;
      if (high != 0) {
        if constexpr (std::endian::native == std::endian::little) pos += std::countr_zero(high) / 8;
        break;
      }
      pos += 8;
    }
    if (pos >= text.size()) break;
    // ASCII left over from the 8-byte steps (the tail of a short string).
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    const size_t len = SequenceAt(text, pos, cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  char32_t cp;
  const size_t len = SequenceAt(text, pos, cp);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string SanitizeUtf8(std::string_view text) {
  if (FindInvalidUtf8(text) == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) AppendUtf8(DecodeUtf8(text, pos), out);
  return out;
}

size_t CodePointCounter::At(size_t byte_offset) {
  byte_offset = std::min(byte_offset, text_.size());
  while (byte_ < byte_offset) {
    // News text is mostly ASCII: eight ASCII bytes are eight code points.
    if (byte_ + 8 <= byte_offset) {
      uint64_t word;
      std::memcpy(&word, text_.data() + byte_, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        byte_ += 8;
        code_points_ += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text_[byte_]) < 0x80) {
      ++byte_;
    } else {
      DecodeUtf8(text_, byte_);
    }
    ++code_points_;
  }
  return code_points_;
}

}  // namespace dateline
