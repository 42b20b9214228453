// The Reader: input sniffing (gzip, binary, HTML or text), charset
// conversion, then the HTML or scraped-text path, language last.
#include "dateline/reader.h"

#include <string>
#include <vector>

#include "read/date_parse.h"
#include "read/encoding.h"
#include "read/html_body.h"
#include "read/html_dom.h"
#include "read/html_meta.h"
#include "read/language.h"
#include "read/scraped_text.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/io.h"

namespace dateline {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Offset of the first byte that makes `bytes` look binary (NUL or a run of
// control characters), or npos. UTF-16 text has NULs: callers check the BOM
// first.
size_t FindBinary(std::string_view bytes) {
  size_t controls = 0;
  size_t n = std::min<size_t>(bytes.size(), 65536);
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return i;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
      if (++controls > 8 && controls * 50 > i + 1) return i;
    }
  }
  return std::string_view::npos;
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 4096));
  for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>",
                             "<p ", "<title", "<article", "<script", "<br"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

enum class Kind { kHtml, kText };

Kind InputKind(std::string_view bytes, const ReadHints& hints) {
  std::string type = AsciiLower(hints.content_type);
  if (type.find("html") != std::string::npos || type.find("xml") != std::string::npos) {
    return Kind::kHtml;
  }
  if (type.find("text/plain") != std::string::npos) return Kind::kText;
  std::string path = AsciiLower(hints.path);
  if (EndsWith(path, ".gz")) path.resize(path.size() - 3);
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) {
    return Kind::kHtml;
  }
  if (EndsWith(path, ".txt")) return Kind::kText;
  return LooksLikeHtml(bytes) ? Kind::kHtml : Kind::kText;
}

std::string Where(const ReadHints& hints) {
  return hints.path.empty() ? std::string("input") : hints.path;
}

void FillPathDates(Article& a, const ReadHints& hints) {
  if (!a.published.empty()) return;
  if (std::string d = read::DateFromPath(hints.url); !d.empty()) {
    a.published = d, a.date_evidence = "url";
  } else if (std::string p = read::DateFromPath(hints.path); !p.empty()) {
    a.published = p, a.date_evidence = "path";
  }
}

void FillLanguage(Article& a, std::string_view declared) {
  a.lang = read::DetectLanguage(a.title + "\n" + a.text);
  if (a.lang.empty()) a.lang = std::string(declared);
}

}  // namespace

Reader::Reader() = default;
Reader::~Reader() = default;

Article Reader::Read(std::string_view bytes, const ReadHints& hints) const {
  Article a;
  std::string inflated;
  if (IsGzip(bytes)) {
    std::string error;
    if (!Gunzip(bytes, hints.max_bytes, inflated, error)) {
      a.error = Where(hints) + ": " + error;
      return a;
    }
    bytes = inflated;
  } else if (bytes.size() > hints.max_bytes) {
    a.error = Where(hints) + ": input of " + std::to_string(bytes.size()) +
              " bytes exceeds the limit of " + std::to_string(hints.max_bytes) + " bytes";
    return a;
  }
  std::string how;
  std::string charset = read::DetectCharset(bytes, hints.content_type, &how);
  if (charset.rfind("UTF-16", 0) != 0) {
    if (size_t bad = FindBinary(bytes); bad != std::string_view::npos) {
      a.error = Where(hints) + ": binary data at byte " + std::to_string(bad) + ", not a page";
      return a;
    }
  }
  std::string utf8, warning;
  read::ConvertToUtf8(bytes, charset, utf8, warning);
  Article out =
      InputKind(utf8, hints) == Kind::kHtml ? ReadHtml(utf8, hints) : ReadText(utf8, hints);
  if (!warning.empty()) out.warnings.insert(out.warnings.begin(), Where(hints) + ": " + warning);
  return out;
}

Article Reader::ReadHtml(std::string_view html, const ReadHints& hints) const {
  Article a;
  std::string clean;
  if (FindInvalidUtf8(html) != std::string_view::npos) {
    clean = SanitizeUtf8(html);
    html = clean;
    a.warnings.push_back(Where(hints) + ": invalid UTF-8 replaced by U+FFFD");
  }
  read::Dom dom = read::ParseHtml(html);
  if (!dom.warning.empty()) a.warnings.push_back(Where(hints) + ": " + dom.warning);
  // One pruning pass serves the dates (a <time> in furniture dates
  // something else) and the main text.
  const std::vector<bool> pruned = read::PruneMask(dom);
  read::PageMeta meta = read::ExtractMeta(dom, pruned, hints.url);
  a.title = meta.title;
  a.text = read::ExtractMainText(dom, pruned, meta.title);
  a.published = meta.published;
  a.date_evidence = meta.evidence;
  a.modified = meta.modified;
  a.url = hints.url.empty() ? meta.url : SanitizeUtf8(hints.url);
  FillPathDates(a, hints);
  FillLanguage(a, meta.lang);
  if (a.text.empty()) a.warnings.push_back(Where(hints) + ": no main text found");
  return a;
}

Article Reader::ReadText(std::string_view text, const ReadHints& hints) const {
  Article a;
  std::string clean;
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    clean = SanitizeUtf8(text);
    text = clean;
    a.warnings.push_back(Where(hints) + ": invalid UTF-8 replaced by U+FFFD");
  }
  read::ScrapedArticle s = read::CleanScrapedText(text);
  a.title = s.title;
  a.text = s.text;
  a.published = s.published;
  if (!a.published.empty()) a.date_evidence = "text";
  a.modified = s.modified;
  a.url = SanitizeUtf8(hints.url);
  FillPathDates(a, hints);
  FillLanguage(a, "");
  if (a.text.empty()) a.warnings.push_back(Where(hints) + ": no main text found");
  return a;
}

}  // namespace dateline
