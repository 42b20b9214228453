// The temporal tagger: finds temporal expressions in text and gives each its
// TimeML TIMEX3 type and value.
//
//   auto tagger = dateline::Tagger::Create();          // built-in rules
//   dateline::TagOptions options;
//   options.language = "fr";
//   options.dct = dateline::ParseDayTime("2023-02-25");
//   dateline::StatusOr<std::vector<dateline::TimeExpression>> found = tagger->Tag(text, options);
//   if (found.ok()) for (const auto& e : *found) { ... }
//
// The tagger sees text. To tag a page (HTML, scraped text) with its own
// publication date as the DCT, use pipeline.h, which reads it first.
//
// A Tagger is immutable once built and may be shared by any number of
// threads; Tag() allocates its own scratch space.
#ifndef DATELINE_TAGGER_H_
#define DATELINE_TAGGER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/language.h"
#include "dateline/status.h"
#include "dateline/timex.h"

namespace dateline {

enum class AnchorMode {
  kNews,        // relative expressions anchor on the DCT
  kNarratives,  // they anchor on the dates the text itself gives
};

struct TagOptions {
  // "fr", "en", or "auto" to detect the language from the text.
  std::string language = "auto";
  // The document creation time; relative expressions stay underspecified
  // without it ("hier" XXXX-XX-XX, "samedi" XXXX-WXX-6).
  std::optional<DayTime> dct;
  AnchorMode mode = AnchorMode::kNews;
};

struct TimeExpression {
  size_t begin = 0;  // UTF-8 byte offsets into the tagged text
  size_t end = 0;
  size_t cp_begin = 0;  // the same span in Unicode code points (each invalid
  size_t cp_end = 0;    // byte counting as one), as JSON and Python give it
  TimexType type = TimexType::kDate;
  std::string value;  // always a valid TIMEX3 value
  std::string mod;    // empty when absent
  std::string quant;  // "EVERY", "EACH" or empty
  std::string freq;   // e.g. "1W", or empty
  // The rule that produced it, for diagnostics; points into the Tagger and
  // stays valid while the Tagger lives.
  std::string_view rule;
};

class Tagger {
 public:
  // Builds a tagger from the rules compiled into the binary (which the tests
  // prove compile, so this cannot fail).
  static std::unique_ptr<Tagger> Create();
  // Builds a tagger from the rules of the packs in `languages` that have
  // any. A rule that does not compile is kInvalidArgument naming its file
  // and line.
  static StatusOr<std::unique_ptr<Tagger>> Create(const LanguageRegistry& languages);
  // Create() over LanguageRegistry::FromDirectory(dir): a folder laid out as
  // rules/, for rule work.
  static StatusOr<std::unique_ptr<Tagger>> CreateFromDirectory(const std::string& dir);

  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Tags `text` (UTF-8; invalid sequences are treated as opaque bytes and
  // never matched). Expressions are sorted by position and never overlap.
  // kInvalidArgument for a language without rules; with "auto", the
  // language GuessLanguage() gives, kInvalidArgument when it gives none.
  StatusOr<std::vector<TimeExpression>> Tag(std::string_view text, const TagOptions& options) const;

  // Receives the expressions of each chunk of about a megabyte of text, in
  // order, with the text they are spans into; it may move them away.
  using ExpressionSink =
      std::function<void(std::string_view text, std::vector<TimeExpression>& chunk)>;
  // The same, streamed: memory stays that of a chunk whatever the length of
  // `text`. Fails, before calling `sink`, as Tag() does.
  Status Tag(std::string_view text, const TagOptions& options, const ExpressionSink& sink) const;

  // The languages this tagger has rules for, e.g. {"en", "fr"}.
  std::vector<std::string> Languages() const;

  // Guesses the language of `text` from the function words each language's
  // rules list (lexicon `detect`): the language with most of them in the
  // first few kilobytes, "" when none has any.
  std::string GuessLanguage(std::string_view text) const;

  struct Impl;

 private:
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_H_
