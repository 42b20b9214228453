// Words: the one idea of a word that dateline's parts share (near-duplicate
// shingles, timeline similarity, the scorers' tokens).
//
// A word is a maximal run of word characters: letters, combining marks,
// numbers and the underscore, which is what Python's `\w+` matches on
// composed text (the metrics of EVALUATION.md are defined with it), with
// marks kept inside the word so that decomposed text ("e" + U+0301) is not
// cut in two.
#ifndef DATELINE_TEXT_WORDS_H_
#define DATELINE_TEXT_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

bool IsWordChar(char32_t cp);

enum class WordForm {
  kLower,   // lower case, accents kept ("Été" -> "été")
  kFolded,  // lower case, accents stripped, ligatures expanded ("Été" -> "ete"), as text/fold.h
};

// The words of `text` (UTF-8; invalid bytes separate words) in order.
std::vector<std::string> Words(std::string_view text, WordForm form);

}  // namespace dateline

#endif  // DATELINE_TEXT_WORDS_H_
