#include "read/date_parse.h"

#include <gtest/gtest.h>

namespace dateline::read {
namespace {

TEST(ParseMachineDate, IsoForms) {
  EXPECT_EQ(ParseMachineDate("2023-02-25"), "2023-02-25");
  EXPECT_EQ(ParseMachineDate("2023-02-25T14:15:00+01:00"), "2023-02-25T14:15:00");
  EXPECT_EQ(ParseMachineDate("2023-03-31 12:29"), "2023-03-31T12:29");
  EXPECT_EQ(ParseMachineDate("20230225"), "2023-02-25");
  EXPECT_EQ(ParseMachineDate("Sat, 25 Feb 2023 14:15:00 GMT"), "2023-02-25T14:15:00");
}

TEST(ParseMachineDate, RejectsImpossibleAndPartialDates) {
  EXPECT_EQ(ParseMachineDate("2023-02-30"), "");
  EXPECT_EQ(ParseMachineDate("2023-02"), "");  // never completed to a day
  EXPECT_EQ(ParseMachineDate("yesterday"), "");
  EXPECT_EQ(ParseMachineDate(""), "");
}

TEST(FindTextDate, FrenchDayFirstWithTime) {
  TextDate d = FindTextDate("Publié le 25/02/2023 à 14:15 par la rédaction");
  EXPECT_EQ(d.value, "2023-02-25T14:15");
  EXPECT_EQ(d.begin, std::string("Publié le ").size());
}

TEST(FindTextDate, MonthNames) {
  EXPECT_EQ(FindTextDate("le 5 avril 2023, à Moscou").value, "2023-04-05");
  EXPECT_EQ(FindTextDate("Posted on February 25, 2023 by").value, "2023-02-25");
  EXPECT_EQ(FindTextDate("am 3. März 2021 um 10:30").value, "2021-03-03T10:30");
  EXPECT_EQ(FindTextDate("1er décembre 2019").value, "2019-12-01");
  EXPECT_EQ(FindTextDate("DÉCEMBRE 2019 sans jour").value, "");
}

TEST(FindTextDate, NumericOrder) {
  EXPECT_EQ(FindTextDate("02/03/2023").value, "2023-03-02");
  EXPECT_EQ(FindTextDate("02/03/2023", NumericOrder::kMonthFirst).value, "2023-02-03");
  EXPECT_EQ(FindTextDate("12/31/2023", NumericOrder::kMonthFirst).value, "2023-12-31");
  EXPECT_EQ(FindTextDate("31/12/2023", NumericOrder::kMonthFirst).value, "2023-12-31");
  EXPECT_EQ(FindTextDate("Date: 2023-03-31 12:29:07").value, "2023-03-31T12:29:07");
  EXPECT_EQ(FindTextDate("10.05.2025 12:17").value, "2025-05-10T12:17");
}

TEST(FindTextDate, IgnoresNumbersThatAreNotDates) {
  EXPECT_EQ(FindTextDate("Prix 12/13/1789 et 45/02/2023").value, "");
  EXPECT_EQ(FindTextDate("no date here").value, "");
}

TEST(FindTextDate, FormsFromTheBrief) {
  EXPECT_EQ(FindTextDate("Publié le 25/02/2023 à 14:15").value, "2023-02-25T14:15");
  EXPECT_EQ(FindTextDate("le 25 février 2023").value, "2023-02-25");
  EXPECT_EQ(FindTextDate("Feb. 25, 2023").value, "2023-02-25");
  EXPECT_EQ(FindTextDate("2023-03-31 12:29:07").value, "2023-03-31T12:29:07");
  EXPECT_EQ(FindTextDate("Mis à jour le 26 février 2023 à 09:02").value, "2023-02-26T09:02");
}

TEST(FindTextDate, SpacedNumericAndRussianMonths) {
  EXPECT_EQ(FindTextDate("Von Deutscher Tennis Bund 4. 2. 2022. Teamchef").value, "2022-02-04");
  EXPECT_EQ(FindTextDate("15 августа 2016, 13:43").value, "2016-08-15T13:43");
  EXPECT_EQ(FindTextDate("Apr 04 2013 Was meinen Sie").value, "2013-04-04");
}

TEST(FindTextDate, TwelveHourClock) {
  EXPECT_EQ(FindTextDate("February 24, 2020 | 9:25pm").value, "2020-02-24T21:25");
  EXPECT_EQ(FindTextDate("January 19, 2020 / 12:25 PM").value, "2020-01-19T12:25");
  EXPECT_EQ(FindTextDate("March 2, 2021 at 12:10 a.m.").value, "2021-03-02T00:10");
  EXPECT_EQ(FindTextDate("Mar 12, 2020 @ 10:42 am").value, "2020-03-12T10:42");
}

TEST(FindTextDate, TwoDigitYearsOnlyOnRequest) {
  constexpr auto kDay = NumericOrder::kDayFirst;
  constexpr auto kShort = YearDigits::kFourOrTwo;
  EXPECT_EQ(FindTextDate("macbacchi 28.09.19 12:44 hallo").value, "");
  EXPECT_EQ(FindTextDate("macbacchi 28.09.19 12:44 hallo", kDay, kShort).value, "2019-09-28T12:44");
  EXPECT_EQ(FindTextDate("von Klaus-Peter Schöppner , 8.5.12", kDay, kShort).value, "2012-05-08");
  EXPECT_EQ(FindTextDate("In the media 02.12.19 What's on", kDay, kShort).value, "2019-12-02");
  EXPECT_EQ(FindTextDate("posted 12/31/98", NumericOrder::kMonthFirst, kShort).value, "1998-12-31");
  // A four-digit year still wins where both readings start.
  EXPECT_EQ(FindTextDate("28.09.2019", kDay, kShort).value, "2019-09-28");
  // Versions, addresses and years outside 1990..2039 are no dates.
  EXPECT_EQ(FindTextDate("version 1.2.12.4 and 10.0.3.12", kDay, kShort).value, "");
  EXPECT_EQ(FindTextDate("score 3.4.55", kDay, kShort).value, "");
  EXPECT_EQ(FindTextDate("31.02.21", kDay, kShort).value, "");
}

TEST(DateFromPath, Forms) {
  EXPECT_EQ(DateFromPath("https://x.org/2023/02/25/story"), "2023-02-25");
  EXPECT_EQ(DateFromPath("https://x.org/news/2023-02-25-story.html"), "2023-02-25");
  EXPECT_EQ(DateFromPath("/archive/20230225/a.html"), "2023-02-25");
  EXPECT_EQ(DateFromPath("https://x.org/2023/02/story"), "");
  EXPECT_EQ(DateFromPath("https://x.org/item/123456789"), "");
}

}  // namespace
}  // namespace dateline::read
