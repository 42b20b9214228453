// The language folders compiled into the binary (rules/*/*.rules and
// rules/*/pack.txt; see cmake/EmbedRules.cmake).
#ifndef DATELINE_LANG_EMBEDDED_FILES_H_
#define DATELINE_LANG_EMBEDDED_FILES_H_

#include <string_view>
#include <vector>

namespace dateline {

struct EmbeddedFile {
  std::string_view path;  // relative to rules/, e.g. "fr/dates.rules", "fr/pack.txt"
  std::string_view text;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

}  // namespace dateline

#endif  // DATELINE_LANG_EMBEDDED_FILES_H_
