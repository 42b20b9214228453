// The temporal tagger: finds temporal expressions in text and gives each its
// TimeML TIMEX3 type and value.
//
//   auto tagger = dateline::Tagger::Create();          // built-in rules
//   dateline::TagOptions options;
//   options.language = "fr";
//   options.dct = dateline::ParseDct("2023-02-25");
//   for (const auto& e : tagger->Tag(text, options)) { ... }
//
// A Tagger is immutable once built and may be shared by any number of
// threads; Tag() allocates its own scratch space.
#ifndef DATELINE_TAGGER_H_
#define DATELINE_TAGGER_H_

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/timex.h"

namespace dateline {

// The document creation time: a day, optionally with a time of day.
struct Dct {
  CivilDate date;
  int hour = -1;  // -1 when only the day is known
  int minute = 0;
  int second = 0;
};
// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a space
// may replace the T). Returns nullopt for anything else or an invalid date.
std::optional<Dct> ParseDct(std::string_view text);

enum class AnchorMode {
  kNews,        // relative expressions anchor on the DCT
  kNarratives,  // they anchor on the dates the text itself gives
};

struct TagOptions {
  // "fr", "en", or "auto" to detect the language from the text.
  std::string language = "auto";
  std::optional<Dct> dct;
  AnchorMode mode = AnchorMode::kNews;
};

struct TimeExpression {
  size_t begin = 0;  // UTF-8 byte offsets into the tagged text
  size_t end = 0;
  TimexType type = TimexType::kDate;
  std::string value;  // always a valid TIMEX3 value
  std::string mod;    // empty when absent
  std::string quant;  // "EVERY", "EACH" or empty
  std::string freq;   // e.g. "1W", or empty
  // The rule that produced it, for diagnostics; points into the Tagger and
  // stays valid while the Tagger lives.
  std::string_view rule;
};

// Thrown when rule files do not compile; what() names the file and line.
class RuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Tagger {
 public:
  // Builds a tagger from the rules compiled into the binary.
  static std::unique_ptr<Tagger> Create();
  // Builds a tagger from a rules directory holding one sub-directory per
  // language (`fr/`, `en/`). Throws RuleError.
  static std::unique_ptr<Tagger> CreateFromDirectory(const std::string& dir);

  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Tags `text` (UTF-8; invalid sequences are treated as opaque bytes and
  // never matched). Expressions are sorted by position and never overlap.
  // Throws std::invalid_argument for a language that has no rules.
  std::vector<TimeExpression> Tag(std::string_view text, const TagOptions& options) const;

  // The languages this tagger has rules for, e.g. {"en", "fr"}.
  std::vector<std::string> Languages() const;

  // Guesses "fr" or "en" from function words; returns the first language
  // when the text gives no evidence.
  std::string DetectLanguage(std::string_view text) const;

  struct Impl;

 private:
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_H_
