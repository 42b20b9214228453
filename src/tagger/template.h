// Field templates of the rule files: literal text with `{capture|fn|fn}`
// references that are replaced by the capture's normalised value, passed
// through the named functions (see docs/rules.md for the list).
#ifndef DATELINE_TAGGER_TEMPLATE_H_
#define DATELINE_TAGGER_TEMPLATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tagger/rule_file.h"

namespace dateline {

// Folded spelling -> value.
using LexiconMap = std::unordered_map<std::string, std::string>;

// What a template can see while it is evaluated.
struct TemplateContext {
  // Capture name -> normalised value ("" when the group did not take part).
  const std::unordered_map<std::string, std::string>* captures = nullptr;
  const std::unordered_map<std::string, LexiconMap>* lexicons = nullptr;
  int dct_year = 0;  // 0 when unknown
};

class Template {
 public:
  // Parses `text`; throws RuleError naming `where` on a malformed reference
  // or an unknown function.
  Template(std::string_view text, const SourceLocation& where);

  // Returns nullopt when a referenced capture is empty or a function fails
  // (the field is then left unset).
  std::optional<std::string> Evaluate(const TemplateContext& context) const;

  // Capture names referenced, for checking them against the pattern.
  std::vector<std::string> References() const;
  bool IsLiteral() const;

 private:
  struct Piece {
    std::string literal;
    std::string capture;  // empty for a literal piece
    std::vector<std::string> functions;
  };
  std::vector<Piece> pieces_;
};

// Composes a number from digits ("30,4" -> "30.4") or number words through
// the `numbers` lexicon ("vingt-trois" -> "23", "trois cents" -> "300").
std::optional<std::string> ParseNumber(std::string_view folded, const LexiconMap* numbers);

}  // namespace dateline

#endif  // DATELINE_TAGGER_TEMPLATE_H_
