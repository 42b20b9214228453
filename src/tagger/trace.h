// Diagnostics of a scan, for the rule report (`dateline eval timeml
// --rule-stats`, docs/rules.md): which lexicon entries and which tense cue
// each expression relied on, and which spans negative rules claimed. Tagging
// fills none of this unless asked, and asking changes nothing that is tagged;
// only `ScanControl::disabled` does, by making the scanner act as if those
// rules were not in the files (to measure what each rule is worth).
#ifndef DATELINE_TAGGER_TRACE_H_
#define DATELINE_TAGGER_TRACE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/partial.h"

namespace dateline {

// A lexicon spelling a rule's match used ("mardi" of lexicon `weekday`).
struct LexiconHit {
  std::string lexicon;
  std::string spelling;  // folded, blanks collapsed
};

// What one expression relied on besides its rule.
struct PartialTrace {
  std::vector<LexiconHit> hits;
  std::string cue;  // folded text of the tense cue found around it; "" when none
  Tense cue_tense = Tense::kNone;
};

// A span a negative rule claimed (nothing emitted there).
struct ClaimTrace {
  size_t begin = 0;  // byte offsets in the original text
  size_t end = 0;
  std::string_view rule;  // owned by the RuleSet
};

// Filled by RuleSet::Scan: `partials` parallel to the partials it appends.
struct ScanTrace {
  std::vector<PartialTrace> partials;
  std::vector<ClaimTrace> claims;
};

struct ScanControl {
  // Indexed like the language's rules (file order); a true entry leaves that
  // rule out. Null: every rule takes part.
  const std::vector<bool>* disabled = nullptr;
  ScanTrace* trace = nullptr;  // null: no diagnostics
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_TRACE_H_
