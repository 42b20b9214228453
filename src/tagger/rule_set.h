// One language's compiled rules: the candidate scanner, the rule selector and
// each rule's own pattern and field templates (stage 1 of normalisation).
//
// Scanning works on folded text (text/fold.h): one combined RE2 of all rule
// patterns, leftmost-longest, finds candidate spans; an RE2::Set anchored on
// the span says which rules match it exactly; the best of them (priority,
// then file order) extracts its captures with its own pattern and fills a
// Partial from its field templates.
#ifndef DATELINE_TAGGER_RULE_SET_H_
#define DATELINE_TAGGER_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/partial.h"
#include "tagger/rule_file.h"
#include "tagger/template.h"
#include "tagger/trace.h"
#include "text/fold.h"

namespace dateline {

// How a rule field sets a Partial from its evaluated template.
struct FieldSpec {
  std::string_view key;
  void (*set)(Partial& partial, const std::string& value);
};

struct CompiledRule {
  std::string name;
  SourceLocation where;
  std::unique_ptr<RE2> pattern;  // capturing; matched anchored on a span
  // Context that must surround the span without joining it: `before` is
  // "(?:PAT)\s*$" over the text just before, `after` "\s*(?:PAT)" anchored
  // just after. Their captures are usable in templates too.
  std::unique_ptr<RE2> before;
  std::unique_ptr<RE2> after;
  // Capture name -> lexicon it was expanded from ("" for a define).
  std::vector<std::pair<std::string, std::string>> capture_sources;
  std::vector<std::pair<const FieldSpec*, Template>> fields;
  bool negative = false;
  int priority = 0;
  // Set by `mode`: the rule takes part in scans of that anchoring mode only.
  std::optional<AnchorMode> only_mode;
  // Set by `written`: how the span's first character must be written in the
  // original text (patterns only see it folded to lower case): an ASCII
  // letter in that case; any other character matches neither.
  enum class Written { kAny, kLower, kCapital };
  Written written = Written::kAny;
};

class RuleSet {
 public:
  // Compiles `spec`; throws RuleError naming the file and line of the first
  // block that does not compile.
  explicit RuleSet(const LanguageSpec& spec);

  const std::string& language() const { return language_; }
  size_t rule_count() const { return rules_.size(); }
  // The name of rule `index` (file order), as in Partial::rule.
  std::string_view rule_name(size_t index) const { return rules_[index].name; }

  // Appends to `out` the partials found in `folded` (stage 1). `dct_year` is
  // 0 when unknown. `control` (diagnostics, see trace.h) may be null.
  // Rules restricted to the other anchoring mode than `mode` are passed
  // over.
  void Scan(const FoldedText& folded, int dct_year, AnchorMode mode, std::vector<Partial>& out,
            const ScanControl* control = nullptr) const;

  // Number of this language's detection words (lexicon `detect`) in `folded`.
  int CountDetectionWords(std::string_view folded) const;

 private:
  std::string ExpandMacros(std::string_view pattern, bool capturing, const SourceLocation& where,
                           std::vector<std::pair<std::string, std::string>>* captures,
                           int depth) const;
  std::string LexiconAlternation(const Lexicon& lexicon) const;
  using CaptureMap = std::unordered_map<std::string, std::string>;
  // Matches the rule and its context at [begin, end) of `folded`, filling
  // `captures` (normalised through lexicons); false when any part fails.
  // `lexicon_hits`, when not null, receives the lexicon spellings matched.
  bool Capture(const CompiledRule& rule, const FoldedText& folded, size_t begin, size_t end,
               CaptureMap& captures, std::vector<LexiconHit>* lexicon_hits) const;
  // The best rule that matches [begin, end) exactly with its context, or
  // null; rules `control` disables are passed over.
  const CompiledRule* ChooseRule(const FoldedText& folded, size_t begin, size_t end,
                                 AnchorMode mode, std::vector<int>& hits, CaptureMap& captures,
                                 const ScanControl* control,
                                 std::vector<LexiconHit>* lexicon_hits) const;
  bool CaptureGroups(const RE2& re, const CompiledRule& rule, std::string_view input,
                     RE2::Anchor anchor, CaptureMap& captures,
                     std::vector<LexiconHit>* lexicon_hits) const;
  Partial Normalize(const CompiledRule& rule, const CaptureMap& captures, int dct_year) const;
  std::unique_ptr<RE2> CompileContext(const RuleField& field, CompiledRule& rule) const;
  // Joins a premodifier word ("early", "more than") that ends just before
  // `begin` but not before `floor` to the span, and sets its mod.
  void ApplyPremodifier(const FoldedText& folded, size_t floor, size_t& begin,
                        Partial& partial) const;
  // The tense of the nearest cue around [begin, end); `cue`, when not null,
  // receives the cue's folded text.
  Tense FindTense(const FoldedText& folded, size_t begin, size_t end, std::string* cue) const;

  std::string language_;
  std::shared_ptr<const LanguageSpec> spec_;  // owns what the maps below point into
  std::unordered_map<std::string, const Lexicon*> lexicon_specs_;
  std::unordered_map<std::string, const Define*> define_specs_;
  std::unordered_map<std::string, LexiconMap> lexicons_;
  std::vector<CompiledRule> rules_;
  std::unique_ptr<RE2> scanner_;
  std::unique_ptr<RE2::Set> selector_;
  std::unique_ptr<RE2> premodifier_;  // "(alternatives)\s*$" of lexicon `premod`
  struct Cue {
    Tense tense;
    std::unique_ptr<RE2> pattern;
    // Group `(?P<unaccented>...)`, or 0: what it matches must have been
    // written without marks ("a" the verb, not "à" the preposition).
    int unaccented_group = 0;
  };
  std::vector<Cue> cues_;
  std::unique_ptr<RE2> not_cues_;  // `cue none`: words no cue may match inside
  std::unique_ptr<RE2> detect_;
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_RULE_SET_H_
