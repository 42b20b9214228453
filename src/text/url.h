// Which URLs may become links in what dateline writes (the timeline page,
// Markdown, TimelineJS): a page's canonical link, a JSONL record's `url` or
// a WARC target URI comes from the input, and a `javascript:` address there
// would be a script in our page.
#ifndef DATELINE_TEXT_URL_H_
#define DATELINE_TEXT_URL_H_

#include <string_view>

namespace dateline {

// True when `url` may be the target of a link: an http or https address, or
// a reference relative to the page (no scheme: "/a", "a/b", "?q", "#f",
// "//host/a"). Every other scheme is refused (javascript:, data:, vbscript:,
// file:, ...), read the way browsers read it: case-insensitively, after
// leading spaces and control characters, with tabs and line breaks anywhere
// ignored, so that " JaVa\tScript:" is refused too. An empty URL is no link.
bool IsSafeLinkUrl(std::string_view url);

}  // namespace dateline

#endif  // DATELINE_TEXT_URL_H_
