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
#include "read/lexicon.h"
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

bool HasMarkup(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 4096));
  for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>",
                             "<p ", "<title", "<article", "<script", "<br"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

std::string Where(const ReadHints& hints) {
  return hints.path.empty() ? std::string("input") : hints.path;
}

DateEvidence EvidenceOf(std::string_view name) {
  if (name == "json-ld") return DateEvidence::kJsonLd;
  if (name == "meta") return DateEvidence::kMeta;
  if (name == "time") return DateEvidence::kTime;
  if (name == "url") return DateEvidence::kUrl;
  if (name == "text") return DateEvidence::kText;
  return DateEvidence::kNone;
}

// The reader's internals give validated TIMEX3 day or minute values; they
// become values here, at the reader's edge.
void SetPublished(Article& a, std::string_view value, DateEvidence evidence) {
  a.published = ParseDayTime(value);
  a.date_evidence = a.published ? evidence : DateEvidence::kNone;
}

void FillPathDates(Article& a, const ReadHints& hints) {
  if (a.published) return;
  if (std::string d = read::DateFromPath(hints.url); !d.empty()) {
    SetPublished(a, d, DateEvidence::kUrl);
  } else if (std::string p = read::DateFromPath(hints.path); !p.empty()) {
    SetPublished(a, p, DateEvidence::kPath);
  }
}

void FillLanguage(Article& a, std::string_view declared) {
  a.lang = read::DetectLanguage(a.title + "\n" + a.text);
  if (a.lang.empty()) a.lang = std::string(declared);
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes, const ReadHints& hints) {
  std::string type = AsciiLower(hints.content_type);
  if (type.find("html") != std::string::npos || type.find("xml") != std::string::npos) {
    return true;
  }
  if (type.find("text/plain") != std::string::npos) return false;
  std::string path = AsciiLower(hints.path);
  if (EndsWith(path, ".gz")) path.resize(path.size() - 3);
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) return true;
  if (EndsWith(path, ".txt")) return false;
  return HasMarkup(bytes);
}

std::string_view DateEvidenceName(DateEvidence evidence) {
  switch (evidence) {
    case DateEvidence::kNone:
      return "none";
    case DateEvidence::kJsonLd:
      return "json-ld";
    case DateEvidence::kMeta:
      return "meta";
    case DateEvidence::kTime:
      return "time";
    case DateEvidence::kUrl:
      return "url";
    case DateEvidence::kPath:
      return "path";
    case DateEvidence::kText:
      return "text";
  }
  return "none";
}

Reader::Reader() : Reader(LanguageRegistry::BuiltInShared()) {}

Reader::Reader(std::shared_ptr<const LanguageRegistry> languages)
    : languages_(std::move(languages)),
      lexicon_(languages_.get() == &LanguageRegistry::BuiltIn()
                   ? std::shared_ptr<const read::Lexicon>(std::shared_ptr<const read::Lexicon>(),
                                                          &read::Lexicon::BuiltIn())
                   : std::make_shared<const read::Lexicon>(*languages_)) {}

Reader::~Reader() = default;

StatusOr<Article> Reader::Read(std::string_view bytes, const ReadHints& hints) const {
  std::string inflated;
  if (IsGzip(bytes)) {
    std::string error;
    if (!Gunzip(bytes, hints.max_bytes, inflated, error)) {
      const bool too_large = error.find("exceeds") != std::string::npos;
      const std::string message = Where(hints) + ": " + error;
      return too_large ? Status::TooLarge(message) : Status::InvalidInput(message);
    }
    bytes = inflated;
  } else if (bytes.size() > hints.max_bytes) {
    return Status::TooLarge(Where(hints) + ": input of " + std::to_string(bytes.size()) +
                            " bytes exceeds the limit of " + std::to_string(hints.max_bytes) +
                            " bytes");
  }
  std::string how;
  std::string charset = read::DetectCharset(bytes, hints.content_type, &how);
  if (charset.rfind("UTF-16", 0) != 0) {
    if (size_t bad = FindBinary(bytes); bad != std::string_view::npos) {
      return Status::Unsupported(Where(hints) + ": binary data at byte " + std::to_string(bad) +
                                 ", not a page");
    }
  }
  std::string utf8, warning;
  read::ConvertToUtf8(bytes, charset, utf8, warning);
  Article out = LooksLikeHtml(utf8, hints) ? ReadHtml(utf8, hints) : ReadText(utf8, hints);
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
  read::PageMeta meta = read::ExtractMeta(dom, pruned, hints.url, *lexicon_);
  a.title = meta.title;
  a.text = read::ExtractMainText(dom, pruned, meta.title);
  SetPublished(a, meta.published, EvidenceOf(meta.evidence));
  a.modified = ParseDayTime(meta.modified);
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
  read::ScrapedArticle s = read::CleanScrapedText(text, *lexicon_);
  a.title = s.title;
  a.text = s.text;
  SetPublished(a, s.published, DateEvidence::kText);
  a.modified = ParseDayTime(s.modified);
  a.url = SanitizeUtf8(hints.url);
  FillPathDates(a, hints);
  FillLanguage(a, "");
  if (a.text.empty()) a.warnings.push_back(Where(hints) + ": no main text found");
  return a;
}

}  // namespace dateline
