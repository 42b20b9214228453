// What the page reader knows of languages, gathered from every language
// pack of a registry: a page's language is known only once its text is
// extracted, so dates, labels and debris of any language are recognised.
// Built once per Reader; immutable, shared by its threads.
#ifndef DATELINE_READ_LEXICON_H_
#define DATELINE_READ_LEXICON_H_

#include <re2/re2.h>

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

  struct Debris {
    std::unique_ptr<RE2> pattern;  // case-insensitive, whole line
    DebrisPattern::Effect effect;
  };
  // In registry order, each pack's in file order: the first match decides.
  const std::vector<Debris>& debris() const { return debris_; }
  // Function words of every language: prose has many of them, navigation
  // and tag lines few.
  bool IsFunctionWord(std::string_view lower_word) const {
    return function_words_.count(std::string(lower_word)) > 0;
  }

 private:
  std::unordered_map<std::string, int> months_;
  std::vector<std::string> month_names_;
  std::vector<std::string> published_, modified_, published_after_, modified_after_;
  std::unique_ptr<RE2> text_dates_;
  std::vector<Debris> debris_;
  std::unordered_set<std::string> function_words_;
};

}  // namespace dateline::read

#endif  // DATELINE_READ_LEXICON_H_
