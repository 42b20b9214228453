#include "dateline/timex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace dateline {
namespace {

TEST(TimexTest, AcceptsTheValueGrammar) {
  for (const char* v : {"2023-02-25",
                        "2023-02",
                        "2023",
                        "196",
                        "196X",
                        "19",
                        "19XX",
                        "XXXX",
                        "XXXX-XX-XX",
                        "XXXX-12-22",
                        "2023-W09",
                        "2023-W09-WE",
                        "XXXX-WXX-1",
                        "2001-W9",
                        "2023-Q1",
                        "XXXX-QX",
                        "2023-H2",
                        "2023-SU",
                        "1915-WI",
                        "BC0490-WI",
                        "XXXX-WI",
                        "BC0490",
                        "BC490",
                        "BC0044-03-15",
                        "2023-02-24TEV",
                        "XXXX-XX-XXT07:33",
                        "2023-02-25T14:15",
                        "1998-03-03T09:55:00",
                        "2023-02-25T14:15-05",
                        "2023-02-25T14:15Z",
                        "P3D",
                        "PT30.4S",
                        "PT24H",
                        "P1DE",
                        "PXY",
                        "PXX",
                        "P2Y6M",
                        "P1W",
                        "PT1H30M",
                        "P1.5Y",
                        "PRESENT_REF",
                        "PAST_REF",
                        "FUTURE_REF",
                        "2023-02-XX"}) {
    EXPECT_TRUE(TimexValue::IsValid(v)) << v;
  }
}

TEST(TimexTest, RejectsWhatHeidelTimeSometimesEmits) {
  for (const char* v : {"",
                        "2014-MINUS-deux",
                        "2023-13",
                        "2023-02-30",
                        "2023-00-10",
                        "2023-W54",
                        "2023-Q5",
                        "2023-H3",
                        "2023-XY",
                        "P",
                        "PT",
                        "P3",
                        "P3X",
                        "PT30,4S",
                        "1X9X",
                        "2023-02-25T25:00",
                        "2023-02-25TXY",
                        "2023T10:00",
                        "2023-02-25T",
                        "present_ref",
                        "2023-02-25 "}) {
    EXPECT_FALSE(TimexValue::IsValid(v)) << v;
  }
  EXPECT_FALSE(TimexValue::IsValid("2023-02-29"));
  EXPECT_TRUE(TimexValue::IsValid("2024-02-29"));
}

TEST(TimexTest, ExposesFields) {
  auto v = TimexValue::Parse("2023-02-24TEV");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->year(), 2023);
  EXPECT_EQ(v->month(), 2);
  EXPECT_EQ(v->day(), 24);
  EXPECT_TRUE(v->has_time());
  EXPECT_EQ(v->part_of_day(), "EV");
  auto bc = TimexValue::Parse("BC0044");
  ASSERT_TRUE(bc);
  EXPECT_EQ(bc->year(), -43);
  auto week = TimexValue::Parse("XXXX-WXX-1");
  ASSERT_TRUE(week);
  EXPECT_EQ(week->week(), TimexValue::kUnknown);
  EXPECT_EQ(week->weekday(), 1);
  EXPECT_EQ(week->year(), std::nullopt);
  EXPECT_EQ(TimexValue::Parse("P3D")->kind(), TimexValue::Kind::kDuration);
  EXPECT_EQ(TimexValue::Parse("PAST_REF")->kind(), TimexValue::Kind::kReference);
}

TEST(TimexTest, BuildersFormatCanonically) {
  EXPECT_EQ(TimexValue::Day({2023, 3, 5}).ToString(), "2023-03-05");
  EXPECT_EQ(TimexValue::Month(1999, 12).ToString(), "1999-12");
  EXPECT_EQ(TimexValue::Year(812).ToString(), "0812");
}

TEST(TimexTest, OrdersChronologically) {
  std::vector<TimexValue> values;
  for (const char* v : {"2023-03", "2023-02-25", "196", "2023", "2023-W08", "PRESENT_REF"}) {
    values.push_back(*TimexValue::Parse(v));
  }
  std::sort(values.begin(), values.end());
  std::vector<std::string> order;
  for (const auto& v : values) order.push_back(v.ToString());
  EXPECT_EQ(order, (std::vector<std::string>{"196", "2023", "2023-W08", "2023-02-25", "2023-03",
                                             "PRESENT_REF"}));
}

TEST(TimexTest, DayRanges) {
  auto r = TimexValue::Parse("2023-02")->DayRange();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->second - r->first, 27);
  r = TimexValue::Parse("2023-W09")->DayRange();
  ASSERT_TRUE(r);
  EXPECT_EQ(FromDays(r->first), (CivilDate{2023, 2, 27}));
  EXPECT_FALSE(TimexValue::Parse("XXXX-02")->DayRange());
}

TEST(TimexTest, Mods) {
  EXPECT_TRUE(IsValidTimexMod("START"));
  EXPECT_TRUE(IsValidTimexMod("EQUAL_OR_MORE"));
  EXPECT_FALSE(IsValidTimexMod("start"));
  EXPECT_FALSE(IsValidTimexMod(""));
}

}  // namespace
}  // namespace dateline
