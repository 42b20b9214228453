#include "dateline/calendar.h"

#include <gtest/gtest.h>

#include <limits>

namespace dateline {
namespace {

TEST(CalendarTest, DaysRoundTripAcrossEras) {
  for (int64_t d = -800000; d <= 800000; d += 997) {
    EXPECT_EQ(ToDays(FromDays(d)), d) << d;
  }
  EXPECT_EQ(ToDays({1970, 1, 1}), 0);
  EXPECT_EQ(ToDays({2000, 3, 1}), 11017);
  EXPECT_EQ(FromDays(-1), (CivilDate{1969, 12, 31}));
}

TEST(CalendarTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 13, 1));
}

TEST(CalendarTest, Weekdays) {
  EXPECT_EQ(Weekday({2023, 2, 25}), 6);  // a Saturday
  EXPECT_EQ(Weekday({2023, 4, 5}), 3);   // a Wednesday
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);
}

TEST(CalendarTest, IsoWeeks) {
  IsoWeek w = ToIsoWeek({2023, 2, 25});
  EXPECT_EQ(w.year, 2023);
  EXPECT_EQ(w.week, 8);
  w = ToIsoWeek({2021, 1, 3});  // Sunday of the last week of 2020
  EXPECT_EQ(w.year, 2020);
  EXPECT_EQ(w.week, 53);
  w = ToIsoWeek({2024, 12, 30});  // Monday of week 1 of 2025
  EXPECT_EQ(w.year, 2025);
  EXPECT_EQ(w.week, 1);
  EXPECT_EQ(FromIsoWeek(2023, 9, 1), (CivilDate{2023, 2, 27}));
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeeksInYear(2023), 52);
}

// Counts come from text and can be any size: a huge one saturates the year
// instead of overflowing (UBSan found "601988071 halves" overflowing an int).
TEST(CalendarTest, AddMonthsSaturatesOnHugeCounts) {
  const CivilDate up = AddMonths({2020, 3, 31}, int64_t{6} * 601988071);
  EXPECT_EQ(up, (CivilDate{2020 + 601988071 / 2, 9, 30}));  // half-years: fits an int
  const CivilDate far = AddMonths({2020, 3, 31}, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(far.year, std::numeric_limits<int>::max() / 2);
  const CivilDate back = AddMonths({2020, 3, 31}, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(back.year, -(std::numeric_limits<int>::max() / 2));
  EXPECT_GE(far.month, 1);
  EXPECT_LE(far.month, 12);
}

TEST(CalendarTest, AddMonthsClampsDay) {
  EXPECT_EQ(AddMonths({2023, 1, 31}, 1), (CivilDate{2023, 2, 28}));
  EXPECT_EQ(AddMonths({2023, 1, 15}, -1), (CivilDate{2022, 12, 15}));
  EXPECT_EQ(AddMonths({2023, 3, 31}, -13), (CivilDate{2022, 2, 28}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (CivilDate{2023, 3, 1}));
}

TEST(CalendarTest, Easter) {
  EXPECT_EQ(EasterSunday(2023), (CivilDate{2023, 4, 9}));
  EXPECT_EQ(EasterSunday(2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(EasterSunday(1999), (CivilDate{1999, 4, 4}));
}

}  // namespace
}  // namespace dateline
