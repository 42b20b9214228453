#include "pipeline/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <string>

#include "pipeline/dating.h"
#include "text/utf8.h"

namespace dateline {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// The code point at `pos` without advancing.
char32_t PeekCodePoint(std::string_view text, size_t pos) {
  size_t p = pos;
  return DecodeUtf8(text, p);
}

bool IsUpperOrDigit(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

bool IsOpening(char32_t cp) {
  return cp == '"' || cp == '(' || cp == '[' || cp == U'«' || cp == U'“' || cp == U'‘' ||
         cp == '-' || cp == U'—' || cp == U'–' || cp == '\'';
}

bool IsClosing(char32_t cp) {
  return cp == '"' || cp == ')' || cp == ']' || cp == U'»' || cp == U'”' || cp == U'’' ||
         cp == '\'';
}

bool IsTerminal(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == U'…'; }

// Lower-cases with utf8proc so that "Févr" matches "févr".
std::string Lower(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = DecodeUtf8(s, pos);
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), out);
  }
  return out;
}

// The word (letters and inner periods) that ends just before `dot`.
std::string_view WordBefore(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && !IsSpace(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  return text.substr(b, dot - b);
}

// A period after an abbreviation or a single initial ("J. Smith") does not
// end the sentence.
bool PeriodIsAbbreviation(std::string_view text, size_t dot, const Abbreviations& abbreviations) {
  const std::string_view word = WordBefore(text, dot);
  if (word.empty()) return false;
  size_t pos = 0;
  const char32_t first = DecodeUtf8(word, pos);
  if (pos == word.size() && IsUpperOrDigit(first) && !(first >= '0' && first <= '9')) {
    return true;  // an initial
  }
  return abbreviations.count(Lower(word)) > 0;
}

class Splitter {
 public:
  Splitter(std::string_view text, const Abbreviations& abbreviations)
      : text_(text), abbreviations_(abbreviations) {}

  std::vector<SentenceSpan> Run() {
    size_t pos = 0;
    start_ = 0;
    while (pos < text_.size()) {
      const char c = text_[pos];
      if (c == '\n') {
        if (NewlineBreaks(pos)) Emit(pos);
        ++pos;
        if (start_ == pos - 1) start_ = pos;
        continue;
      }
      size_t next = pos;
      const char32_t cp = DecodeUtf8(text_, next);
      if (IsTerminal(cp)) {
        next = SkipTerminalRun(next);
        if (EndsHere(pos, cp, next)) {
          Emit(next);
          start_ = next;
        }
      }
      pos = next;
    }
    Emit(text_.size());
    return std::move(spans_);
  }

 private:
  // Skips the final punctuation and closing quotes, including a closing
  // quote after a space: a French guillemet ("partirons. »") or the two
  // apostrophes tokenised English text closes quotes with ("stay . ''").
  size_t SkipTerminalRun(size_t pos) const {
    while (pos < text_.size()) {
      size_t next = pos;
      const char32_t cp = DecodeUtf8(text_, next);
      if (!IsTerminal(cp) && !IsClosing(cp)) {
        size_t q = pos;
        while (q < text_.size() && (text_[q] == ' ' || text_[q] == '\t')) ++q;
        if (q == pos && cp != U'\u00a0' && cp != U'\u202f') break;
        if (q == pos) q = next;
        if (text_.substr(q, 2) == "''") {
          next = q + 2;
        } else {
          size_t after = q;
          if (q >= text_.size() || DecodeUtf8(text_, after) != U'»') break;
          next = after;
        }
      }
      pos = next;
    }
    return pos;
  }

  bool EndsHere(size_t mark, char32_t cp, size_t after) const {
    if (after >= text_.size()) return true;
    if (!IsSpace(text_[after])) return false;
    size_t q = after;
    while (q < text_.size() && IsSpace(text_[q])) ++q;
    if (q >= text_.size()) return true;
    const char32_t next = PeekCodePoint(text_, q);
    if (IsLower(next)) return false;
    if (!IsUpperOrDigit(next) && !IsOpening(next)) return false;
    if (cp == '.' && after == mark + 1 && PeriodIsAbbreviation(text_, mark, abbreviations_))
      return false;
    return true;
  }

  // A line break ends the sentence unless it looks like a wrapped line: the
  // line has no final punctuation and the next line goes on in lower case.
  // (Text with one sentence a line, as tokenised corpora give it, has lines
  // that start in lower case after a full stop: they are sentences too.)
  bool NewlineBreaks(size_t nl) const {
    size_t q = nl + 1;
    while (q < text_.size() && (text_[q] == ' ' || text_[q] == '\t' || text_[q] == '\r')) ++q;
    if (q >= text_.size() || text_[q] == '\n') return true;
    size_t e = nl;
    while (e > start_ && IsSpace(text_[e - 1])) --e;
    if (e == start_) return true;
    return !IsLower(PeekCodePoint(text_, q)) || EndsWithFinalPunctuation(e);
  }

  // True when the text before `end` (the current sentence) closes with final
  // punctuation, possibly followed by closing quotes or brackets (and spaces
  // between them, as tokenised text has: "parti . ''"); a period after an
  // abbreviation or an initial does not count ("etc." before a wrapped line).
  bool EndsWithFinalPunctuation(size_t end) const {
    size_t e = end;
    while (e > start_) {
      size_t b = e - 1;
      while (b > start_ && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) --b;
      size_t after = b;
      const char32_t cp = DecodeUtf8(text_, after);
      if (IsTerminal(cp)) {
        return cp != '.' || !PeriodIsAbbreviation(text_, b, abbreviations_);
      }
      if (!IsClosing(cp) && cp != ' ' && cp != '\t') return false;
      e = b;
    }
    return false;
  }

  void Emit(size_t end) {
    size_t b = start_, e = std::min(end, text_.size());
    while (b < e && IsSpace(text_[b])) ++b;
    while (e > b && IsSpace(text_[e - 1])) --e;
    if (e > b) spans_.push_back({b, e});
    start_ = std::max(start_, end);
  }

  std::string_view text_;
  const Abbreviations& abbreviations_;
  size_t start_ = 0;
  std::vector<SentenceSpan> spans_;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         const Abbreviations& abbreviations) {
  return Splitter(text, abbreviations).Run();
}

std::vector<Sentence> DatedSentences(std::string_view text, size_t body_begin,
                                     const std::vector<TimeExpression>& expressions,
                                     const std::optional<CivilDate>& weak_day,
                                     const Abbreviations& abbreviations) {
  const std::optional<TimexValue> weak =
      weak_day ? std::optional<TimexValue>(TimexValue::Day(*weak_day)) : std::nullopt;
  std::vector<SentenceSpan> spans;
  if (body_begin >= 2) spans.push_back({0, body_begin - 2});
  const size_t first_body = spans.size();
  for (const SentenceSpan& s : SplitSentences(text.substr(body_begin), abbreviations)) {
    spans.push_back({s.begin + body_begin, s.end + body_begin});
  }
  CodePointCounter code_points(text);
  std::vector<Sentence> out;
  size_t next = 0;  // first expression not before the sentence
  for (size_t i = 0; i < spans.size(); ++i) {
    Sentence s;
    s.begin = spans[i].begin;
    s.end = spans[i].end;
    s.cp_begin = code_points.At(s.begin);
    s.cp_end = code_points.At(s.end);
    s.in_title = i < first_body;
    while (next < expressions.size() && expressions[next].begin < s.begin) ++next;
    for (size_t k = next; k < expressions.size() && expressions[k].begin < s.end; ++k) {
      if ((s.date = ExpressionDay(expressions[k]))) break;
    }
    if (!s.date && weak) {
      s.date = weak;
      s.weak_date = true;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dateline
