// Reading news pages: HTML (optionally gzip-compressed) or text scraped from
// a page, to a clean article with its title, main text, publication date and
// language.
//
//   dateline::Reader reader;                  // build once, share by threads
//   dateline::ReadHints hints;
//   hints.url = "https://example.org/2023/02/25/story";
//   dateline::Article a = reader.Read(bytes, hints);
//   if (!a.ok()) ... a.error ...
//
// Dates are TIMEX3 values ("2023-02-25", "2023-02-25T14:15"); a date that is
// not fully known to the day is never completed from the wall clock: it is
// left out instead.
#ifndef DATELINE_READER_H_
#define DATELINE_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// What the caller knows about the input besides its bytes. Every field is
// optional.
struct ReadHints {
  std::string url;           // the page's address; its path may hold a date
  std::string path;          // the local file name; may also hold a date
  std::string content_type;  // "text/html", "text/plain", may carry "; charset=..."
  // Cap on the decompressed size of gzip input; larger input is an error.
  size_t max_bytes = size_t{64} << 20;
};

// Every string of an article is valid UTF-8, whatever the page's bytes (and
// the URL hint's: invalid sequences become U+FFFD).
struct Article {
  std::string title;
  // Main text: paragraphs separated by a blank line; headings and list items
  // on their own lines. Valid UTF-8.
  std::string text;
  // Publication date as a TIMEX3 value (day or minute precision), empty when
  // unknown; `date_evidence` says where it came from: "json-ld", "meta",
  // "time", "url", "path", "text".
  std::string published;
  std::string date_evidence;
  std::string modified;  // last modification, when the page states it
  std::string lang;      // ISO 639-1 code ("fr"), empty when unknown
  std::string url;       // the hint, else the canonical URL the page gives
  // A fatal problem: nothing else is filled ("corrupt gzip data at ...").
  std::string error;
  // Best-effort notes (charset fallback, truncated markup, ...).
  std::vector<std::string> warnings;

  bool ok() const { return error.empty(); }
};

// Reads pages. Immutable after construction: Read() may be called from many
// threads at once; each call uses its own scratch space.
class Reader {
 public:
  Reader();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Reads one page. `bytes` may be gzip data, HTML in any common charset or
  // plain text; the kind is taken from `hints.content_type`, else from the
  // file name, else sniffed from the bytes. Never throws on bad input: the
  // problem goes to `error` (nothing usable) or `warnings` (best effort).
  Article Read(std::string_view bytes, const ReadHints& hints) const;

  // Reads text already scraped from a page (no markup): drops scraper
  // artefacts, navigation, share and cookie lines, reader comments, and takes
  // the date the text states ("Publié le 25/02/2023 à 14:15").
  Article ReadText(std::string_view text, const ReadHints& hints) const;

  // Reads HTML that is already UTF-8 (or converted by the caller).
  Article ReadHtml(std::string_view html, const ReadHints& hints) const;
};

}  // namespace dateline

#endif  // DATELINE_READER_H_
