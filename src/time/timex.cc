#include "dateline/timex.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>

namespace dateline {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` characters that are all digits (returns the number)
// or all 'X' (returns kUnknown). Returns nullopt otherwise.
std::optional<int> ReadField(std::string_view& s, size_t width) {
  if (s.size() < width) return std::nullopt;
  const std::string_view field = s.substr(0, width);
  int value = 0;
  if (std::all_of(field.begin(), field.end(), IsDigit)) {
    for (char c : field) value = value * 10 + (c - '0');
  } else if (std::all_of(field.begin(), field.end(), [](char c) { return c == 'X'; })) {
    value = TimexValue::kUnknown;
  } else {
    return std::nullopt;
  }
  s.remove_prefix(width);
  return value;
}

bool Consume(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool InRange(int v, int lo, int hi) { return v == TimexValue::kUnknown || (v >= lo && v <= hi); }

constexpr std::array<std::string_view, 4> kSeasons = {"SP", "SU", "FA", "WI"};
constexpr std::array<std::string_view, 6> kPartsOfDay = {"MO", "MI", "AF", "EV", "NI", "DT"};

// A duration amount: digits with an optional fraction, or X.
bool ReadAmount(std::string_view& s) {
  if (Consume(s, "X")) return true;
  size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  if (n == 0) return false;
  if (n < s.size() && s[n] == '.') {
    size_t f = n + 1;
    while (f < s.size() && IsDigit(s[f])) ++f;
    if (f == n + 1) return false;
    n = f;
  }
  s.remove_prefix(n);
  return true;
}

}  // namespace

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

std::optional<TimexType> ParseTimexType(std::string_view name) {
  if (name == "DATE") return TimexType::kDate;
  if (name == "TIME") return TimexType::kTime;
  if (name == "DURATION") return TimexType::kDuration;
  if (name == "SET") return TimexType::kSet;
  return std::nullopt;
}

bool IsValidTimexMod(std::string_view mod) {
  static constexpr std::array<std::string_view, 12> kMods = {
      "START",        "END",         "MID",       "APPROX",    "BEFORE",        "AFTER",
      "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"};
  return std::find(kMods.begin(), kMods.end(), mod) != kMods.end();
}

std::optional<TimexValue> TimexValue::Parse(std::string_view text) {
  TimexValue v;
  v.text_ = std::string(text);
  if (text == "PRESENT_REF" || text == "PAST_REF" || text == "FUTURE_REF") {
    v.kind_ = Kind::kReference;
    return v;
  }
  if (!text.empty() && text[0] == 'P') {
    v.kind_ = Kind::kDuration;
    if (!v.ParseDuration(text.substr(1))) return std::nullopt;
    return v;
  }
  if (!v.ParsePoint(text)) return std::nullopt;
  return v;
}

bool TimexValue::ParseDuration(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kDateUnits = {"DE", "CE", "ML", "Y", "X",
                                                                 "M",  "W",  "D",  "Q"};
  static constexpr std::array<std::string_view, 3> kTimeUnits = {"H", "M", "S"};
  bool any = false;
  while (!s.empty() && s[0] != 'T') {
    const bool unknown_amount = s[0] == 'X';
    if (!ReadAmount(s)) return false;
    if (s.substr(0, 1) == "X" && !unknown_amount) return false;  // "PXX" only
    auto unit = std::find_if(kDateUnits.begin(), kDateUnits.end(),
                             [&](std::string_view u) { return s.substr(0, u.size()) == u; });
    if (unit == kDateUnits.end()) return false;
    s.remove_prefix(unit->size());
    any = true;
  }
  if (Consume(s, "T")) {
    if (s.empty()) return false;
    while (!s.empty()) {
      if (!ReadAmount(s)) return false;
      auto unit = std::find_if(kTimeUnits.begin(), kTimeUnits.end(),
                               [&](std::string_view u) { return s.substr(0, u.size()) == u; });
      if (unit == kTimeUnits.end()) return false;
      s.remove_prefix(unit->size());
      any = true;
    }
  }
  return any && s.empty();
}

bool TimexValue::ParseTime(std::string_view s) {
  has_time_ = true;
  for (std::string_view pod : kPartsOfDay) {
    if (s == pod) {
      part_of_day_ = std::string(pod);
      return true;
    }
  }
  auto hour = ReadField(s, 2);
  if (!hour || !InRange(*hour, 0, 24)) return false;
  hour_ = *hour;
  if (Consume(s, ":")) {
    auto minute = ReadField(s, 2);
    if (!minute || !InRange(*minute, 0, 59)) return false;
    minute_ = *minute;
    if (Consume(s, ":")) {
      auto second = ReadField(s, 2);
      if (!second || !InRange(*second, 0, 60)) return false;
      second_ = *second;
    }
  }
  if (s.empty() || s == "Z") return true;
  // Zone offset: +hh, -hh, +hh:mm, -hhmm.
  if (s[0] != '+' && s[0] != '-') return false;
  s.remove_prefix(1);
  auto zh = ReadField(s, 2);
  if (!zh || *zh < 0 || *zh > 14) return false;
  Consume(s, ":");
  if (s.empty()) return true;
  auto zm = ReadField(s, 2);
  return zm && *zm >= 0 && *zm < 60 && s.empty();
}

bool TimexValue::ParsePoint(std::string_view s) {
  bc_ = Consume(s, "BC");
  size_t width = 0;
  while (width < s.size() && width < 4 && (IsDigit(s[width]) || s[width] == 'X')) ++width;
  if (width < 2) return false;
  year_ = std::string(s.substr(0, width));
  // "19X9" is not a year: X digits may only trail known digits.
  const size_t first_x = year_.find('X');
  if (first_x != std::string::npos && year_.find_first_not_of('X', first_x) != std::string::npos) {
    return false;
  }
  s.remove_prefix(width);
  if (width == 4 && Consume(s, "-")) {
    const auto season = std::find(kSeasons.begin(), kSeasons.end(), s.substr(0, 2));
    if (season != kSeasons.end() && (s.size() == 2 || s[2] == 'T')) {
      season_ = std::string(*season);  // before weeks: "WI" is winter, not week "I"
      s.remove_prefix(2);
    } else if (Consume(s, "W")) {
      auto week = ReadField(s, 2);
      if (!week) week = ReadField(s, 1);  // "2001-W9" occurs in TimeBank
      if (!week || !InRange(*week, 1, 53)) return false;
      week_ = *week;
      if (Consume(s, "-WE")) {
        weekend_ = true;
      } else if (Consume(s, "-")) {
        auto wd = ReadField(s, 1);
        if (!wd || !InRange(*wd, 1, 7)) return false;
        weekday_ = *wd;
      }
    } else if (Consume(s, "Q")) {
      auto q = ReadField(s, 1);
      if (!q || !InRange(*q, 1, 4)) return false;
      quarter_ = *q;
    } else if (Consume(s, "H")) {
      auto h = ReadField(s, 1);
      if (!h || !InRange(*h, 1, 2)) return false;
      half_ = *h;
    } else {
      auto month = ReadField(s, 2);
      if (!month || !InRange(*month, 1, 12)) return false;
      month_ = *month;
      if (Consume(s, "-")) {
        auto day = ReadField(s, 2);
        if (!day || !InRange(*day, 1, 31)) return false;
        day_ = *day;
        if (day_ > 0 && month_ > 0 && year().has_value() && !IsValidDate(*year(), month_, day_)) {
          return false;
        }
        if (day_ > 0 && month_ > 0 && day_ > DaysInMonth(2000, month_)) return false;
      }
    }
  }
  if (Consume(s, "T")) {
    // A time needs a day (or a weekday) to hang on.
    if (day_ == kAbsent && weekday_ == kAbsent) return false;
    return ParseTime(s);
  }
  return s.empty();
}

std::optional<int> TimexValue::year() const {
  if (kind_ != Kind::kPoint || year_.size() != 4 || year_.find('X') != std::string::npos) {
    return std::nullopt;
  }
  const int y = std::stoi(year_);
  return bc_ ? 1 - y : y;
}

TimexValue TimexValue::Day(const CivilDate& date) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return *Parse(buf);
}

TimexValue TimexValue::Month(int year, int month) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return *Parse(buf);
}

TimexValue TimexValue::Year(int year) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d", year);
  return *Parse(buf);
}

std::optional<CivilDate> TimexValue::date() const {
  auto y = year();
  if (!y || month_ <= 0 || day_ <= 0) return std::nullopt;
  return CivilDate{*y, month_, day_};
}

std::optional<std::pair<int64_t, int64_t>> TimexValue::DayRange() const {
  if (kind_ != Kind::kPoint) return std::nullopt;
  if (year_.size() < 4 || year_.find('X') != std::string::npos) {
    // Decades and centuries: "196" / "196X" and "19" / "19XX".
    const std::string digits = year_.substr(0, year_.find('X'));
    if (digits.size() < 2 || digits.size() > 3 || bc_) return std::nullopt;
    const int span = digits.size() == 3 ? 10 : 100;
    const int first = std::stoi(digits) * span;
    return std::make_pair(ToDays({first, 1, 1}), ToDays({first + span - 1, 12, 31}));
  }
  const int y = *year();
  if (month_ > 0) {
    if (day_ > 0) {
      const int64_t d = ToDays({y, month_, day_});
      return std::make_pair(d, d);
    }
    return std::make_pair(ToDays({y, month_, 1}), ToDays({y, month_, DaysInMonth(y, month_)}));
  }
  if (week_ > 0) {
    const int64_t monday = ToDays(FromIsoWeek(y, week_, 1));
    if (weekday_ > 0) return std::make_pair(monday + weekday_ - 1, monday + weekday_ - 1);
    if (weekend_) return std::make_pair(monday + 5, monday + 6);
    return std::make_pair(monday, monday + 6);
  }
  if (quarter_ > 0) {
    const int m = (quarter_ - 1) * 3 + 1;
    return std::make_pair(ToDays({y, m, 1}), ToDays({y, m + 2, DaysInMonth(y, m + 2)}));
  }
  if (half_ > 0) {
    const int m = half_ == 1 ? 1 : 7;
    return std::make_pair(ToDays({y, m, 1}), ToDays({y, m + 5, DaysInMonth(y, m + 5)}));
  }
  if (month_ == kAbsent && week_ == kAbsent && quarter_ == kAbsent && half_ == kAbsent &&
      season_.empty()) {
    return std::make_pair(ToDays({y, 1, 1}), ToDays({y, 12, 31}));
  }
  return std::nullopt;
}

std::weak_ordering operator<=>(const TimexValue& a, const TimexValue& b) {
  const auto ra = a.DayRange();
  const auto rb = b.DayRange();
  if (ra && rb) {
    if (ra->first != rb->first) return ra->first <=> rb->first;
    if (ra->second != rb->second) return ra->second <=> rb->second;
    return a.text_ <=> b.text_;
  }
  if (ra) return std::weak_ordering::less;
  if (rb) return std::weak_ordering::greater;
  return a.text_ <=> b.text_;
}

}  // namespace dateline
