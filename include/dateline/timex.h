// TIMEX3 values: parsing, validation, formatting and ordering.
//
// The grammar is the TimeML TIMEX3 `value` attribute as used in TimeBank,
// French TimeBank and WikiWars:
//
//   point     := [BC] year [ "-" month [ "-" day ] | "-W" week [ "-" weekday | "-WE" ]
//                          | "-Q" q | "-H" h | "-" season ] [ "T" time ]
//   year      := 2 chars (century "19"), 3 (decade "196") or 4 ("1999"),
//                digits or X ("19XX", "196X", "XXXX")
//   month/day/week := two digits or "XX";  weekday := 1..7 or X
//   season    := SP | SU | FA | WI;  q := 1..4 | X;  h := 1..2 | X
//   time      := hh [":" mm [":" ss]] [zone] | MO | MI | AF | EV | NI | DT,
//                hh/mm/ss may be XX
//   duration  := "P" ( n unit )+ [ "T" ( n unit )+ ] with date units Y M W D Q
//                DE CE ML (X: unknown unit) and time units H M S; n is a number (decimal comma
//                not allowed, "30.4") or X
//   reference := PRESENT_REF | PAST_REF | FUTURE_REF
//
// A TimexValue always holds a value that passed this grammar and whose known
// fields are in range (month 1..12, day valid for its month when the year is
// known, week 1..53, hour 0..24, ...).
#ifndef DATELINE_TIMEX_H_
#define DATELINE_TIMEX_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/calendar.h"

namespace dateline {

enum class TimexType { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", "TIME", ...
std::optional<TimexType> ParseTimexType(std::string_view name);

class TimexValue {
 public:
  enum class Kind { kPoint, kDuration, kReference };
  static constexpr int kAbsent = -2;   // the field is not part of the value
  static constexpr int kUnknown = -1;  // the field is present as X

  // Returns nullopt when `text` is not a valid TIMEX3 value.
  static std::optional<TimexValue> Parse(std::string_view text);
  static bool IsValid(std::string_view text) { return Parse(text).has_value(); }

  // Builders for fully specified points.
  static TimexValue Day(const CivilDate& date);
  static TimexValue Month(int year, int month);
  static TimexValue Year(int year);

  // The canonical text; Parse(ToString()) == *this.
  const std::string& ToString() const { return text_; }

  Kind kind() const { return kind_; }
  bool is_bc() const { return bc_; }
  // Year digits as written ("2023", "196X", "19"); empty for durations.
  const std::string& year_text() const { return year_; }
  // The year as a signed number (BC 44 is -43) when all four digits are known.
  std::optional<int> year() const;
  int month() const { return month_; }
  int day() const { return day_; }
  int week() const { return week_; }
  int weekday() const { return weekday_; }
  int quarter() const { return quarter_; }
  int half() const { return half_; }
  const std::string& season() const { return season_; }  // "SU" or empty
  bool weekend() const { return weekend_; }
  bool has_time() const { return has_time_; }
  int hour() const { return hour_; }
  int minute() const { return minute_; }
  int second() const { return second_; }
  const std::string& part_of_day() const { return part_of_day_; }  // "EV" or empty

  // The calendar date for a fully known year-month-day point.
  std::optional<CivilDate> date() const;
  // The first and last day the point covers, when its year is known
  // (a month covers its days, a decade ten years, ...).
  std::optional<std::pair<int64_t, int64_t>> DayRange() const;

  // Chronological order for points whose DayRange is known (earlier start
  // first, then the shorter span); others order after them by text.
  friend std::weak_ordering operator<=>(const TimexValue& a, const TimexValue& b);
  friend bool operator==(const TimexValue& a, const TimexValue& b) { return a.text_ == b.text_; }

 private:
  TimexValue() = default;
  bool ParsePoint(std::string_view s);
  bool ParseDuration(std::string_view s);
  bool ParseTime(std::string_view s);

  std::string text_;
  Kind kind_ = Kind::kPoint;
  bool bc_ = false;
  std::string year_;
  int month_ = kAbsent, day_ = kAbsent, week_ = kAbsent, weekday_ = kAbsent;
  int quarter_ = kAbsent, half_ = kAbsent;
  std::string season_;
  bool weekend_ = false;
  bool has_time_ = false;
  int hour_ = kAbsent, minute_ = kAbsent, second_ = kAbsent;
  std::string part_of_day_;
};

// Validates the `mod` attribute (START, END, MID, APPROX, BEFORE, AFTER,
// ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS,
// EQUAL_OR_MORE).
bool IsValidTimexMod(std::string_view mod);

}  // namespace dateline

#endif  // DATELINE_TIMEX_H_
