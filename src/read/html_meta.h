// Page metadata from the markup: title, publication and modification dates,
// canonical URL and declared language. Publication date sources in order of
// trust: JSON-LD, <meta> tags, microdata and labelled <time> elements, then
// date keys in inline script data, the canonical URL's path, unlabelled
// <time> elements in the content, dates written in the visible text near
// the title, and last the modification date. The date the page prints by
// its title, or otherwise shows, checks the metadata and can replace it
// (see page_dates.h and ChoosePublished in html_meta.cc).
#ifndef DATELINE_READ_HTML_META_H_
#define DATELINE_READ_HTML_META_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/html_dom.h"
#include "read/lexicon.h"

namespace dateline::read {

struct PageMeta {
  std::string title;
  std::string published;  // TIMEX3 or ""
  std::string evidence;   // "json-ld", "meta" (also script data), "time", "url", "text"
  std::string modified;   // TIMEX3 or ""
  std::string url;        // canonical or og:url
  std::string lang;       // <html lang>, lower-case primary subtag
};

// Reads the metadata with the built-in lexicon. Numeric dates in visible
// text are read day first. `url_hint` is the page's address when the caller
// knows it; a date in it ranks with the canonical URL's.
PageMeta ExtractMeta(const Dom& dom, std::string_view url_hint = {});
// The same with PruneMask(dom) (html_body.h) computed by the caller, who
// needs it for the main text too, and the Reader's lexicon.
PageMeta ExtractMeta(const Dom& dom, const std::vector<bool>& pruned, std::string_view url_hint,
                     const Lexicon& lexicon);

}  // namespace dateline::read

#endif  // DATELINE_READ_HTML_META_H_
