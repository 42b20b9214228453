// A small rule-based sentence splitter for French and English news text.
//
// A sentence ends at '.', '!', '?' or '…' (optionally followed by closing
// quotes or brackets) when whitespace and an upper-case letter, digit or
// opening quote follow, unless the word before the period is a known
// abbreviation ("M.", "Mme.", "Dr.", "janv.", "etc.": the language pack's)
// or a single initial.
// Line breaks that separate paragraphs (a blank line, or a line break after a
// line without final punctuation, as in titles) always end a sentence.
#ifndef DATELINE_PIPELINE_SENTENCES_H_
#define DATELINE_PIPELINE_SENTENCES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/document.h"
#include "dateline/tagger.h"

namespace dateline {

struct SentenceSpan {
  size_t begin = 0;  // UTF-8 byte offsets, trimmed of surrounding spaces
  size_t end = 0;
};

// Words written with a period that does not end a sentence: lower case,
// without the period (a language pack's abbreviations).
using Abbreviations = std::unordered_set<std::string>;

// Splits `text` into sentences. Spans are sorted, never overlap and are never
// empty.
std::vector<SentenceSpan> SplitSentences(std::string_view text, const Abbreviations& abbreviations);

// The sentences of a tagged text, dated: `text[body_begin, end)` is split
// into sentences and, when `body_begin` >= 2, `text[0, body_begin - 2)` is
// the title, a sentence of its own (marked in_title). Each is dated by its
// first day-level expression among `expressions` (sorted spans into
// `text`), else weakly by `weak_day` when there is one.
std::vector<Sentence> DatedSentences(std::string_view text, size_t body_begin,
                                     const std::vector<TimeExpression>& expressions,
                                     const std::optional<CivilDate>& weak_day,
                                     const Abbreviations& abbreviations);

}  // namespace dateline

#endif  // DATELINE_PIPELINE_SENTENCES_H_
