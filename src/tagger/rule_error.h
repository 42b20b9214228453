// The rule compiler's internal error: thrown from deep inside the parser and
// compiler, caught once in CompileLanguages (language_rules.h) and returned as a Status
// (kInvalidArgument), so it never crosses the public API.
#ifndef DATELINE_TAGGER_RULE_ERROR_H_
#define DATELINE_TAGGER_RULE_ERROR_H_

#include <stdexcept>

namespace dateline {

// what() names the file and line ("fr/dates.rules:12: ...").
class RuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_RULE_ERROR_H_
