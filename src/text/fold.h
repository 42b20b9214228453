// Case and accent folding with a map back to the original text.
//
// The tagger's patterns are written against folded text: lower case, marks
// stripped ("Été" -> "ete"), ligatures expanded ("œ" -> "oe"), typographic
// apostrophes, dashes and spaces unified. Folding keeps RE2's ASCII-only \b
// meaningful for French and lets one pattern cover every spelling.
#ifndef DATELINE_TEXT_FOLD_H_
#define DATELINE_TEXT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct FoldedText {
  std::string text;
  // to_original[i] is the byte offset in the original text of the character
  // that produced folded byte i; to_original[text.size()] is the end.
  std::vector<uint32_t> to_original;
  // The original text the offsets point into (for a rule that asks how a
  // word was written); empty when the caller did not keep it.
  std::string_view original;
};

// Folds `text`. Offsets in the result are relative to `text` plus `base`.
// Invalid UTF-8 bytes fold to '\x01', which no pattern matches.
void FoldText(std::string_view text, uint32_t base, FoldedText& out);

// Folds a short string (a lexicon entry, a query) without the offset map.
std::string FoldString(std::string_view text);

// Appends the folded form of one code point to `out`; a combining mark
// folds to nothing.
void AppendFolded(char32_t cp, std::string& out);

// Lower-cases ASCII letters only; other bytes (UTF-8 included) are kept as
// they are. For markup names, attribute values and labels compared against
// ASCII or as-written lists, where full folding would be wasted work.
std::string AsciiLower(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_TEXT_FOLD_H_
