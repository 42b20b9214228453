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
  EXPECT_EQ(FindTextDate("Date: 2023-03-31 12:29:07").value, "2023-03-31T12:29:07");
  EXPECT_EQ(FindTextDate("10.05.2025 12:17").value, "2025-05-10T12:17");
}

TEST(FindTextDate, IgnoresNumbersThatAreNotDates) {
  EXPECT_EQ(FindTextDate("Prix 12/13/1789 et 45/02/2023").value, "");
  EXPECT_EQ(FindTextDate("no date here").value, "");
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
