// Escaping of text for HTML and XML output (TimeML, the timeline page).
#ifndef DATELINE_TEXT_ESCAPE_H_
#define DATELINE_TEXT_ESCAPE_H_

#include <string>
#include <string_view>

namespace dateline {

// Replaces & < > " by their entities; safe in element content and in
// double-quoted attribute values.
std::string EscapeMarkup(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_TEXT_ESCAPE_H_
