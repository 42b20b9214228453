// Parsing of the rule files (rules/<lang>/*.rules); see docs/rules.md for
// the format. Parsing only checks the shape of each block; patterns are
// compiled by RuleSet, which reports errors with the same file:line.
#ifndef DATELINE_TAGGER_RULE_FILE_H_
#define DATELINE_TAGGER_RULE_FILE_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

// Where a block or line came from, for error messages: "fr/dates.rules:12".
struct SourceLocation {
  std::string file;
  int line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

struct LexiconEntry {
  std::vector<std::string> spellings;  // folded
  std::string value;
  SourceLocation where;
};

struct Lexicon {
  std::string name;
  std::vector<LexiconEntry> entries;
  SourceLocation where;
};

struct Define {
  std::string name;
  std::string pattern;
  SourceLocation where;
};

struct RuleField {
  std::string key;
  std::string value;
  SourceLocation where;
};

struct RuleSpec {
  std::string name;
  std::string match;
  std::vector<RuleField> fields;
  SourceLocation where;
};

// Everything one language's rule files declare.
struct LanguageSpec {
  std::string language;
  std::vector<Lexicon> lexicons;
  std::vector<Define> defines;  // `define` and `cue` lines (cues are named "cue:NAME")
  std::vector<RuleSpec> rules;
};

// Parses one file's text into `spec`, appending. Throws RuleError naming
// `file` and the line on malformed input.
void ParseRuleFile(std::string_view file, std::string_view text, LanguageSpec& spec);

}  // namespace dateline

#endif  // DATELINE_TAGGER_RULE_FILE_H_
