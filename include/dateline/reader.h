// Reading news pages: HTML (optionally gzip-compressed) or text scraped from
// a page, to a clean article with its title, main text, publication date and
// language.
//
//   dateline::Reader reader;                  // build once, share by threads
//   dateline::ReadHints hints;
//   hints.url = "https://example.org/2023/02/25/story";
//   dateline::StatusOr<dateline::Article> a = reader.Read(bytes, hints);
//   if (!a.ok()) ... a.status().message() ...
//
// Dates are values of day or minute precision; a date that is not fully
// known to the day is never completed from the wall clock: it is left out
// instead. To tag what was read, use pipeline.h.
#ifndef DATELINE_READER_H_
#define DATELINE_READER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/language.h"
#include "dateline/status.h"

namespace dateline {
namespace read {
class Lexicon;
}  // namespace read

// What the caller knows about the input besides its bytes. Every field is
// optional.
struct ReadHints {
  std::string url;           // the page's address; its path may hold a date
  std::string path;          // the local file name; may also hold a date
  std::string content_type;  // "text/html", "text/plain", may carry "; charset=..."
  // Cap on the decompressed size of gzip input; larger input is an error.
  size_t max_bytes = size_t{64} << 20;
};

// Where a page's publication date came from, most trusted first.
enum class DateEvidence {
  kNone,
  kJsonLd,  // structured data (schema.org datePublished)
  kMeta,    // a meta tag (article:published_time, ...) or script data
  kTime,    // a <time> element
  kUrl,     // a date in the page's URL
  kPath,    // a date in the file's path
  kText,    // a date the visible text states ("Publié le 25/02/2023")
};
// "none", "json-ld", "meta", "time", "url", "path", "text".
std::string_view DateEvidenceName(DateEvidence evidence);

// Every string of an article is valid UTF-8, whatever the page's bytes (and
// the URL hint's: invalid sequences become U+FFFD).
struct Article {
  std::string title;
  // Main text: paragraphs separated by a blank line; headings and list items
  // on their own lines. Valid UTF-8.
  std::string text;
  std::optional<DayTime> published;  // day or minute precision
  DateEvidence date_evidence = DateEvidence::kNone;
  std::optional<DayTime> modified;  // last modification, when the page states it
  std::string lang;                 // ISO 639-1 code ("fr") the text is in, empty when unknown
  std::string url;                  // the hint, else the canonical URL the page gives
  // Best-effort notes (charset fallback, truncated markup, no main text).
  std::vector<std::string> warnings;
};

// Whether Reader::Read takes `bytes` (decompressed) for HTML rather than
// scraped text: by `hints.content_type`, else the file name's extension,
// else markup near the start of the bytes.
bool LooksLikeHtml(std::string_view bytes, const ReadHints& hints);

// Reads pages. Immutable after construction: Read() may be called from many
// threads at once; each call uses its own scratch space.
class Reader {
 public:
  // A reader that knows the month names, date labels and debris phrases of
  // the built-in language packs.
  Reader();
  explicit Reader(std::shared_ptr<const LanguageRegistry> languages);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Reads one page. `bytes` may be gzip data, HTML in any common charset or
  // plain text; the kind is taken from `hints.content_type`, else from the
  // file name, else sniffed from the bytes. Fails with kInvalidInput
  // (corrupt gzip data), kTooLarge (over `hints.max_bytes`) or kUnsupported
  // (binary data), naming the input and the byte offset; lesser problems
  // are warnings of the article.
  StatusOr<Article> Read(std::string_view bytes, const ReadHints& hints) const;

  // Reads text already scraped from a page (no markup): drops scraper
  // artefacts, navigation, share and cookie lines, reader comments, and takes
  // the date the text states ("Publié le 25/02/2023 à 14:15").
  Article ReadText(std::string_view text, const ReadHints& hints) const;

  // Reads HTML that is already UTF-8 (or converted by the caller).
  Article ReadHtml(std::string_view html, const ReadHints& hints) const;

 private:
  std::shared_ptr<const LanguageRegistry> languages_;
  std::shared_ptr<const read::Lexicon> lexicon_;  // built from languages_ once
};

}  // namespace dateline

#endif  // DATELINE_READER_H_
