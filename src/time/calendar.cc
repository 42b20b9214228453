#include "dateline/calendar.h"

#include <algorithm>
#include <limits>

namespace dateline {
namespace {

// Floor division, so that negative day counts map to the right era.
int64_t FloorDiv(int64_t a, int64_t b) { return (a >= 0 ? a : a - (b - 1)) / b; }

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

// Days-from-civil over 400-year eras, with March as the first month of the
// computational year so that the leap day falls at the end.
int64_t ToDays(const CivilDate& d) {
  const int64_t y = static_cast<int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate FromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int Weekday(const CivilDate& date) {
  // 1970-01-01 was a Thursday (4).
  const int64_t w = (ToDays(date) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w) + 1;
}

IsoWeek ToIsoWeek(const CivilDate& date) {
  const int weekday = Weekday(date);
  const CivilDate thursday = AddDays(date, 4 - weekday);
  const int64_t jan1 = ToDays({thursday.year, 1, 1});
  const int week = static_cast<int>((ToDays(thursday) - jan1) / 7 + 1);
  return {thursday.year, week, weekday};
}

CivilDate FromIsoWeek(int year, int week, int weekday) {
  const CivilDate jan4{year, 1, 4};
  const int64_t monday_week1 = ToDays(jan4) - (Weekday(jan4) - 1);
  return FromDays(monday_week1 + int64_t{week - 1} * 7 + (weekday - 1));
}

int IsoWeeksInYear(int year) { return ToIsoWeek({year, 12, 28}).week; }

CivilDate AddDays(const CivilDate& date, int64_t days) { return FromDays(ToDays(date) + days); }

CivilDate AddMonths(const CivilDate& date, int64_t months) {
  // A count from text ("601988071 halves later") can be any size: keep the
  // month index where the year fits an int, far beyond any real date.
  constexpr int64_t kLimit = int64_t{std::numeric_limits<int>::max() / 2} * 12;
  const int64_t start = int64_t{date.year} * 12 + (date.month - 1);
  const int64_t index =
      std::clamp(start + std::clamp(months, -2 * kLimit, 2 * kLimit), -kLimit, kLimit);
  const int year = static_cast<int>(FloorDiv(index, 12));
  const int month = static_cast<int>(index - int64_t{year} * 12) + 1;
  const int last = DaysInMonth(year, month);
  return {year, month, date.day > last ? last : date.day};
}

CivilDate EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

namespace {

// Reads `n` ASCII digits at `pos`; false when any is missing or not a digit.
bool Digits(std::string_view text, size_t pos, size_t n, int& out) {
  if (pos + n > text.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::string Pad(int value, int width) {
  std::string digits = std::to_string(value < 0 ? -static_cast<int64_t>(value) : value);
  if (digits.size() < static_cast<size_t>(width)) digits.insert(0, width - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

}  // namespace

std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  CivilDate d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, d.year) ||
      !Digits(text, 5, 2, d.month) || !Digits(text, 8, 2, d.day) ||
      !IsValidDate(d.year, d.month, d.day)) {
    return std::nullopt;
  }
  return d;
}

std::string FormatCivilDate(const CivilDate& date) {
  return Pad(date.year, 4) + "-" + Pad(date.month, 2) + "-" + Pad(date.day, 2);
}

std::optional<DayTime> ParseDayTime(std::string_view text) {
  DayTime t;
  const auto day = ParseCivilDate(text.substr(0, 10));
  if (!day) return std::nullopt;
  t.date = *day;
  if (text.size() == 10) return t;
  if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' ||
      !Digits(text, 11, 2, t.hour) || !Digits(text, 14, 2, t.minute) || t.hour > 23 ||
      t.minute > 59) {
    return std::nullopt;
  }
  if (text.size() == 16) return t;
  if (text.size() != 19 || text[16] != ':' || !Digits(text, 17, 2, t.second) || t.second > 59) {
    return std::nullopt;
  }
  return t;
}

std::string FormatDayTime(const DayTime& value) {
  std::string out = FormatCivilDate(value.date);
  if (!value.has_time()) return out;
  out += "T" + Pad(value.hour, 2) + ":" + Pad(value.minute, 2);
  if (value.second >= 0) out += ":" + Pad(value.second, 2);
  return out;
}

}  // namespace dateline
