// Dates as pages write them: machine forms in metadata ("2023-02-25T14:15:00
// +01:00"), dates in URLs ("/2023/02/25/") and dates in visible text
// ("Publié le 25/02/2023 à 14:15", "February 25, 2023", "25. Februar 2023").
// Every result is a TIMEX3 value of day or minute precision that passed
// TimexValue validation; a partial date (no day) is never completed.
#ifndef DATELINE_READ_DATE_PARSE_H_
#define DATELINE_READ_DATE_PARSE_H_

#include <string>
#include <string_view>

#include "read/lexicon.h"

namespace dateline::read {

// Parses a machine-readable date: ISO 8601 ("2023-02-25", "2023-02-25T14:15",
// "2023-02-25 14:15:07+01:00", "20230225"), RFC 822 ("Sat, 25 Feb 2023
// 14:15:00 GMT") and, as a fallback, the first textual date in `s`. The time
// of day is kept as written (no zone shift). Returns "" when none.
std::string ParseMachineDate(std::string_view s, const Lexicon& lexicon = Lexicon::BuiltIn());

// Order of day and month in numeric dates such as 02/03/2023.
enum class NumericOrder { kDayFirst, kMonthFirst };

struct TextDate {
  std::string value;  // TIMEX3, "" when nothing was found
  size_t begin = 0;   // byte span of the match in the searched text
  size_t end = 0;
};

// Whether numeric dates may have two-digit years ("28.09.19", "02/12/19").
// Such years read as 1990..2039. Off by default: "1.5.12" is as often a
// version or a score, so callers enable it where a date is expected (a
// byline, a line next to the title).
enum class YearDigits { kFour, kFourOrTwo };

// Finds the first full date (day, month, year) written in `text`, with its
// time when one follows ("à 14:15", "12:29:07", "| 9:25pm"). Years must be
// 1990..2039 to keep numbers such as prices out.
TextDate FindTextDate(std::string_view text, NumericOrder order = NumericOrder::kDayFirst,
                      YearDigits years = YearDigits::kFour,
                      const Lexicon& lexicon = Lexicon::BuiltIn());

// The RE2 source of the textual date forms FindTextDate reads, with the
// lexicon's month names (the Lexicon compiles it once).
std::string TextDatePattern(const Lexicon& lexicon);

// A date in a URL or file path: "/2023/02/25/", "/2023-02-25-", "20230225".
// Returns "" when the path holds no full date.
std::string DateFromPath(std::string_view path);

}  // namespace dateline::read

#endif  // DATELINE_READ_DATE_PARSE_H_
