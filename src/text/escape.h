// Escaping of text for HTML and XML output (TimeML, the timeline page) and
// for Markdown.
#ifndef DATELINE_TEXT_ESCAPE_H_
#define DATELINE_TEXT_ESCAPE_H_

#include <string>
#include <string_view>

namespace dateline {

// Replaces & < > " by their entities; safe in element content and in
// double-quoted attribute values.
std::string EscapeMarkup(std::string_view text);

// Backslash-escapes the characters that let text become a link, an image,
// inline HTML, code or emphasis in Markdown ( \ ` * _ [ ] < > ), so that
// the text of a page shows as written.
std::string EscapeMarkdown(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_TEXT_ESCAPE_H_
