// The compiled rules of every language a tagger knows, and the tagging loop
// over one language's rules (what Tagger::Tag does once the language is
// known). Shared by Tagger and by the rule report's tracer (rule_tracer.h),
// so that both tag exactly alike.
#ifndef DATELINE_TAGGER_LANGUAGE_RULES_H_
#define DATELINE_TAGGER_LANGUAGE_RULES_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/language.h"
#include "dateline/status.h"
#include "dateline/tagger.h"
#include "tagger/rule_set.h"
#include "tagger/trace.h"

namespace dateline {

// One RuleSet per pack of `languages` that has tagger rules. kInvalidArgument
// naming the file and line of the first fault, or when no pack has rules.
StatusOr<std::map<std::string, std::unique_ptr<RuleSet>>> CompileLanguages(
    const LanguageRegistry& languages);

// Receives the expressions of one chunk of the text, in text order; it may
// move them out.
using ChunkSink = std::function<void(std::vector<TimeExpression>& expressions)>;

// Scans and anchors `text` (at most 4 GiB) with `rules`, chunk by chunk,
// handing each chunk's expressions (byte and code point offsets set) to
// `sink`; chunks without expressions are not handed on. `control` may be
// null; when its `trace` is set, the trace's `partials` end up parallel to
// the expressions handed on (one per expression) and its `claims` hold the
// spans negative rules took.
void TagText(const RuleSet& rules, std::string_view text, const TagOptions& options,
             const ScanControl* control, const ChunkSink& sink);

}  // namespace dateline

#endif  // DATELINE_TAGGER_LANGUAGE_RULES_H_
