#include "tagger/rule_file.h"

#include "dateline/tagger.h"
#include "tagger/rule_error.h"
#include "text/fold.h"

namespace dateline {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits "KEY REST" at the first run of blanks.
std::pair<std::string_view, std::string_view> SplitKey(std::string_view line) {
  const size_t sp = line.find_first_of(" \t");
  if (sp == std::string_view::npos) return {line, {}};
  return {line.substr(0, sp), Trim(line.substr(sp))};
}

[[noreturn]] void Fail(const SourceLocation& where, const std::string& message) {
  throw RuleError(where.ToString() + ": " + message);
}

bool IsName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return true;
}

// "janvier | janv. = 1" -> spellings {janvier, janv.}, value "1".
LexiconEntry ParseEntry(std::string_view line, const SourceLocation& where) {
  const size_t eq = line.rfind('=');
  if (eq == std::string_view::npos) Fail(where, "lexicon entry needs '= VALUE'");
  LexiconEntry entry;
  entry.where = where;
  entry.value = std::string(Trim(line.substr(eq + 1)));
  std::string_view spellings = line.substr(0, eq);
  while (!spellings.empty()) {
    const size_t bar = spellings.find('|');
    const std::string_view one = Trim(spellings.substr(0, bar));
    if (!one.empty()) entry.spellings.push_back(FoldString(one));
    if (bar == std::string_view::npos) break;
    spellings.remove_prefix(bar + 1);
  }
  if (entry.spellings.empty()) Fail(where, "lexicon entry has no spelling");
  return entry;
}

}  // namespace

void ParseRuleFile(std::string_view file, std::string_view text, LanguageSpec& spec) {
  enum class Block { kNone, kLexicon, kRule } block = Block::kNone;
  int line_number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_number;
    const SourceLocation where{std::string(file), line_number};
    const std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (indented) {
      if (block == Block::kLexicon) {
        spec.lexicons.back().entries.push_back(ParseEntry(line, where));
      } else if (block == Block::kRule) {
        auto [key, value] = SplitKey(line);
        RuleSpec& rule = spec.rules.back();
        if (key == "match") {
          if (!rule.match.empty()) Fail(where, "rule '" + rule.name + "' has two match lines");
          rule.match = std::string(value);
        } else {
          rule.fields.push_back({std::string(key), std::string(value), where});
        }
      } else {
        Fail(where, "indented line outside a lexicon or rule block");
      }
      continue;
    }
    auto [keyword, rest] = SplitKey(line);
    if (keyword == "lexicon") {
      if (!IsName(rest)) Fail(where, "bad lexicon name '" + std::string(rest) + "'");
      spec.lexicons.push_back({std::string(rest), {}, where});
      block = Block::kLexicon;
    } else if (keyword == "rule") {
      if (!IsName(rest)) Fail(where, "bad rule name '" + std::string(rest) + "'");
      spec.rules.push_back({std::string(rest), {}, {}, where});
      block = Block::kRule;
    } else if (keyword == "define" || keyword == "cue") {
      const size_t eq = rest.find('=');
      if (eq == std::string_view::npos)
        Fail(where, std::string(keyword) + " needs 'NAME = PATTERN'");
      const std::string name(Trim(rest.substr(0, eq)));
      if (!IsName(name)) Fail(where, "bad name '" + name + "'");
      const std::string pattern(Trim(rest.substr(eq + 1)));
      spec.defines.push_back({keyword == "cue" ? "cue:" + name : name, pattern, where});
      block = Block::kNone;
    } else {
      Fail(where, "unknown keyword '" + std::string(keyword) +
                      "' (expected lexicon, define, cue or rule)");
    }
  }
  for (const RuleSpec& rule : spec.rules) {
    if (rule.match.empty()) Fail(rule.where, "rule '" + rule.name + "' has no match line");
  }
}

}  // namespace dateline
