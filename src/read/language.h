// Language identification of extracted text (CLD2).
#ifndef DATELINE_READ_LANGUAGE_H_
#define DATELINE_READ_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dateline::read {

// Returns the ISO 639-1 code of the text's main language ("fr"), or "" when
// CLD2 cannot tell reliably. `text` must be valid UTF-8.
std::string DetectLanguage(std::string_view text);

}  // namespace dateline::read

#endif  // DATELINE_READ_LANGUAGE_H_
