// Civil (proleptic Gregorian) calendar arithmetic.
//
// Days are counted from 1970-01-01 (day 0), which makes every shift a plain
// integer addition. Years may be zero or negative (astronomical numbering:
// year 0 is 1 BC). All functions are pure and thread-safe.
#ifndef DATELINE_CALENDAR_H_
#define DATELINE_CALENDAR_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// ISO 8601 week date: the week belongs to the year that holds its Thursday.
struct IsoWeek {
  int year = 1970;
  int week = 1;     // 1..53
  int weekday = 1;  // 1 = Monday .. 7 = Sunday
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// True when month and day are in range for the year.
bool IsValidDate(int year, int month, int day);

int64_t ToDays(const CivilDate& date);
CivilDate FromDays(int64_t days);

// 1 = Monday .. 7 = Sunday.
int Weekday(const CivilDate& date);

IsoWeek ToIsoWeek(const CivilDate& date);
// The date of `weekday` (1..7) in ISO week `week` of ISO year `year`.
CivilDate FromIsoWeek(int year, int week, int weekday);
// Number of ISO weeks (52 or 53) in an ISO year.
int IsoWeeksInYear(int year);

CivilDate AddDays(const CivilDate& date, int64_t days);
// Adds months; the day is clamped to the end of the target month
// (2023-01-31 + 1 month = 2023-02-28). Any count is accepted: the year
// saturates at +-(INT_MAX / 2) so that it stays an int.
CivilDate AddMonths(const CivilDate& date, int64_t months);

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
CivilDate EasterSunday(int year);

// Dates cross dateline's stages as these values; text appears only at the
// edges (command-line flags, output writers, the store's SQL), through the
// one parser and the one formatter below.

// "YYYY-MM-DD" for years 0..9999; nullopt for anything else or an invalid
// date.
std::optional<CivilDate> ParseCivilDate(std::string_view text);
// "YYYY-MM-DD" (years outside 0..9999 are written with as many digits as
// they need and a sign when negative).
std::string FormatCivilDate(const CivilDate& date);

// A day, optionally with a time of day to the minute or to the second: a
// publication date, a document creation time (DCT).
struct DayTime {
  CivilDate date;
  int hour = -1;    // 0..23; -1 when only the day is known
  int minute = 0;   // 0..59
  int second = -1;  // 0..59; -1 when the time is known to the minute

  bool has_time() const { return hour >= 0; }
  friend bool operator==(const DayTime&, const DayTime&) = default;
};

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a space
// may replace the T). Returns nullopt for anything else or an invalid date
// or time.
std::optional<DayTime> ParseDayTime(std::string_view text);
// The inverse of ParseDayTime: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or
// "YYYY-MM-DDTHH:MM:SS" by precision.
std::string FormatDayTime(const DayTime& value);

}  // namespace dateline

#endif  // DATELINE_CALENDAR_H_
