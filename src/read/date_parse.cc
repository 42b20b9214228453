#include "read/date_parse.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/timex.h"

namespace dateline::read {
namespace {

using Piece = re2::StringPiece;

Piece P(std::string_view s) { return Piece(s.data(), s.size()); }

// The month of a name as matched (any case); the lexicon holds lower case.
int MonthFromName(const Lexicon& lexicon, Piece piece) {
  std::string_view word(piece.data(), piece.size());
  std::string lower;
  for (char c : word) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  // Upper-case accented letters (É, Ä) lower-case by +0x20 on their second byte.
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    if (static_cast<unsigned char>(lower[i]) == 0xC3 &&
        static_cast<unsigned char>(lower[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(lower[i + 1]) <= 0x9E) {
      lower[i + 1] = static_cast<char>(lower[i + 1] + 0x20);
    }
  }
  return lexicon.Month(lower);
}

// The lexicon's month names as an alternation, longest first (so that
// "sept" wins over "sep" and "juillet" over "juil").
std::string MonthAlternation(const Lexicon& lexicon) {
  std::string out;
  for (const std::string& n : lexicon.month_names()) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

}  // namespace

std::string TextDatePattern(const Lexicon& lexicon) {
  const std::string months = MonthAlternation(lexicon);
  return
      // 1-3: 25 février 2023, 25. Februar 2023, 25 de febrero de 2023
      "(?i)\\b(\\d{1,2})(?:er|st|nd|rd|th|\\.|º)?\\s*(?:de\\s+)?(" + months +
      ")\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b"
      // 4-6: February 25, 2023
      "|\\b(" +
      months +
      ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
      // 7-9: 2023-02-25, 2023/02/25, 2023.02.25
      "|\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b"
      // 10-12: 25/02/2023, 25.02.2023, 25-02-2023, 4. 2. 2022
      "|\\b(\\d{1,2})(?:[./-]|\\.\\s)(\\d{1,2})(?:[./-]|\\.\\s)(\\d{4})\\b"
      // 13-15, 16-18: 25.02.23, 25/02/23 (two-digit years, on request)
      "|\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})\\b|\\b(\\d{1,2})/(\\d{1,2})/(\\d{2})\\b";
}

namespace {

// Formats a validated TIMEX3 value; "" when the fields make no valid date.
std::string FormatDate(int year, int month, int day, int hour = -1, int minute = -1,
                       int second = -1) {
  if (year < 1900 || year > 2099 || !IsValidDate(year, month, day)) return "";
  DayTime t{{year, month, day}};
  if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59) {
    t.hour = hour, t.minute = minute;
    if (second >= 0 && second <= 59) t.second = second;
  }
  std::string value = FormatDayTime(t);
  return TimexValue::IsValid(value) ? value : "";
}

int ToInt(Piece p) {
  std::string_view s(p.data(), p.size());
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

// The patterns that hold no month names, compiled once.
struct Patterns {
  RE2 iso;       // 2023-02-25[T ]14:15[:07]
  RE2 compact;   // 20230225
  RE2 rfc;       // Sat, 25 Feb 2023 14:15:00
  RE2 time;      // a time right after a date
  RE2 path_ymd;  // /2023/02/25/ or 2023-02-25 in a path
  RE2 path_compact;

  Patterns()
      : iso(R"((\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?)"),
        compact(R"(^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?)"),
        rfc(R"((\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?)"),
        time(
            R"(^(?:\s*(?:à|a|at|um|om|alle|às|,|-|–|\||/|@|T)\s*|\s+)(\d{1,2})(?:[:h](\d{2}))(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\b)?)"),
        path_ymd(R"((?:^|[/_.-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:$|[/_.-]|[^\d]))"),
        path_compact(R"((?:^|[/_.-])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[/_.-]))") {}
};

const Patterns& Pat() {
  static const Patterns* p = new Patterns();
  return *p;
}

}  // namespace

std::string ParseMachineDate(std::string_view s, const Lexicon& lexicon) {
  const Patterns& p = Pat();
  Piece y, mo, d, h, mi, se;
  if (RE2::PartialMatch(P(s), p.iso, &y, &mo, &d, &h, &mi, &se)) {
    return FormatDate(ToInt(y), ToInt(mo), ToInt(d), h.empty() ? -1 : ToInt(h),
                      mi.empty() ? -1 : ToInt(mi), se.empty() ? -1 : ToInt(se));
  }
  if (RE2::PartialMatch(P(s), p.compact, &y, &mo, &d, &h, &mi, &se)) {
    return FormatDate(ToInt(y), ToInt(mo), ToInt(d), h.empty() ? -1 : ToInt(h),
                      mi.empty() ? -1 : ToInt(mi), se.empty() ? -1 : ToInt(se));
  }
  Piece mon;
  if (RE2::PartialMatch(P(s), p.rfc, &d, &mon, &y, &h, &mi, &se)) {
    int month = MonthFromName(lexicon, mon);
    if (month > 0) {
      return FormatDate(ToInt(y), month, ToInt(d), h.empty() ? -1 : ToInt(h),
                        mi.empty() ? -1 : ToInt(mi), se.empty() ? -1 : ToInt(se));
    }
  }
  return FindTextDate(s, NumericOrder::kDayFirst, YearDigits::kFour, lexicon).value;
}

namespace {

// A two-digit year in a date; 90-99 are the 1990s, the rest this century.
int ExpandYear(int yy) { return yy < 0 ? -1 : yy >= 90 ? 1900 + yy : 2000 + yy; }

// True when a short-year match at [begin, end) of `text` is part of a longer
// number run (a version "1.2.12.4", an address "10.0.3.12").
bool InNumberRun(std::string_view text, size_t begin, size_t end) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  if (begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == '/' || text[begin - 1] == ',')) {
    return true;
  }
  if (end < text.size() && (text[end] == '.' || text[end] == '/' || text[end] == ',') &&
      digit(end + 1)) {
    return true;
  }
  return false;
}

// Day and month from two numbers written in either order.
void OrderDayMonth(int a, int b, NumericOrder order, int& day, int& month) {
  bool month_first = order == NumericOrder::kMonthFirst ? a <= 12 || b > 12 : a <= 12 && b > 12;
  month = month_first ? a : b;
  day = month_first ? b : a;
}

}  // namespace

TextDate FindTextDate(std::string_view text, NumericOrder order, YearDigits years,
                      const Lexicon& lexicon) {
  const Patterns& p = Pat();
  TextDate result;
  std::string_view rest = text;
  Piece g[18];
  while (!rest.empty()) {
    if (!RE2::PartialMatch(P(rest), lexicon.text_dates(), &g[0], &g[1], &g[2], &g[3], &g[4], &g[5],
                           &g[6], &g[7], &g[8], &g[9], &g[10], &g[11], &g[12], &g[13], &g[14],
                           &g[15], &g[16], &g[17])) {
      return result;
    }
    // Find the whole match: the first non-empty group starts it.
    const char* begin = nullptr;
    const char* end = nullptr;
    for (auto& s : g) {
      if (s.data() == nullptr) continue;
      if (!begin || s.data() < begin) begin = s.data();
      if (!end || s.data() + s.size() > end) end = s.data() + s.size();
    }
    int year = -1, month = -1, day = -1;
    if (!g[0].empty()) {
      day = ToInt(g[0]), month = MonthFromName(lexicon, g[1]), year = ToInt(g[2]);
    } else if (!g[3].empty()) {
      month = MonthFromName(lexicon, g[3]), day = ToInt(g[4]), year = ToInt(g[5]);
    } else if (!g[6].empty()) {
      year = ToInt(g[6]), month = ToInt(g[7]), day = ToInt(g[8]);
    } else if (!g[9].empty()) {
      OrderDayMonth(ToInt(g[9]), ToInt(g[10]), order, day, month);
      year = ToInt(g[11]);
    } else if (years == YearDigits::kFourOrTwo && begin != nullptr &&
               !InNumberRun(text, begin - text.data(), end - text.data())) {
      const Piece* s = !g[12].empty() ? &g[12] : &g[15];
      OrderDayMonth(ToInt(s[0]), ToInt(s[1]), order, day, month);
      year = ExpandYear(ToInt(s[2]));
    }
    if (year >= 1990 && year <= 2039 && begin != nullptr) {
      std::string_view after = text.substr(end - text.data());
      Piece h, mi, se, half;
      int hour = -1, minute = -1, second = -1;
      size_t consumed = 0;
      std::string_view probe = after.substr(0, std::min<size_t>(after.size(), 24));
      Piece probe_copy = P(probe);
      if (RE2::Consume(&probe_copy, p.time, &h, &mi, &se, &half)) {
        hour = ToInt(h), minute = ToInt(mi), second = se.empty() ? -1 : ToInt(se);
        consumed = probe.size() - probe_copy.size();
        // 12-hour clock: "9:25pm" is 21:25, "12:10 am" is 00:10.
        if (!half.empty() && hour >= 1 && hour <= 12) {
          bool pm = half[0] == 'p' || half[0] == 'P';
          hour = (hour % 12) + (pm ? 12 : 0);
        } else if (!half.empty()) {
          hour = -1;
        }
      }
      std::string value = FormatDate(year, month, day, hour, minute, second);
      if (value.empty() && hour >= 0) value = FormatDate(year, month, day);
      if (!value.empty()) {
        result.value = value;
        result.begin = begin - text.data();
        result.end = (end - text.data()) + consumed;
        return result;
      }
    }
    rest = text.substr(end - text.data());
  }
  return result;
}

std::string DateFromPath(std::string_view path) {
  const Patterns& p = Pat();
  Piece y, m, d;
  if (RE2::PartialMatch(P(path), p.path_ymd, &y, &m, &d) ||
      RE2::PartialMatch(P(path), p.path_compact, &y, &m, &d)) {
    return FormatDate(ToInt(y), ToInt(m), ToInt(d));
  }
  return "";
}

}  // namespace dateline::read
