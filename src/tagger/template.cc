#include "tagger/template.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "dateline/tagger.h"
#include "tagger/rule_error.h"

namespace dateline {
namespace {

constexpr std::string_view kFunctions[] = {"num",   "ordinal", "roman", "minus1", "neg",
                                           "year2", "decade",  "pad2",  "bc"};

bool IsKnownFunction(std::string_view fn) {
  if (fn.substr(0, 4) == "lex:") return fn.size() > 4;
  return std::find(std::begin(kFunctions), std::end(kFunctions), fn) != std::end(kFunctions);
}

std::optional<long> ToInt(std::string_view s) {
  long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::string> Roman(std::string_view s) {
  auto digit = [](char c) {
    switch (c) {
      case 'i':
        return 1;
      case 'v':
        return 5;
      case 'x':
        return 10;
      case 'l':
        return 50;
      case 'c':
        return 100;
      case 'd':
        return 500;
      case 'm':
        return 1000;
    }
    return 0;
  };
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const int v = digit(s[i]);
    if (v == 0) return std::nullopt;
    const int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  if (total <= 0) return std::nullopt;
  return std::to_string(total);
}

// "1er", "2e", "3rd", "21st" -> digits; words through the `ordinals` lexicon.
std::optional<std::string> Ordinal(std::string_view s, const TemplateContext& context) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n > 0) return std::string(s.substr(0, n));
  auto lex = context.lexicons->find("ordinals");
  if (lex == context.lexicons->end()) return std::nullopt;
  auto it = lex->second.find(std::string(s));
  if (it == lex->second.end()) return std::nullopt;
  return it->second;
}

// A two-digit year: the century that puts it closest to the DCT, at most ten
// years ahead of it; without a DCT, 1930-2029.
std::optional<std::string> Year2(std::string_view s, int dct_year) {
  auto v = ToInt(s);
  if (!v || *v < 0 || *v > 99) return std::nullopt;
  const int pivot = dct_year > 0 ? dct_year + 10 : 2029;
  int year = static_cast<int>(pivot / 100 * 100 + *v);
  if (year > pivot) year -= 100;
  return std::to_string(year);
}

std::optional<std::string> Apply(std::string_view fn, const std::string& in,
                                 const TemplateContext& context) {
  if (fn == "num") {
    auto lex = context.lexicons->find("numbers");
    return ParseNumber(in, lex == context.lexicons->end() ? nullptr : &lex->second);
  }
  if (fn == "ordinal") return Ordinal(in, context);
  if (fn == "roman") return Roman(in);
  if (fn == "year2") return Year2(in, context.dct_year);
  if (fn == "minus1" || fn == "neg" || fn == "bc") {
    auto v = ToInt(in);
    if (!v) return std::nullopt;
    if (fn == "bc") return std::to_string(1 - *v);
    return std::to_string(fn == "neg" ? -*v : *v - 1);
  }
  if (fn == "decade") {
    // "60" -> "196", "1960" -> "196", "2010" -> "201".
    auto v = ToInt(in);
    if (!v) return std::nullopt;
    if (in.size() == 2) return std::to_string(190 + *v / 10);
    if (in.size() == 4) return std::to_string(*v / 10);
    return std::nullopt;
  }
  if (fn == "pad2") return in.size() == 1 ? "0" + in : in;
  if (fn.substr(0, 4) == "lex:") {
    auto lex = context.lexicons->find(std::string(fn.substr(4)));
    if (lex == context.lexicons->end()) return std::nullopt;
    auto it = lex->second.find(in);
    if (it == lex->second.end()) return std::nullopt;
    return it->second;
  }
  return std::nullopt;
}

}  // namespace

Template::Template(std::string_view text, const SourceLocation& where) {
  while (!text.empty()) {
    const size_t open = text.find('{');
    if (open == std::string_view::npos) {
      pieces_.push_back({std::string(text), "", {}});
      break;
    }
    if (open > 0) pieces_.push_back({std::string(text.substr(0, open)), "", {}});
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      throw RuleError(where.ToString() + ": unclosed '{' in '" + std::string(text) + "'");
    }
    std::string_view ref = text.substr(open + 1, close - open - 1);
    Piece piece;
    size_t bar = ref.find('|');
    piece.capture = std::string(ref.substr(0, bar));
    while (bar != std::string_view::npos) {
      ref.remove_prefix(bar + 1);
      bar = ref.find('|');
      std::string fn(ref.substr(0, bar));
      if (!IsKnownFunction(fn)) {
        throw RuleError(where.ToString() + ": unknown template function '" + fn + "'");
      }
      piece.functions.push_back(std::move(fn));
    }
    if (piece.capture.empty()) throw RuleError(where.ToString() + ": empty '{}' reference");
    pieces_.push_back(std::move(piece));
    text.remove_prefix(close + 1);
  }
}

std::optional<std::string> Template::Evaluate(const TemplateContext& context) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (piece.capture.empty()) {
      out += piece.literal;
      continue;
    }
    auto it = context.captures->find(piece.capture);
    if (it == context.captures->end() || it->second.empty()) return std::nullopt;
    std::string value = it->second;
    for (const std::string& fn : piece.functions) {
      auto next = Apply(fn, value, context);
      if (!next) return std::nullopt;
      value = std::move(*next);
    }
    out += value;
  }
  return out;
}

std::vector<std::string> Template::References() const {
  std::vector<std::string> refs;
  for (const Piece& piece : pieces_) {
    if (!piece.capture.empty()) refs.push_back(piece.capture);
  }
  return refs;
}

bool Template::IsLiteral() const {
  return std::all_of(pieces_.begin(), pieces_.end(),
                     [](const Piece& p) { return p.capture.empty(); });
}

std::optional<std::string> ParseNumber(std::string_view folded, const LexiconMap* numbers) {
  // Digits, with a decimal comma or point; thin/normal spaces between groups
  // of thousands are not numbers we need here.
  if (!folded.empty() && folded[0] >= '0' && folded[0] <= '9') {
    std::string out;
    for (char c : folded) {
      if (c >= '0' && c <= '9') {
        out += c;
      } else if ((c == ',' || c == '.') && out.find('.') == std::string::npos) {
        out += '.';
      } else {
        return std::nullopt;
      }
    }
    if (out.back() == '.') return std::nullopt;
    // Strip leading zeros of the integer part ("05" -> "5").
    size_t lead = 0;
    while (lead + 1 < out.size() && out[lead] == '0' && out[lead + 1] != '.') ++lead;
    return out.substr(lead);
  }
  if (numbers == nullptr) return std::nullopt;
  // Words: split on blanks and hyphens, take the longest lexicon entry at each
  // point (so "quatre vingt" can be one entry), add units and multiply by
  // entries whose value starts with '*'.
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) return std::nullopt;
  double total = 0, current = 0;
  for (size_t i = 0; i < words.size();) {
    size_t best_len = 0;
    std::string best_value;
    std::string phrase;
    for (size_t j = i; j < words.size() && j < i + 4; ++j) {
      phrase += (j > i ? " " : "") + words[j];
      auto it = numbers->find(phrase);
      if (it != numbers->end()) best_len = j - i + 1, best_value = it->second;
    }
    if (best_len == 0) return std::nullopt;
    i += best_len;
    if (best_value == "+") continue;  // "et" in "vingt et un"
    if (!best_value.empty() && best_value[0] == '*') {
      const double mult = std::stod(best_value.substr(1));
      current = (current == 0 ? 1 : current) * mult;
      if (mult >= 1000) total += current, current = 0;
    } else {
      current += std::stod(best_value);
    }
  }
  const double value = total + current;
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  std::string s = std::to_string(value);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

}  // namespace dateline
