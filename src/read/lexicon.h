// What the page reader knows of languages, gathered from every language
// pack of a registry: a page's language is known only once its text is
// extracted, so dates, labels and debris of any language are recognised.
// Built once per Reader; immutable, shared by its threads.
#ifndef DATELINE_READ_LEXICON_H_
#define DATELINE_READ_LEXICON_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dateline/language.h"

namespace dateline::read {

class Lexicon {
 public:
  explicit Lexicon(const LanguageRegistry& languages);
  // The lexicon of the built-in packs (for callers and tests that have no
  // Reader at hand).
  static const Lexicon& BuiltIn();

  // The month of a lower-case month name ("févr" -> 2), 0 when none.
  int Month(std::string_view lower_name) const;
  // Every month name, longest first (for a regex alternation).
  const std::vector<std::string>& month_names() const { return month_names_; }
  const std::vector<std::string>& published_labels() const { return published_; }
  const std::vector<std::string>& modified_labels() const { return modified_; }
  // Words after a date that label it, in languages that put the verb last.
  const std::vector<std::string>& published_labels_after() const { return published_after_; }
  const std::vector<std::string>& modified_labels_after() const { return modified_after_; }
  // Textual dates with these month names (see date_parse.h).
  const RE2& text_dates() const { return *text_dates_; }

  // Whether a debris pattern of some pack matches the whole `line`, and the
  // effect of the first that does (registry order, each pack's in file
  // order). One pass of an RE2::Set over the line, whatever the number of
  // patterns.
  bool MatchDebris(std::string_view line, DebrisPattern::Effect& effect) const;
  // Function words of every language: prose has many of them, navigation
  // and tag lines few.
  bool IsFunctionWord(const std::string& lower_word) const {
    return function_words_.count(lower_word) > 0;
  }

 private:
  std::unordered_map<std::string, int> months_;
  std::vector<std::string> month_names_;
  std::vector<std::string> published_, modified_, published_after_, modified_after_;
  std::unique_ptr<RE2> text_dates_;
  std::unique_ptr<RE2::Set> debris_;  // case-insensitive, anchored at both ends
  std::vector<DebrisPattern::Effect> debris_effects_;
  std::unordered_set<std::string> function_words_;
};

}  // namespace dateline::read

#endif  // DATELINE_READ_LEXICON_H_
