#include "read/encoding.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "text/utf8.h"

namespace dateline::read {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// Finds "charset=NAME" (case-insensitive) in `s` and returns NAME.
std::string CharsetParameter(std::string_view s) {
  std::string up = Upper(s);
  size_t pos = up.find("CHARSET");
  while (pos != std::string::npos) {
    size_t i = pos + 7;
    while (i < up.size() && (up[i] == ' ' || up[i] == '\t')) ++i;
    if (i < up.size() && up[i] == '=') {
      ++i;
      while (i < up.size() && (up[i] == ' ' || up[i] == '"' || up[i] == '\'')) ++i;
      size_t j = i;
      while (j < up.size() && (isalnum(static_cast<unsigned char>(up[j])) || up[j] == '-' ||
                               up[j] == '_' || up[j] == ':' || up[j] == '.')) {
        ++j;
      }
      if (j > i) return up.substr(i, j - i);
    }
    pos = up.find("CHARSET", pos + 7);
  }
  return "";
}

// The charset a <meta> tag in the first bytes declares. Only <meta> tags are
// considered so that "charset=" in a script does not count.
std::string MetaCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 16384));
  size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    std::string_view rest = head.substr(pos + 1);
    if (rest.size() >= 4 && Upper(rest.substr(0, 4)) == "META") {
      size_t close = rest.find('>');
      std::string name = CharsetParameter(rest.substr(0, close));
      if (!name.empty()) return name;
    }
    ++pos;
  }
  return "";
}

// Names HTML pages use that iconv spells differently, and Latin-1, which
// browsers read as windows-1252.
std::string Canonical(std::string name) {
  if (name == "UTF8") return "UTF-8";
  if (name == "ISO-8859-1" || name == "LATIN1" || name == "ISO8859-1" || name == "US-ASCII" ||
      name == "ASCII") {
    return "WINDOWS-1252";
  }
  if (name == "X-SJIS" || name == "SJIS") return "SHIFT_JIS";
  if (name == "GB2312") return "GBK";
  return name;
}

}  // namespace

std::string DetectCharset(std::string_view bytes, std::string_view content_type, std::string* how) {
  auto set_how = [&](const char* h) {
    if (how) *how = h;
  };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return set_how("bom"), "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return set_how("bom"), "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return set_how("bom"), "UTF-16BE";
  bool valid_utf8 = FindInvalidUtf8(bytes) == std::string_view::npos;
  if (valid_utf8 && !IsAscii(bytes)) return set_how("utf8"), "UTF-8";
  std::string declared = CharsetParameter(content_type);
  if (declared.empty()) declared = MetaCharset(bytes);
  declared = Canonical(declared);
  if (!declared.empty() && declared != "UTF-8") return set_how("declared"), declared;
  if (valid_utf8) return set_how(declared.empty() ? "utf8" : "declared"), "UTF-8";
  // Declared UTF-8 (or nothing) but not valid UTF-8: ask uchardet.
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(),
                                                                               uchardet_delete);
  uchardet_handle_data(det.get(), bytes.data(), std::min<size_t>(bytes.size(), 1 << 20));
  uchardet_data_end(det.get());
  std::string guess = Canonical(Upper(uchardet_get_charset(det.get())));
  set_how("detected");
  return guess.empty() ? "WINDOWS-1252" : guess;
}

void ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string& out,
                   std::string& warning) {
  out.clear();
  if (charset == "UTF-8") {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (FindInvalidUtf8(bytes) == std::string_view::npos) {
      out.assign(bytes);
    } else {
      out = SanitizeUtf8(bytes);
      warning = "invalid UTF-8 replaced by U+FFFD";
    }
    return;
  }
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    out = SanitizeUtf8(bytes);
    warning = "unknown charset " + charset + ", read as UTF-8";
    return;
  }
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  bool lossy = false;
  while (in_left > 0) {
    char* dst = out.data() + written;
    size_t dst_left = out.size() - written;
    size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
    written = out.size() - dst_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {  // EILSEQ or EINVAL: skip one byte, mark it
      lossy = true;
      ++in;
      --in_left;
      out.resize(std::max(out.size(), written + 8));
      out.replace(written, 3, "\xEF\xBF\xBD");
      written += 3;
    }
  }
  iconv_close(cd);
  out.resize(written);
  if (out.substr(0, 3) == "\xEF\xBB\xBF") out.erase(0, 3);
  if (lossy) warning = "bytes not valid in " + charset + " replaced by U+FFFD";
  if (FindInvalidUtf8(out) != std::string::npos) out = SanitizeUtf8(out);
}

}  // namespace dateline::read
