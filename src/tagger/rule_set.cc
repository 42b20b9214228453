#include "tagger/rule_set.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "dateline/tagger.h"
#include "tagger/rule_error.h"

namespace dateline {
namespace {

constexpr int kMaxMacroDepth = 8;
constexpr size_t kPremodWindow = 48;
// Bytes each way tense cues are looked for in; the search stops at the
// sentence's end first in nearly all sentences (100 and 240 give the same
// dev figures on both halves).
constexpr size_t kCueWindow = 160;
constexpr size_t kContextWindow = 64;

RE2::Options PatternOptions(bool longest) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);  // folded text is matched byte-wise
  options.set_longest_match(longest);
  options.set_max_mem(int64_t{256} << 20);
  options.set_log_errors(false);
  return options;
}

// Collapses runs of blanks so captured text matches lexicon spellings.
std::string CollapseBlanks(std::string_view s) {
  std::string out;
  bool blank = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::optional<int> ToInt(std::string_view s) {
  int v = 0;
  const char* first = s.data();
  if (!s.empty() && s[0] == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

template <int Partial::*field>
void SetInt(Partial& p, const std::string& v) {
  if (auto n = ToInt(v)) p.*field = *n;
}

template <std::string Partial::*field>
void SetString(Partial& p, const std::string& v) {
  p.*field = v;
}

void SetType(Partial& p, const std::string& v) {
  if (auto t = ParseTimexType(v)) p.type = *t, p.type_given = true;
}

void SetShift(Partial& p, const std::string& v) {
  const size_t sp = v.find(' ');
  if (sp == std::string::npos) return;
  auto amount = ToInt(std::string_view(v).substr(sp + 1));
  const Unit unit = ParseUnit(std::string_view(v).substr(0, sp));
  if (!amount || unit == Unit::kNone) return;
  p.shift_unit = unit;
  p.shift = *amount;
}

void SetAmPm(Partial& p, const std::string& v) { p.pm = v == "pm" ? 1 : v == "am" ? 0 : -1; }
void SetGranularity(Partial& p, const std::string& v) { p.granularity = ParseUnit(v); }
void SetWeekend(Partial& p, const std::string&) { p.weekend = true; }
void SetReference(Partial& p, const std::string&) { p.from_reference = true; }
void SetAside(Partial& p, const std::string&) { p.aside = true; }
void SetDirection(Partial& p, const std::string& v) {
  bool ok;
  p.direction = ParseDirection(v, &ok);
}

// The fields a rule may set through a template (`negative` and `priority`
// are read when the rule is compiled).
constexpr FieldSpec kFields[] = {
    {"type", SetType},
    {"value", SetString<&Partial::value>},
    {"year", SetInt<&Partial::year>},
    {"month", SetInt<&Partial::month>},
    {"day", SetInt<&Partial::day>},
    {"week", SetInt<&Partial::week>},
    {"weekday", SetInt<&Partial::weekday>},
    {"quarter", SetInt<&Partial::quarter>},
    {"half", SetInt<&Partial::half>},
    {"decade", SetInt<&Partial::decade>},
    {"century", SetInt<&Partial::century>},
    {"season", SetString<&Partial::season>},
    {"weekend", SetWeekend},
    {"hour", SetInt<&Partial::hour>},
    {"minute", SetInt<&Partial::minute>},
    {"second", SetInt<&Partial::second>},
    {"pod", SetString<&Partial::part_of_day>},
    {"ampm", SetAmPm},
    {"shift", SetShift},
    {"gran", SetGranularity},
    {"dir", SetDirection},
    {"ref", SetReference},
    {"aside", SetAside},
    {"nth", SetInt<&Partial::nth>},
    {"easter", SetInt<&Partial::easter>},
    {"mod", SetString<&Partial::mod>},
    {"quant", SetString<&Partial::quant>},
    {"freq", SetString<&Partial::freq>},
};

const FieldSpec* FindField(std::string_view key) {
  for (const FieldSpec& f : kFields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

// Whether text[i] ends a sentence: '.', '!' or '?' before a blank or the
// end (not the last period of "p.m." or "U.S."), or a line end after
// punctuation or before a blank line. A line end inside a sentence is a
// hard wrap ("Morsi, élu en juin, a\nécarté en août").
bool EndsSentence(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '\n') {
    if (i + 1 < text.size() && text[i + 1] == '\n') return true;
    size_t j = i;
    while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\r')) --j;
    if (j == 0 || text[j - 1] == '\n') return true;
    const char last = text[j - 1];
    const bool runs_on = (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') ||
                         last == ',' || last == '-' || last == '\'' ||
                         static_cast<unsigned char>(last) >= 0x80;
    return !runs_on;
  }
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\t' && text[i + 1] != '\n' &&
      text[i + 1] != '\r') {
    return false;
  }
  // "p.m.", "U.S.": a letter between two periods.
  return !(c == '.' && i >= 2 && text[i - 1] >= 'a' && text[i - 1] <= 'z' && text[i - 2] == '.');
}

// Where a partial stands among the sentences and clauses of the text
// between the previous partial (exclusive) and it.
struct Breaks {
  int sentences = 0;  // '.', '!' or '?' before a blank, or a line end
  int clauses = 0;    // sentence ends and ',', ';', ':'
  int commas = 0;
  int words_since_sentence = 0;  // words after the last sentence end (all, when none)
};

// What a byte can do to the counts: most bytes (letters, digits, blanks) do
// nothing, and one table look-up a byte skips them (CountBreaks runs over
// all the text between expressions, so it is on the tagger's hot path).
enum BreakByte : unsigned char { kNoBreak = 0, kMaySentenceEnd, kComma, kClause };

struct BreakByteTable {
  BreakByte kind[256] = {};
  constexpr BreakByteTable() {
    kind[static_cast<unsigned char>('.')] = kMaySentenceEnd;
    kind[static_cast<unsigned char>('!')] = kMaySentenceEnd;
    kind[static_cast<unsigned char>('?')] = kMaySentenceEnd;
    kind[static_cast<unsigned char>('\n')] = kMaySentenceEnd;
    kind[static_cast<unsigned char>(',')] = kComma;
    kind[static_cast<unsigned char>(';')] = kClause;
    kind[static_cast<unsigned char>(':')] = kClause;
  }
};
constexpr BreakByteTable kBreakBytes;

bool IsCountedWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The last period of "p.m." or "U.S." ends no sentence; other abbreviations
// ("Sept. 5", "M. Dupont") count as ends, which only splits more finely.
// Counts over text[from, to). Words are counted only after the last sentence
// end, the only ones the count keeps.
Breaks CountBreaks(std::string_view text, size_t from, size_t to) {
  Breaks b;
  size_t words_from = from;
  for (size_t i = from; i < to; ++i) {
    const BreakByte kind = kBreakBytes.kind[static_cast<unsigned char>(text[i])];
    if (kind == kNoBreak) continue;
    if (kind == kMaySentenceEnd) {
      if (EndsSentence(text, i)) {
        ++b.sentences;
        ++b.clauses;
        words_from = i + 1;
      }
    } else {
      ++b.clauses;
      if (kind == kComma) ++b.commas;
    }
  }
  bool in_word = false;
  for (size_t i = words_from; i < to; ++i) {
    const bool word = IsCountedWordByte(text[i]);
    if (word && !in_word) ++b.words_since_sentence;
    in_word = word;
  }
  return b;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

Unit ParseUnit(std::string_view name) {
  static const std::pair<std::string_view, Unit> kUnits[] = {
      {"second", Unit::kSecond},   {"minute", Unit::kMinute},   {"hour", Unit::kHour},
      {"day", Unit::kDay},         {"week", Unit::kWeek},       {"weekend", Unit::kWeekend},
      {"month", Unit::kMonth},     {"quarter", Unit::kQuarter}, {"half", Unit::kHalf},
      {"season", Unit::kSeason},   {"year", Unit::kYear},       {"decade", Unit::kDecade},
      {"century", Unit::kCentury}, {"context", Unit::kContext}, {"anchor", Unit::kAnchor}};
  for (auto [n, u] : kUnits) {
    if (n == name) return u;
  }
  return Unit::kNone;
}

Direction ParseDirection(std::string_view name, bool* ok) {
  *ok = true;
  if (name == "auto") return Direction::kAuto;
  if (name == "past") return Direction::kPast;
  if (name == "future") return Direction::kFuture;
  if (name == "last") return Direction::kLast;
  if (name == "next") return Direction::kNext;
  if (name == "auto-past") return Direction::kAutoPast;
  if (name == "auto-future") return Direction::kAutoFuture;
  *ok = false;
  return Direction::kAuto;
}

namespace {
constexpr std::pair<Tense, const char*> kTenseNames[] = {
    {Tense::kNone, "none"},     {Tense::kPast, "past"},     {Tense::kPresent, "present"},
    {Tense::kFuture, "future"}, {Tense::kIntent, "intent"},
};
}  // namespace

const char* TenseName(Tense tense) {
  for (const auto& [t, name] : kTenseNames) {
    if (t == tense) return name;
  }
  return "none";
}

Tense ParseTense(std::string_view name, bool* ok) {
  for (const auto& [t, n] : kTenseNames) {
    if (name == n) {
      *ok = true;
      return t;
    }
  }
  *ok = false;
  return Tense::kNone;
}

std::string RuleSet::LexiconAlternation(const Lexicon& lexicon) const {
  std::vector<std::string> spellings;
  for (const LexiconEntry& entry : lexicon.entries) {
    for (const std::string& s : entry.spellings) spellings.push_back(s);
  }
  // Longest first: with leftmost-first groups inside a longest-match scanner
  // this keeps extraction and scanning in agreement.
  std::sort(spellings.begin(), spellings.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alt;
  for (const std::string& s : spellings) {
    if (!alt.empty()) alt += '|';
    for (char c : s) {
      if (c == ' ') {
        alt += "\\s+";
      } else if (IsWordByte(c)) {
        alt += c;
      } else {
        alt += '\\';
        alt += c;
      }
    }
  }
  return alt;
}

std::string RuleSet::ExpandMacros(std::string_view pattern, bool capturing,
                                  const SourceLocation& where,
                                  std::vector<std::pair<std::string, std::string>>* captures,
                                  int depth) const {
  if (depth > kMaxMacroDepth) throw RuleError(where.ToString() + ": macros nest too deeply");
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      continue;
    }
    if (c == ' ') {
      out += "(?:\\s+)";
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'a' && pattern[i + 1] <= 'z') {
      const size_t close = pattern.find('}', i);
      if (close == std::string_view::npos) {
        throw RuleError(where.ToString() + ": unclosed '{' in pattern");
      }
      const std::string_view ref = pattern.substr(i + 1, close - i - 1);
      const size_t colon = ref.find(':');
      const std::string name(ref.substr(0, colon));
      const std::string alias(colon == std::string_view::npos ? ref : ref.substr(colon + 1));
      std::string body;
      std::string source;
      if (auto lex = lexicon_specs_.find(name); lex != lexicon_specs_.end()) {
        body = LexiconAlternation(*lex->second);
        source = name;
      } else if (auto def = define_specs_.find(name); def != define_specs_.end()) {
        body = ExpandMacros(def->second->pattern, false, def->second->where, nullptr, depth + 1);
      } else {
        throw RuleError(where.ToString() + ": unknown lexicon or define '{" + name + "}'");
      }
      if (capturing) {
        for (const auto& [existing, unused] : *captures) {
          if (existing == alias) {
            throw RuleError(where.ToString() + ": '{" + std::string(ref) +
                            "}' used twice; name the second one {" + name + ":other}");
          }
        }
        captures->emplace_back(alias, source);
        out += "(?P<" + alias + ">" + body + ")";
      } else {
        out += "(?:" + body + ")";
      }
      i = close;
      continue;
    }
    if (c == '(' && capturing && i + 1 < pattern.size() && pattern[i + 1] != '?') {
      // Plain groups in rule patterns do not capture: only macros do, so
      // that fields can name what they use.
      out += "(?:";
      continue;
    }
    out += c;
  }
  return out;
}

RuleSet::RuleSet(const LanguageSpec& spec) : language_(spec.language) {
  spec_ = std::make_shared<const LanguageSpec>(spec);
  const auto& owned = spec_;
  for (const Lexicon& lexicon : owned->lexicons) {
    if (lexicon_specs_.count(lexicon.name)) {
      throw RuleError(lexicon.where.ToString() + ": lexicon '" + lexicon.name + "' defined twice");
    }
    lexicon_specs_[lexicon.name] = &lexicon;
    LexiconMap& map = lexicons_[lexicon.name];
    for (const LexiconEntry& entry : lexicon.entries) {
      for (const std::string& s : entry.spellings) map[CollapseBlanks(s)] = entry.value;
    }
  }
  for (const Define& define : owned->defines) {
    if (define_specs_.count(define.name) || lexicon_specs_.count(define.name)) {
      throw RuleError(define.where.ToString() + ": '" + define.name + "' defined twice");
    }
    define_specs_[define.name] = &define;
  }

  std::string combined;
  selector_ = std::make_unique<RE2::Set>(PatternOptions(true), RE2::ANCHOR_BOTH);
  for (const RuleSpec& spec_rule : owned->rules) {
    CompiledRule rule;
    rule.name = spec_rule.name;
    rule.where = spec_rule.where;
    const std::string capturing =
        ExpandMacros(spec_rule.match, true, spec_rule.where, &rule.capture_sources, 0);
    rule.pattern = std::make_unique<RE2>(capturing, PatternOptions(false));
    if (!rule.pattern->ok()) {
      throw RuleError(spec_rule.where.ToString() + ": rule '" + rule.name +
                      "': bad pattern: " + rule.pattern->error());
    }
    for (const RuleField& field : spec_rule.fields) {
      if (field.key == "before") rule.before = CompileContext(field, rule);
      if (field.key == "after") rule.after = CompileContext(field, rule);
    }
    for (const RuleField& field : spec_rule.fields) {
      if (field.key == "before" || field.key == "after") {
        continue;
      } else if (field.key == "negative") {
        rule.negative = true;
      } else if (field.key == "priority") {
        auto p = ToInt(field.value);
        if (!p) throw RuleError(field.where.ToString() + ": priority needs a number");
        rule.priority = *p;
      } else if (field.key == "mode") {
        if (field.value != "news" && field.value != "narratives") {
          throw RuleError(field.where.ToString() + ": mode is 'news' or 'narratives'");
        }
        rule.only_mode = field.value == "news" ? AnchorMode::kNews : AnchorMode::kNarratives;
      } else if (field.key == "written") {
        if (field.value != "lower" && field.value != "capital") {
          throw RuleError(field.where.ToString() + ": written is 'lower' or 'capital'");
        }
        rule.written = field.value == "lower" ? CompiledRule::Written::kLower
                                              : CompiledRule::Written::kCapital;
      } else if (const FieldSpec* spec_field = FindField(field.key)) {
        Template tmpl(field.value, field.where);
        for (const std::string& ref : tmpl.References()) {
          const bool known = std::any_of(rule.capture_sources.begin(), rule.capture_sources.end(),
                                         [&](const auto& c) { return c.first == ref; });
          if (!known) {
            throw RuleError(field.where.ToString() + ": '{" + ref +
                            "}' is not captured by the rule's match");
          }
        }
        rule.fields.emplace_back(spec_field, std::move(tmpl));
      } else {
        throw RuleError(field.where.ToString() + ": unknown rule field '" + field.key + "'");
      }
    }
    const std::string plain = ExpandMacros(spec_rule.match, false, spec_rule.where, nullptr, 0);
    std::string error;
    if (selector_->Add(plain, &error) < 0) {
      throw RuleError(spec_rule.where.ToString() + ": rule '" + rule.name + "': " + error);
    }
    if (!combined.empty()) combined += '|';
    combined += "(?:" + plain + ")";
    rules_.push_back(std::move(rule));
  }
  if (!selector_->Compile()) throw RuleError(language_ + ": rule set too large to compile");
  scanner_ = std::make_unique<RE2>("\\b(?:" + (combined.empty() ? "[^\\s\\S]" : combined) + ")\\b",
                                   PatternOptions(true));
  if (!scanner_->ok()) throw RuleError(language_ + ": scanner: " + scanner_->error());

  if (auto premod = lexicon_specs_.find("premod"); premod != lexicon_specs_.end()) {
    premodifier_ = std::make_unique<RE2>("\\b(" + LexiconAlternation(*premod->second) + ")\\s*$",
                                         PatternOptions(false));
  }
  if (auto detect = lexicon_specs_.find("detect"); detect != lexicon_specs_.end()) {
    detect_ = std::make_unique<RE2>("\\b(?:" + LexiconAlternation(*detect->second) + ")\\b",
                                    PatternOptions(false));
  }
  for (const Define& define : owned->defines) {
    if (define.name.rfind("cue:", 0) != 0) continue;
    const std::string name = define.name.substr(4);
    bool known = false;
    const Tense tense = ParseTense(name, &known);
    if (!known) {
      throw RuleError(define.where.ToString() +
                      ": cue must be past, present, future, intent or none");
    }
    auto re = std::make_unique<RE2>(
        "\\b(?:" + ExpandMacros(define.pattern, false, define.where, nullptr, 0) + ")\\b",
        PatternOptions(false));
    if (!re->ok()) throw RuleError(define.where.ToString() + ": bad cue: " + re->error());
    if (tense == Tense::kNone) {
      not_cues_ = std::move(re);
    } else {
      auto group = re->NamedCapturingGroups().find("unaccented");
      const int unaccented = group == re->NamedCapturingGroups().end() ? 0 : group->second;
      cues_.push_back({tense, std::move(re), unaccented});
    }
  }
}

std::unique_ptr<RE2> RuleSet::CompileContext(const RuleField& field, CompiledRule& rule) const {
  const std::string body = ExpandMacros(field.value, true, field.where, &rule.capture_sources, 0);
  const std::string pattern =
      field.key == "before" ? "(?:" + body + ")\\s*$" : "\\s*(?:" + body + ")";
  auto re = std::make_unique<RE2>(pattern, PatternOptions(false));
  if (!re->ok()) {
    throw RuleError(field.where.ToString() + ": rule '" + rule.name + "': bad " + field.key +
                    " pattern: " + re->error());
  }
  return re;
}

bool RuleSet::CaptureGroups(const RE2& re, const CompiledRule& rule, std::string_view input,
                            RE2::Anchor anchor, CaptureMap& captures,
                            std::vector<LexiconHit>* lexicon_hits) const {
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> submatch(groups + 1);
  if (!re.Match(input, 0, input.size(), anchor, submatch.data(), groups + 1)) return false;
  for (const auto& [alias, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece piece = submatch[index];
    if (piece.data() == nullptr) continue;
    std::string text = CollapseBlanks(std::string_view(piece.data(), piece.size()));
    for (const auto& [name, source] : rule.capture_sources) {
      if (name != alias || source.empty()) continue;
      const LexiconMap& lexicon = lexicons_.at(source);
      if (auto it = lexicon.find(text); it != lexicon.end()) {
        if (lexicon_hits != nullptr) lexicon_hits->push_back({source, text});
        text = it->second;
      }
    }
    captures[alias] = std::move(text);
  }
  return true;
}

bool RuleSet::Capture(const CompiledRule& rule, const FoldedText& folded, size_t begin, size_t end,
                      CaptureMap& captures, std::vector<LexiconHit>* lexicon_hits) const {
  const std::string_view text = folded.text;
  if (rule.written != CompiledRule::Written::kAny) {
    // Unknown when the original is not kept: the rule does not apply.
    const size_t at = folded.to_original[begin];
    if (at >= folded.original.size()) return false;
    const char c = folded.original[at];
    const bool lower = c >= 'a' && c <= 'z';
    const bool capital = c >= 'A' && c <= 'Z';
    if (rule.written == CompiledRule::Written::kLower ? !lower : !capital) return false;
  }
  // The contexts first, by RE2's DFA alone (no submatches): a rule tried on
  // a span usually fails, when it does, on its context ("$" before a year,
  // "and" after a number), and extracting submatches is what costs.
  if (rule.before) {
    const size_t from = begin > kContextWindow ? begin - kContextWindow : 0;
    const std::string_view window = text.substr(from, begin - from);
    if (!rule.before->Match(window, 0, window.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  }
  if (rule.after) {
    const std::string_view window = text.substr(end, kContextWindow);
    if (!rule.after->Match(window, 0, window.size(), RE2::ANCHOR_START, nullptr, 0)) return false;
  }
  if (!CaptureGroups(*rule.pattern, rule, text.substr(begin, end - begin), RE2::ANCHOR_BOTH,
                     captures, lexicon_hits)) {
    return false;
  }
  if (rule.before) {
    const size_t from = begin > kContextWindow ? begin - kContextWindow : 0;
    if (!CaptureGroups(*rule.before, rule, text.substr(from, begin - from), RE2::UNANCHORED,
                       captures, lexicon_hits)) {
      return false;
    }
  }
  if (rule.after && !CaptureGroups(*rule.after, rule, text.substr(end, kContextWindow),
                                   RE2::ANCHOR_START, captures, lexicon_hits)) {
    return false;
  }
  return true;
}

Partial RuleSet::Normalize(const CompiledRule& rule, const CaptureMap& captures,
                           int dct_year) const {
  TemplateContext context{&captures, &lexicons_, dct_year};
  Partial p;
  p.rule = rule.name;
  for (const auto& [field, tmpl] : rule.fields) {
    std::optional<std::string> v = tmpl.Evaluate(context);
    if (v && !v->empty()) field->set(p, *v);
  }
  if (p.hour != Partial::kUnset && p.pm == 1 && p.hour < 12) p.hour += 12;
  if (p.hour == 12 && p.pm == 0) p.hour = 0;
  if (!p.type_given) {
    const bool duration = p.value.size() > 1 && p.value[0] == 'P' &&
                          (std::isdigit(static_cast<unsigned char>(p.value[1])) ||
                           p.value[1] == 'T' || p.value[1] == 'X');
    if (duration) {
      p.type = TimexType::kDuration;
    } else if (p.HasTimeField()) {
      p.type = TimexType::kTime;
    }
  }
  return p;
}

void RuleSet::ApplyPremodifier(const FoldedText& folded, size_t floor, size_t& begin,
                               Partial& partial) const {
  if (premodifier_ == nullptr || begin <= floor) return;
  const size_t from = std::max(floor, begin > kPremodWindow ? begin - kPremodWindow : 0);
  const std::string_view window(folded.text.data() + from, begin - from);
  re2::StringPiece m[2];
  if (!premodifier_->Match(window, 0, window.size(), RE2::UNANCHORED, m, 2)) return;
  auto it = lexicons_.at("premod").find(CollapseBlanks(std::string_view(m[1].data(), m[1].size())));
  if (it == lexicons_.at("premod").end()) return;
  // "MORE_THAN DURATION": the modifier applies to durations only.
  std::string_view mod = it->second;
  const size_t sp = mod.find(' ');
  if (sp != std::string_view::npos) {
    auto type = ParseTimexType(mod.substr(sp + 1));
    if (!type || *type != partial.type) return;
    mod = mod.substr(0, sp);
  }
  if (!partial.mod.empty()) return;
  partial.mod = std::string(mod);
  begin = static_cast<size_t>(m[1].data() - folded.text.data());
}

Tense RuleSet::FindTense(const FoldedText& folded, size_t begin, size_t end,
                         std::string* cue) const {
  if (cues_.empty()) return Tense::kNone;
  const std::string& text = folded.text;
  // The window stays inside the sentence around the expression.
  size_t from = begin > kCueWindow ? begin - kCueWindow : 0;
  for (size_t i = begin; i > from; --i) {
    if (text[i - 1] == ';' || EndsSentence(text, i - 1)) {
      from = i;
      break;
    }
  }
  size_t to = std::min(text.size(), end + kCueWindow);
  for (size_t i = end; i < to; ++i) {
    if (text[i] == ';' || EndsSentence(text, i)) {
      to = i;
      break;
    }
  }
  Tense best = Tense::kNone;
  size_t best_distance = SIZE_MAX;
  size_t best_length = 0;
  const std::string_view window(text.data() + from, to - from);
  // Words that look like cues but are not verbs ("the United States").
  std::vector<std::pair<size_t, size_t>> not_cues;
  if (not_cues_ != nullptr) {
    re2::StringPiece m;
    size_t pos = 0;
    while (pos < window.size() &&
           not_cues_->Match(window, pos, window.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t mb = from + static_cast<size_t>(m.data() - window.data());
      not_cues.emplace_back(mb, mb + m.size());
      pos = static_cast<size_t>(m.data() - window.data()) + std::max<size_t>(m.size(), 1);
    }
  }
  const auto inside_not_cue = [&](size_t mb, size_t me) {
    for (const auto& [nb, ne] : not_cues) {
      if (nb <= mb && me <= ne) return true;
    }
    return false;
  };
  // Folding maps "à" to "a": a folded byte that came from more than one
  // original byte was written with a mark.
  const auto unaccented = [&](const re2::StringPiece& piece) {
    const size_t first = static_cast<size_t>(piece.data() - text.data());
    for (size_t i = first; i < first + piece.size(); ++i) {
      if (folded.to_original[i + 1] - folded.to_original[i] != 1) return false;
    }
    return true;
  };
  std::vector<re2::StringPiece> groups;
  for (const Cue& cue_pattern : cues_) {
    const Tense tense = cue_pattern.tense;
    const RE2& re = *cue_pattern.pattern;
    const int group = cue_pattern.unaccented_group;
    groups.assign(group + 1, re2::StringPiece());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= window.size() && re.Match(window, pos, window.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t mb = from + static_cast<size_t>(m.data() - window.data());
      const size_t me = mb + m.size();
      if (me <= begin || mb >= end) {
        // A cue in the expression's own clause beats one beyond a comma
        // ("will run a ferry from Saturday, the town hall said").
        const size_t gap_begin = me <= begin ? me : end;
        const size_t gap_end = me <= begin ? begin : mb;
        const bool other_clause =
            std::string_view(text).substr(gap_begin, gap_end - gap_begin).find(',') !=
            std::string_view::npos;
        const size_t distance = (me <= begin ? begin - me : mb - end) + (other_clause ? 1000 : 0);
        // At the same distance the longer cue is the more specific one ("had
        // been due to expire" beats "expire"); on a full tie the earlier one.
        const bool nearer =
            distance < best_distance || (distance == best_distance && m.size() > best_length);
        // The group is read on the match alone, and only for a cue that
        // would win: asking for a submatch in the search itself costs RE2 a
        // slower engine over the whole window.
        bool marks_ok = true;
        if (nearer && group != 0) {
          const size_t local = static_cast<size_t>(m.data() - window.data());
          marks_ok = !re.Match(window, local, local + m.size(), RE2::ANCHOR_BOTH, groups.data(),
                               group + 1) ||
                     groups[group].data() == nullptr || unaccented(groups[group]);
        }
        if (nearer && marks_ok && !inside_not_cue(mb, me)) {
          best_distance = distance;
          best_length = m.size();
          best = tense;
          if (cue != nullptr) cue->assign(m.data(), m.size());
        }
      }
      pos = static_cast<size_t>(m.data() - window.data()) + std::max<size_t>(m.size(), 1);
    }
  }
  return best;
}

const CompiledRule* RuleSet::ChooseRule(const FoldedText& folded, size_t begin, size_t end,
                                        AnchorMode mode, std::vector<int>& hits,
                                        CaptureMap& captures, const ScanControl* control,
                                        std::vector<LexiconHit>* lexicon_hits) const {
  hits.clear();
  const std::string_view span(folded.text.data() + begin, end - begin);
  if (!selector_->Match(span, &hits) || hits.empty()) return nullptr;
  std::erase_if(hits, [&](int i) { return rules_[i].only_mode && *rules_[i].only_mode != mode; });
  if (control != nullptr && control->disabled != nullptr) {
    const std::vector<bool>& off = *control->disabled;
    std::erase_if(hits, [&](int i) { return static_cast<size_t>(i) < off.size() && off[i]; });
  }
  // Best rule first: highest priority, then file order; a rule whose context
  // does not hold gives way to the next.
  std::sort(hits.begin(), hits.end(), [&](int a, int b) {
    return rules_[a].priority != rules_[b].priority ? rules_[a].priority > rules_[b].priority
                                                    : a < b;
  });
  for (int index : hits) {
    captures.clear();
    if (lexicon_hits != nullptr) lexicon_hits->clear();
    if (Capture(rules_[index], folded, begin, end, captures, lexicon_hits)) return &rules_[index];
  }
  return nullptr;
}

void RuleSet::Scan(const FoldedText& folded, int dct_year, AnchorMode mode,
                   std::vector<Partial>& out, const ScanControl* control) const {
  const std::string_view text = folded.text;
  ScanTrace* trace = control != nullptr ? control->trace : nullptr;
  std::vector<LexiconHit> lexicon_hits;
  std::vector<LexiconHit>* want_hits = trace != nullptr ? &lexicon_hits : nullptr;
  re2::StringPiece match;
  std::vector<int> hits;
  size_t pos = 0;
  size_t claimed = 0;       // end of the last span a rule took
  size_t counted_from = 0;  // sentence ends are counted up to here
  while (pos < text.size() && scanner_->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t begin = static_cast<size_t>(match.data() - text.data());
    size_t end = begin + match.size();
    if (end == begin) {
      pos = begin + 1;
      continue;
    }
    CaptureMap captures;
    const CompiledRule* chosen =
        ChooseRule(folded, begin, end, mode, hits, captures, control, want_hits);
    // When no rule holds on the longest span (a context failed), the shorter
    // spans from the same start that end at a word boundary get their turn.
    while (chosen == nullptr) {
      size_t shorter = end - 1;
      while (shorter > begin && !(IsWordByte(text[shorter - 1]) && !IsWordByte(text[shorter]))) {
        --shorter;
      }
      if (shorter == begin) break;
      end = shorter;
      chosen = ChooseRule(folded, begin, end, mode, hits, captures, control, want_hits);
    }
    // Nothing here: candidates starting inside the span still get scanned.
    pos = chosen == nullptr ? begin + 1 : end;
    if (chosen != nullptr && chosen->negative) {
      claimed = end;
      if (trace != nullptr) {
        trace->claims.push_back({folded.to_original[begin], folded.to_original[end], chosen->name});
      }
    }
    if (chosen == nullptr || chosen->negative) continue;
    std::optional<Partial> p = Normalize(*chosen, captures, dct_year);
    // A modifier word never reaches into the expression before ("the
    // year-earlier nine months" is not "earlier nine months").
    ApplyPremodifier(folded, claimed, begin, *p);
    claimed = end;
    const bool auto_direction = p->direction == Direction::kAuto ||
                                p->direction == Direction::kAutoPast ||
                                p->direction == Direction::kAutoFuture;
    // Narratives also want the tense around a written year: one told ahead
    // ("would withdraw by late 2008") does not move the story.
    const bool needs_tense =
        (p->value.empty() && p->year == Partial::kUnset && p->shift_unit == Unit::kNone &&
         auto_direction && p->decade == Partial::kUnset && p->century == Partial::kUnset) ||
        (mode == AnchorMode::kNarratives && p->year != Partial::kUnset && !p->aside);
    PartialTrace* partial_trace = nullptr;
    if (trace != nullptr) {
      partial_trace = &trace->partials.emplace_back();
      partial_trace->hits = std::move(lexicon_hits);
      lexicon_hits.clear();
    }
    if (needs_tense) {
      p->tense =
          FindTense(folded, begin, end, partial_trace != nullptr ? &partial_trace->cue : nullptr);
      if (partial_trace != nullptr) partial_trace->cue_tense = p->tense;
    }
    const Breaks breaks = CountBreaks(text, counted_from, begin);
    p->sentence_breaks = breaks.sentences;
    p->clause_breaks = breaks.clauses;
    p->comma_breaks = breaks.commas;
    p->opens_sentence =
        (breaks.sentences > 0 || counted_from == 0) && breaks.words_since_sentence <= 2;
    counted_from = end;
    p->begin = folded.to_original[begin];
    p->end = folded.to_original[end];
    out.push_back(std::move(*p));
  }
}

int RuleSet::CountDetectionWords(std::string_view folded) const {
  if (detect_ == nullptr) return 0;
  int count = 0;
  re2::StringPiece input(folded.data(), folded.size());
  while (RE2::FindAndConsume(&input, *detect_)) ++count;
  return count;
}

}  // namespace dateline
