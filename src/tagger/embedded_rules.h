// The rule files compiled into the binary (see cmake/EmbedRules.cmake).
#ifndef DATELINE_TAGGER_EMBEDDED_RULES_H_
#define DATELINE_TAGGER_EMBEDDED_RULES_H_

#include <string_view>
#include <vector>

namespace dateline {

struct EmbeddedRuleFile {
  std::string_view path;  // relative to rules/, e.g. "fr/dates.rules"
  std::string_view text;
};

const std::vector<EmbeddedRuleFile>& EmbeddedRuleFiles();

}  // namespace dateline

#endif  // DATELINE_TAGGER_EMBEDDED_RULES_H_
