// The compiled rules of every language a tagger knows, and the tagging loop
// over one language's rules (what Tagger::Tag does once the language is
// known). Shared by Tagger and by the rule report's tracer (rule_tracer.h),
// so that both tag exactly alike.
#ifndef DATELINE_TAGGER_LANGUAGE_RULES_H_
#define DATELINE_TAGGER_LANGUAGE_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/rule_set.h"
#include "tagger/trace.h"

namespace dateline {

// (path relative to the rules directory, e.g. "fr/dates.rules"; text).
using RuleFileTexts = std::vector<std::pair<std::string, std::string>>;

// The rule files compiled into the binary.
RuleFileTexts EmbeddedRuleTexts();

// Every *.rules file under `dir`, sorted by path. Throws RuleError when `dir`
// or a file cannot be read.
RuleFileTexts ReadRuleDirectory(const std::string& dir);

// One RuleSet per language folder. Throws RuleError naming the file and line
// of the first fault, or when there are no rule files at all.
std::map<std::string, std::unique_ptr<RuleSet>> CompileLanguages(const RuleFileTexts& files);

// Scans and anchors `text` with `rules`, appending the expressions to `out`
// in text order. `control` may be null; when its `trace` is set, the trace's
// `partials` end up parallel to the expressions appended (one per
// expression) and its `claims` hold the spans negative rules took.
void TagText(const RuleSet& rules, std::string_view text, const TagOptions& options,
             const ScanControl* control, std::vector<TimeExpression>& out);

}  // namespace dateline

#endif  // DATELINE_TAGGER_LANGUAGE_RULES_H_
