// Fuzzes the TIMEX3 value parser (and the DCT, type and mod parsers) and
// checks what timex.h promises of a parsed value: known fields in range, the
// canonical text parsing back to the same value, a day range that is not
// inverted and that holds the value's own date, and a consistent order.
//
// Input: up to three candidate values, one a line.
#include <string>
#include <vector>

#include "dateline/tagger.h"
#include "dateline/timex.h"
#include "fuzz_check.h"

namespace {

using dateline::TimexValue;
using dateline::fuzz::Check;

bool FieldIn(int v, int lo, int hi) {
  return v == TimexValue::kAbsent || v == TimexValue::kUnknown || (v >= lo && v <= hi);
}

void CheckValue(const TimexValue& v) {
  const std::string& text = v.ToString();
  const auto again = TimexValue::Parse(text);
  Check(again.has_value() && *again == v, "canonical text does not parse back", text);
  Check(FieldIn(v.month(), 1, 12) && FieldIn(v.day(), 1, 31) && FieldIn(v.week(), 1, 53) &&
            FieldIn(v.weekday(), 1, 7) && FieldIn(v.quarter(), 1, 4) && FieldIn(v.half(), 1, 2) &&
            FieldIn(v.hour(), 0, 24) && FieldIn(v.minute(), 0, 59) && FieldIn(v.second(), 0, 60),
        "a field is out of range", text);
  if (auto year = v.year()) {
    Check(v.year_text().size() == 4, "a known year without four digits", text);
  }
  const auto range = v.DayRange();
  if (range) Check(range->first <= range->second, "inverted day range", text);
  if (auto date = v.date()) {
    Check(dateline::IsValidDate(date->year, date->month, date->day), "invalid date", text);
    Check(range && range->first == dateline::ToDays(*date) && range->second == range->first,
          "a day whose range is not that day", text);
    if (date->year >= 0 && date->year <= 9999 && !v.is_bc()) {
      Check(TimexValue::Day(*date).date() == date, "Day() does not give the same day back", text);
    }
  }
  Check((v <=> v) == std::weak_ordering::equivalent, "a value is not equivalent to itself", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<TimexValue> values;
  for (int line = 0; line < 3 && !all.empty(); ++line) {
    const size_t nl = all.find('\n');
    const std::string_view text = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    dateline::ParseTimexType(text);
    dateline::IsValidTimexMod(text);
    if (auto dct = dateline::ParseDayTime(text)) {
      Check(dateline::IsValidDate(dct->date.year, dct->date.month, dct->date.day) &&
                dct->hour >= -1 && dct->hour <= 23 && dct->minute >= 0 && dct->minute <= 59 &&
                dct->second >= -1 && dct->second <= 59,
            "ParseDayTime accepted an invalid time", text);
      std::string canonical(text);  // a space may stand for the T
      if (canonical.size() > 10) canonical[10] = 'T';
      Check(dateline::FormatDayTime(*dct) == canonical, "ParseDayTime does not round-trip", text);
    }
    if (auto v = TimexValue::Parse(text)) {
      Check(v->ToString() == text, "the canonical text is not the parsed text", text);
      CheckValue(*v);
      values.push_back(std::move(*v));
    }
  }
  // The order is a weak order: antisymmetric, and transitive over three values.
  for (const TimexValue& a : values) {
    for (const TimexValue& b : values) {
      Check((a < b) == (b > a) && !(a < b && b < a), "order is not antisymmetric",
            a.ToString() + " / " + b.ToString());
      for (const TimexValue& c : values) {
        Check(!(a < b && b < c) || a < c, "order is not transitive",
              a.ToString() + " / " + b.ToString() + " / " + c.ToString());
      }
    }
  }
  return 0;
}
