// The tagger's intermediate form of an expression: what the text says, before
// it is anchored to a date (stage 1 of normalisation). "samedi" is
// {weekday 6, direction from tense}; "la semaine prochaine" is {shift week
// +1}; "le 28 février" is {month 2, day 28, year unknown}.
#ifndef DATELINE_TAGGER_PARTIAL_H_
#define DATELINE_TAGGER_PARTIAL_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "dateline/timex.h"

namespace dateline {

enum class Unit {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kWeekend,
  kMonth,
  kQuarter,
  kHalf,
  kSeason,
  kYear,
  kDecade,
  kCentury,
  kContext,  // as a granularity: that of the last date mentioned ("a year ago" -> 1988-Q3)
  kAnchor,   // the same, and the value becomes the last date mentioned ("a year later")
};
// Parses "day", "week", ...; kNone for anything else.
Unit ParseUnit(std::string_view name);

// Which way an expression without a year or an explicit shift points.
enum class Direction {
  kAuto,        // decide from tense cues, else the nearest
  kPast,        // on or before the anchor ("samedi" in "a annoncé samedi")
  kFuture,      // on or after the anchor
  kLast,        // strictly before ("lundi dernier")
  kNext,        // strictly after ("lundi prochain")
  kAutoPast,    // tense cues, else kPast
  kAutoFuture,  // tense cues, else kFuture
  kSame,        // the anchor's own year or month, no shift (narratives)
};
Direction ParseDirection(std::string_view name, bool* ok);

// The tense found around an expression by the language's cue patterns.
// kIntent is a future told as an intention, a plan or a forecast ("would",
// "planned to"): ahead of the anchor like kFuture, and in narratives a
// written year under it looks ahead from the story without moving it.
enum class Tense { kNone, kPast, kPresent, kFuture, kIntent };
// The name of a tense in rule files ("cue:past") and reports: past,
// present, future, intent or none.
const char* TenseName(Tense tense);
// The tense named `name`; sets *ok to false (and returns kNone) for a name
// TenseName never gives.
Tense ParseTense(std::string_view name, bool* ok);

struct Partial {
  static constexpr int kUnset = -1000000;

  size_t begin = 0;  // byte span in the original text
  size_t end = 0;
  TimexType type = TimexType::kDate;
  bool type_given = false;
  std::string_view rule;  // the rule's name, owned by its RuleSet

  std::string value;  // a complete value given by the rule; anchoring leaves it

  int year = kUnset, month = kUnset, day = kUnset;
  int week = kUnset, weekday = kUnset, quarter = kUnset, half = kUnset;
  int decade = kUnset;   // 196 for the 1960s
  int century = kUnset;  // 18 for the 19th century
  std::string season;    // SP SU FA WI
  bool weekend = false;
  int hour = kUnset, minute = kUnset, second = kUnset;
  std::string part_of_day;  // MO AF EV NI
  int pm = -1;              // 1 "pm", 0 "am", -1 neither

  Unit shift_unit = Unit::kNone;
  int shift = 0;
  Unit granularity = Unit::kNone;
  Direction direction = Direction::kAuto;
  Tense tense = Tense::kNone;
  bool from_reference = false;  // anchored on the last date mentioned, not the DCT
  bool aside = false;           // emitted but not remembered as the last date mentioned
  int easter = kUnset;          // days after Easter Sunday (Pentecost is 49)
  int nth = kUnset;             // with weekday and month: the nth such day (-1: the last)
  // Sentence ends ('.', '!' or '?' before a blank, or a line end) between the
  // previous partial of the scan (or the start of the text scanned) and this one.
  int sentence_breaks = 0;
  int clause_breaks = 0;        // the same for ',', ';', ':' and sentence ends
  int comma_breaks = 0;         // the same for ',' alone
  bool opens_sentence = false;  // at most two words precede it in its sentence

  std::string mod, quant, freq;

  bool HasDateField() const {
    return year != kUnset || month != kUnset || day != kUnset || week != kUnset ||
           weekday != kUnset || quarter != kUnset || half != kUnset || decade != kUnset ||
           century != kUnset || !season.empty() || weekend || easter != kUnset;
  }
  bool HasTimeField() const { return hour != kUnset || !part_of_day.empty(); }
};

}  // namespace dateline

#endif  // DATELINE_TAGGER_PARTIAL_H_
