// A small rule-based sentence splitter for French and English news text.
//
// A sentence ends at '.', '!', '?' or '…' (optionally followed by closing
// quotes or brackets) when whitespace and an upper-case letter, digit or
// opening quote follow, unless the word before the period is a known
// abbreviation ("M.", "Mme.", "Dr.", "janv.", "etc.") or a single initial.
// Line breaks that separate paragraphs (a blank line, or a line break after a
// line without final punctuation, as in titles) always end a sentence.
#ifndef DATELINE_CORPUS_SENTENCES_H_
#define DATELINE_CORPUS_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace dateline {

struct SentenceSpan {
  size_t begin = 0;  // UTF-8 byte offsets, trimmed of surrounding spaces
  size_t end = 0;
};

// Splits `text` into sentences. Spans are sorted, never overlap and are never
// empty. `language` ("fr", "en" or anything else for both) picks the
// abbreviation list.
std::vector<SentenceSpan> SplitSentences(std::string_view text, std::string_view language);

}  // namespace dateline

#endif  // DATELINE_CORPUS_SENTENCES_H_
