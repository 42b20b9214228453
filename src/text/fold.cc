#include "text/fold.h"

#include <utf8proc.h>

#include <array>
#include <mutex>

#include "text/utf8.h"

namespace dateline {
namespace {

// Code points below this bound fold through a table built once; the rest
// (rare in news text) fold to themselves.
constexpr char32_t kTableSize = 0x2100;

struct FoldTable {
  // Folded UTF-8 for each code point; empty means "the code point itself".
  std::array<std::string, kTableSize> folded;
};

std::string FoldCodePoint(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x00B4:
    case 0x0060:
    case 0x2032:
      return "'";
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return "-";
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x2007:
      return " ";
    case 0x0153:
    case 0x0152:
      return "oe";
    case 0x00E6:
    case 0x00C6:
      return "ae";
    case 0x00DF:
      return "ss";
    case 0x00B0:
      return "o";  // "1°" used for "1er" in some sources
  }
  utf8proc_uint8_t* mapped = nullptr;
  std::string cp_utf8;
  AppendUtf8(cp, cp_utf8);
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_COMPAT);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(cp_utf8.data()),
                   static_cast<utf8proc_ssize_t>(cp_utf8.size()), &mapped, options);
  std::string out;
  if (n > 0) out.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  free(mapped);
  if (out.empty()) out = " ";  // a mark alone, a control: keep a separator
  return out;
}

const FoldTable& Table() {
  static const FoldTable* table = [] {
    auto* t = new FoldTable;
    for (char32_t cp = 0x80; cp < kTableSize; ++cp) {
      std::string f = FoldCodePoint(cp);
      std::string self;
      AppendUtf8(cp, self);
      if (f != self) t->folded[cp] = std::move(f);
    }
    return t;
  }();
  return *table;
}

}  // namespace

void FoldText(std::string_view text, uint32_t base, FoldedText& out) {
  const FoldTable& table = Table();
  // Sized for the common case (folding never shrinks text, and ASCII keeps
  // its length), then trimmed; writing through pointers keeps the ASCII loop
  // free of capacity checks.
  out.text.resize(text.size());
  out.to_original.resize(text.size() + 1);
  size_t n = 0;
  size_t pos = 0;
  auto grow = [&](size_t extra) {
    if (n + extra > out.text.size()) {
      out.text.resize(out.text.size() * 2 + extra);
      out.to_original.resize(out.text.size() + 1);
    }
  };
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      grow(1);
      out.text[n] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      out.to_original[n++] = base + static_cast<uint32_t>(pos++);
      continue;
    }
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(text, pos);
    const bool invalid = cp == 0xFFFD && pos == start + 1;
    std::string_view folded;
    if (invalid) {
      folded = "\x01";
    } else if (cp < kTableSize && !table.folded[cp].empty()) {
      folded = table.folded[cp];
    } else {
      folded = text.substr(start, pos - start);
    }
    grow(folded.size());
    for (char c : folded) {
      out.text[n] = c;
      out.to_original[n++] = base + static_cast<uint32_t>(start);
    }
  }
  out.text.resize(n);
  out.to_original.resize(n + 1);
  out.to_original[n] = base + static_cast<uint32_t>(text.size());
}

std::string FoldString(std::string_view text) {
  FoldedText folded;
  FoldText(text, 0, folded);
  return std::move(folded.text);
}

void AppendFolded(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return;
  }
  const FoldTable& table = Table();
  if (cp < kTableSize && !table.folded[cp].empty()) {
    // Marks fold to a separator in FoldText (which must keep offsets); as
    // part of a word they are simply stripped.
    if (table.folded[cp] != " ") out += table.folded[cp];
    return;
  }
  AppendUtf8(cp, out);
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace dateline
