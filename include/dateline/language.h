// Language packs: everything dateline knows of a language, as data, in one
// folder per language (rules/<code>/): the tagger's rule files
// (`*.rules`), and `pack.txt` with what the other stages need (stop words
// and the stemmer of the timeline's similarity, abbreviations for the
// sentence splitter, month names and date labels for the page reader,
// scraper debris lines). Adding a language is adding a folder and its
// tests; docs/languages.md describes the format.
//
//   const dateline::LanguageRegistry& languages = dateline::LanguageRegistry::BuiltIn();
//   dateline::StatusOr<const dateline::LanguagePack*> fr = languages.Find("fr");
//
// A registry is immutable once built and may be shared by any number of
// threads. An unknown language is an error (kInvalidArgument naming the
// known ones), never a silent default; the neutral pack ("und") is there for
// text whose language is not known, and knows no words.
#ifndef DATELINE_LANGUAGE_H_
#define DATELINE_LANGUAGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline {

// A line of scraped text that is page furniture or ends the article.
struct DebrisPattern {
  enum class Effect {
    kDrop,  // leave the line out
    kEnd,   // the article is over: this line and all after it go
  };
  Effect effect = Effect::kDrop;
  std::string pattern;  // RE2, matched case-insensitively against the whole trimmed line
};

struct MonthName {
  std::string name;  // lower case, as pages print it ("févr", "märz")
  int month = 0;     // 1..12
};

class LanguagePack {
 public:
  // ISO 639-1 code ("fr"), or "und" for the neutral pack.
  const std::string& code() const { return code_; }
  const std::string& name() const { return name_; }  // "French"
  // Snowball algorithm name for libstemmer ("french"); empty when none.
  const std::string& stemmer() const { return stemmer_; }
  // True when rules/<code>/ holds tagger rules: only such languages can be
  // tagged.
  bool has_tagger_rules() const { return !rule_files_.empty(); }

  // `word` lower case, accents kept, as text/words.h makes words.
  bool IsStopWord(std::string_view word) const { return stopwords_.count(std::string(word)) > 0; }
  // `word` lower case, without its period.
  bool IsAbbreviation(std::string_view word) const {
    return abbreviations_.count(std::string(word)) > 0;
  }
  const std::unordered_set<std::string>& stopwords() const { return stopwords_; }
  const std::unordered_set<std::string>& abbreviations() const { return abbreviations_; }
  const std::vector<MonthName>& month_names() const { return month_names_; }
  // Words before a date on a page that label it published or modified.
  const std::vector<std::string>& published_labels() const { return published_labels_; }
  const std::vector<std::string>& modified_labels() const { return modified_labels_; }
  // Words after a date that label it, where the verb comes last
  // ("... am 3. Dezember 2011 veröffentlicht").
  const std::vector<std::string>& published_labels_after() const { return published_after_; }
  const std::vector<std::string>& modified_labels_after() const { return modified_after_; }
  const std::vector<DebrisPattern>& debris() const { return debris_; }
  // 16 hex digits that change whenever any file of the pack changes (FNV-1a
  // over paths and texts): what a store records to know what tagged an
  // article.
  const std::string& fingerprint() const { return fingerprint_; }
  // The tagger's rule files: (path relative to the rules root, text).
  const std::vector<std::pair<std::string, std::string>>& rule_files() const { return rule_files_; }

 private:
  friend class LanguageRegistry;
  friend struct PackParser;
  std::string code_, name_, stemmer_, fingerprint_;
  std::unordered_set<std::string> stopwords_, abbreviations_;
  std::vector<MonthName> month_names_;
  std::vector<std::string> published_labels_, modified_labels_, published_after_, modified_after_;
  std::vector<DebrisPattern> debris_;
  std::vector<std::pair<std::string, std::string>> rule_files_;
};

class LanguageRegistry {
 public:
  // The packs compiled into the binary (rules/ at build time). Built on
  // first use; a built-in pack that does not parse is a build defect,
  // caught by the tests, and aborts with its message.
  static const LanguageRegistry& BuiltIn();
  static std::shared_ptr<const LanguageRegistry> BuiltInShared();

  // Loads the packs of a folder laid out as rules/ (one sub-folder per
  // language, `*.rules` and `pack.txt`), for rule work. Errors name the file
  // and line.
  static StatusOr<std::shared_ptr<const LanguageRegistry>> FromDirectory(const std::string& dir);

  // Builds a registry from (path relative to the root, text) pairs, as the
  // two above do.
  static StatusOr<std::shared_ptr<const LanguageRegistry>> FromFiles(
      const std::vector<std::pair<std::string, std::string>>& files);

  // The pack of `code` (exact, lower case), or kInvalidArgument naming the
  // known codes. "und" is the neutral pack.
  StatusOr<const LanguagePack*> Find(std::string_view code) const;
  // Like Find, but also requires tagger rules ("no tagger rules for 'de'").
  StatusOr<const LanguagePack*> FindTaggable(std::string_view code) const;
  const LanguagePack& Neutral() const { return neutral_; }

  // Every pack, by code (the neutral pack excluded).
  const std::vector<LanguagePack>& packs() const { return packs_; }
  // Codes of the packs with tagger rules, sorted ("en", "fr").
  std::vector<std::string> TaggableCodes() const;

 private:
  LanguageRegistry() = default;
  std::vector<LanguagePack> packs_;  // sorted by code
  LanguagePack neutral_;
};

}  // namespace dateline

#endif  // DATELINE_LANGUAGE_H_
