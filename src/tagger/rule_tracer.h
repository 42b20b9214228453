// Tagging with diagnostics, for the rule report (`dateline eval timeml
// --rule-stats`, docs/rules.md): the same expressions as Tagger::Tag, each
// with the lexicon entries and the tense cue it relied on, plus the spans
// negative rules claimed; and tagging with some rules left out, to measure
// what each is worth. Not for production use: it is slower than Tag.
//
// A RuleTracer is immutable once built and may be shared by threads.
#ifndef DATELINE_TAGGER_RULE_TRACER_H_
#define DATELINE_TAGGER_RULE_TRACER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/trace.h"

namespace dateline {

class RuleSet;

class RuleTracer {
 public:
  // The rules compiled into the binary when `rules_dir` is empty, else those
  // of `rules_dir` (as Tagger::CreateFromDirectory). Throws RuleError.
  explicit RuleTracer(const std::string& rules_dir);
  ~RuleTracer();
  RuleTracer(const RuleTracer&) = delete;
  RuleTracer& operator=(const RuleTracer&) = delete;

  struct Result {
    std::vector<TimeExpression> expressions;  // as Tagger::Tag returns them
    ScanTrace trace;                          // trace.partials parallel to expressions
  };

  // Tags `text` with the rules of `options.language`, which must be one of
  // Languages() ("auto" is not accepted: throws std::invalid_argument).
  // `disabled`, indexed like RuleNames(language), leaves rules out; null
  // leaves none out.
  Result Trace(std::string_view text, const TagOptions& options,
               const std::vector<bool>* disabled = nullptr) const;

  std::vector<std::string> Languages() const;
  // The names of a language's rules in file order; empty for an unknown one.
  std::vector<std::string_view> RuleNames(const std::string& language) const;

 private:
  std::map<std::string, std::unique_ptr<RuleSet>> languages_;
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_RULE_TRACER_H_
