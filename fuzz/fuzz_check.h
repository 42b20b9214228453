// Invariant checks shared by the fuzz targets. A failed check prints what
// broke and aborts, so libFuzzer keeps the input as a crash: a target tests
// the contracts its API states, not only the absence of crashes.
#ifndef DATELINE_FUZZ_FUZZ_CHECK_H_
#define DATELINE_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/tagger.h"
#include "dateline/timex.h"
#include "text/utf8.h"

namespace dateline::fuzz {

// Aborts with `what` (and `detail`, printed with escapes) unless `ok`.
inline void Check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %.*s", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    std::fputs(": \"", stderr);
    for (unsigned char c : detail.substr(0, 400)) {
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        std::fputc(c, stderr);
      } else {
        std::fprintf(stderr, "\\x%02x", c);
      }
    }
    std::fputc('"', stderr);
  }
  std::fputc('\n', stderr);
  std::abort();
}

inline void CheckUtf8(std::string_view field, std::string_view text) {
  const size_t bad = FindInvalidUtf8(text);
  Check(bad == std::string_view::npos,
        std::string(field) + " is not valid UTF-8 at byte " + std::to_string(bad), text);
}

// A value the API promises to be a TIMEX3 value, or empty when `may_be_empty`.
inline void CheckTimexValue(std::string_view field, std::string_view value, bool may_be_empty) {
  if (value.empty() && may_be_empty) return;
  Check(TimexValue::IsValid(value), std::string(field) + " is not a valid TIMEX3 value", value);
}

inline bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// What Tagger::Tag promises: expressions sorted, non-overlapping, inside the
// text (on character boundaries when the text is valid UTF-8), each with a
// valid value of a kind that fits its type, and valid TIMEX3 attributes.
inline void CheckExpressions(std::string_view text, const std::vector<TimeExpression>& found) {
  const bool valid_text = FindInvalidUtf8(text) == std::string_view::npos;
  size_t previous_end = 0;
  for (const TimeExpression& e : found) {
    const std::string span = "expression [" + std::to_string(e.begin) + ", " +
                             std::to_string(e.end) + ") value " + e.value;
    Check(e.begin < e.end && e.end <= text.size(), span + ": empty or out of the text");
    Check(e.begin >= previous_end, span + ": overlaps or precedes the expression before it");
    previous_end = e.end;
    if (valid_text) {
      Check(!IsContinuationByte(text[e.begin]) &&
                (e.end == text.size() || !IsContinuationByte(text[e.end])),
            span + ": not on character boundaries");
    }
    const std::optional<TimexValue> value = TimexValue::Parse(e.value);
    Check(value.has_value(), span + ": not a valid TIMEX3 value", e.value);
    const bool duration = value->kind() == TimexValue::Kind::kDuration;
    if (e.type == TimexType::kDuration) Check(duration, span + ": DURATION with a point value");
    if (e.type == TimexType::kDate || e.type == TimexType::kTime) {
      Check(!duration, span + ": DATE or TIME with a duration value");
    }
    Check(e.mod.empty() || IsValidTimexMod(e.mod), span + ": invalid mod", e.mod);
    Check(e.quant.empty() || e.quant == "EVERY" || e.quant == "EACH" || e.quant == "SOME",
          span + ": invalid quant", e.quant);
    // freq: a count and a unit ("2X", "1W").
    if (!e.freq.empty()) {
      size_t digits = 0;
      while (digits < e.freq.size() && e.freq[digits] >= '0' && e.freq[digits] <= '9') ++digits;
      Check(
          digits > 0 && digits + 1 == e.freq.size() && e.freq.back() >= 'A' && e.freq.back() <= 'Z',
          span + ": invalid freq", e.freq);
    }
  }
}

}  // namespace dateline::fuzz

#endif  // DATELINE_FUZZ_FUZZ_CHECK_H_
