// Tests of the shipped English rules (rules/en/), through the built-in
// tagger: each case is a sentence, a DCT and the expressions expected in it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dateline/tagger.h"

namespace dateline {
namespace {

struct Expected {
  std::string text;
  std::string type;
  std::string value;
  std::string mod = "";
};

class RulesEnTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { tagger_ = Tagger::Create().release(); }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }

  // Tags `text` as English with the given DCT ("" for none) and mode.
  static std::vector<TimeExpression> Tag(const std::string& text, const std::string& dct,
                                         AnchorMode mode = AnchorMode::kNews) {
    TagOptions options;
    options.language = "en";
    if (!dct.empty()) options.dct = ParseDayTime(dct);
    options.mode = mode;
    return *tagger_->Tag(text, options);
  }

  // Checks that `text` yields exactly `expected`, in order.
  static void Check(const std::string& text, const std::string& dct,
                    const std::vector<Expected>& expected, AnchorMode mode = AnchorMode::kNews) {
    SCOPED_TRACE(text);
    const std::vector<TimeExpression> got = Tag(text, dct, mode);
    ASSERT_EQ(got.size(), expected.size()) << Describe(text, got);
    for (size_t i = 0; i < got.size(); ++i) {
      const TimeExpression& e = got[i];
      EXPECT_EQ(text.substr(e.begin, e.end - e.begin), expected[i].text) << "expression " << i;
      EXPECT_EQ(TimexTypeName(e.type), expected[i].type) << expected[i].text;
      EXPECT_EQ(e.value, expected[i].value) << expected[i].text;
      EXPECT_EQ(e.mod, expected[i].mod) << expected[i].text;
    }
  }

  static std::string Describe(const std::string& text, const std::vector<TimeExpression>& got) {
    std::string out = "got:";
    for (const TimeExpression& e : got) {
      out += " [" + text.substr(e.begin, e.end - e.begin) + "=" + e.value + "]";
    }
    return out;
  }

  static Tagger* tagger_;
};

Tagger* RulesEnTest::tagger_ = nullptr;

TEST_F(RulesEnTest, ExplicitDatesInWords) {
  Check("The blasts of Friday, Aug. 7, 1998 killed 257 people.", "1998-08-10",
        {{"Friday, Aug. 7, 1998", "DATE", "1998-08-07"}});
  Check("He was born on 29 September 1791 in Paris.", "2020-01-01",
        {{"29 September 1791", "DATE", "1791-09-29"}});
  Check("The treaty was signed on the 15th of March, 1921.", "2020-01-01",
        {{"the 15th of March, 1921", "DATE", "1921-03-15"}});
  Check("It opened in November 1940 and closed in May 1941.", "2020-01-01",
        {{"November 1940", "DATE", "1940-11"}, {"May 1941", "DATE", "1941-05"}});
}

TEST_F(RulesEnTest, NumericDates) {
  Check("Filed 08/07/1998, amended 1998-09-01.", "1998-10-01",
        {{"08/07/1998", "DATE", "1998-08-07"}, {"1998-09-01", "DATE", "1998-09-01"}});
  Check("Posted 3/4/99.", "1999-05-01", {{"3/4/99", "DATE", "1999-03-04"}});
}

TEST_F(RulesEnTest, MayIsAMonthOnlyInContext) {
  Check("Prices may rise, the board said.", "1999-02-01", {});
  Check("The vote is on May 5 and talks begin in May.", "1999-02-01",
        {{"May 5", "DATE", "1999-05-05"}, {"May", "DATE", "1999-05"}});
  Check("Prices may rise and output may fall.", "1999-02-01", {});
}

TEST_F(RulesEnTest, YearsDecadesCenturies) {
  Check("Sales fell in 1990 and in fiscal 1989.", "1990-05-01",
        {{"1990", "DATE", "1990"}, {"fiscal 1989", "DATE", "1989"}});
  Check("Prices rose in the 1990s and in the 20th century.", "2000-01-01",
        {{"the 1990s", "DATE", "199"}, {"the 20th century", "DATE", "19"}});
}

TEST_F(RulesEnTest, BeforeChrist) {
  Check("The battle of Marathon took place in 490 BC.", "", {{"490 BC", "DATE", "BC0490"}},
        AnchorMode::kNarratives);
  Check("In the 4th century BC the city grew.", "", {{"the 4th century BC", "DATE", "BC03"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, WeekdaysFollowTense) {
  // 1998-08-10 is a Monday.
  Check("The government said Friday it would act.", "1998-08-10",
        {{"Friday", "DATE", "1998-08-07"}});
  Check("The minister will visit Nairobi next Thursday.", "1998-08-10",
        {{"next Thursday", "DATE", "1998-08-13"}});
  Check("The talks ended last Tuesday.", "1998-08-10", {{"last Tuesday", "DATE", "1998-08-04"}});
  // Told, urged or asked to do something: the doing is ahead.
  Check("Residents have been told to avoid the bridge on Wednesday.", "1998-08-10",
        {{"Wednesday", "DATE", "1998-08-12"}});
  Check("He told the court on Wednesday that he was innocent.", "1998-08-10",
        {{"Wednesday", "DATE", "1998-08-05"}});
}

TEST_F(RulesEnTest, RelativeDays) {
  Check("Yesterday the index fell; today it rose and tomorrow it may fall.", "1998-08-10",
        {{"Yesterday", "DATE", "1998-08-09"},
         {"today", "DATE", "1998-08-10"},
         {"tomorrow", "DATE", "1998-08-11"}});
  Check("The attack came on March 3. The day before, police had warned.", "1998-08-10",
        {{"March 3", "DATE", "1998-03-03"}, {"The day before", "DATE", "1998-03-02"}});
}

TEST_F(RulesEnTest, RelativePeriods) {
  Check("Sales rose last year and will rise next year.", "1998-08-10",
        {{"last year", "DATE", "1997"}, {"next year", "DATE", "1999"}});
  Check("The company reported losses last month and this week.", "1998-08-10",
        {{"last month", "DATE", "1998-07"}, {"this week", "DATE", "1998-W33"}});
  Check("The party split two years ago.", "1998-08-10", {{"two years ago", "DATE", "1996"}});
  Check("It closed earlier this year.", "1998-08-10",
        {{"earlier this year", "DATE", "1998", "START"}});
}

TEST_F(RulesEnTest, MonthWithARelativeYear) {
  Check("In June last year and January this year the leaders met.", "1998-02-19",
        {{"June last year", "DATE", "1997-06"}, {"January this year", "DATE", "1998-01"}});
  // Wire datelines are dates (TimeBank tags them); "Jan" the name is not a month.
  Check("WASHINGTON, August 11 (Xinhua) -- Czech minister Jan Kavan spoke.", "1998-08-11",
        {{"August 11", "DATE", "1998-08-11"}});
}

TEST_F(RulesEnTest, PartsOfDay) {
  Check("Rebels attacked last night and again this morning.", "1998-08-10",
        {{"last night", "TIME", "1998-08-09TNI"}, {"this morning", "TIME", "1998-08-10TMO"}});
  // A weekday's night or morning is the day (news annotation); its evening
  // keeps the part of day.
  Check("Police arrived Friday morning.", "1998-08-10", {{"Friday morning", "DATE", "1998-08-07"}});
  Check("Police arrived Friday evening.", "1998-08-10",
        {{"Friday evening", "TIME", "1998-08-07TEV"}});
}

TEST_F(RulesEnTest, TimesOfDay) {
  Check("The bomb went off at 10:35 a.m. local time.", "1998-08-07",
        {{"10:35 a.m", "TIME", "1998-08-07T10:35"}});
  Check("Trading resumed at 14:15 and will close at 2 p.m. Wednesday.", "1998-08-10",
        {{"14:15", "TIME", "1998-08-10T14:15"}, {"2 p.m. Wednesday", "TIME", "1998-08-12T14:00"}});
  // Any past participle is a past cue: the Wednesday before the DCT.
  Check("Trading closed at 2 p.m. Wednesday.", "1998-08-10",
        {{"2 p.m. Wednesday", "TIME", "1998-08-05T14:00"}});
  Check("They met at noon and left at midnight.", "1998-08-10",
        {{"noon", "TIME", "1998-08-10T12:00"}, {"midnight", "TIME", "1998-08-10T24:00"}});
  // A clock time takes the day the text just named.
  Check("The blast on Aug. 7 came at 10:35 a.m. local time.", "1998-08-10",
        {{"Aug. 7", "DATE", "1998-08-07"}, {"10:35 a.m", "TIME", "1998-08-07T10:35"}});
}

TEST_F(RulesEnTest, EarningsPeriodsOfANamedYear) {
  // "the 1988 period" is the quarter being reported, in 1988; "the 1988
  // second quarter" a quarter, not "1988 second(s)".
  Check(
      "Profit rose in the third quarter. In the 1988 period, it lost money, after a charge in "
      "the 1988 second quarter.",
      "1989-10-20",
      {{"the third quarter", "DATE", "1989-Q3"},
       {"the 1988 period", "DATE", "1988-Q3"},
       {"the 1988 second quarter", "DATE", "1988-Q2"}});
  // A modifier word ("earlier") inside the expression before does not join
  // the next one.
  Check("Net for the year-earlier two weeks fell.", "1989-10-20",
        {{"year-earlier", "DATE", "1988-Q3"}, {"two weeks", "DURATION", "P2W"}});
  Check("Net for the year-earlier nine months fell.", "1989-10-20",
        {{"the year-earlier nine months", "DURATION", "P9M"}});
  Check("Sales grew in recent months and in recent years.", "1989-10-20",
        {{"recent months", "DURATION", "PXM"}, {"recent years", "DATE", "PAST_REF"}});
}

TEST_F(RulesEnTest, NextYearsQuarterAndAgesInDecades) {
  Check("It could be effective as early as next year's first quarter.", "1989-10-20",
        {{"next year's first quarter", "DATE", "1990-Q1"}});
  // Ages, counts and model years, not times.
  Check("He was in his 30s and ran lotteries in a half dozen states.", "1989-10-20", {});
  Check("Kopp's 1987 Chevrolet Cavalier was found.", "1999-01-22", {});
  // The adverb of a perfect or passive verb is not tagged; on its own it is.
  Check("The search was recently extended. Magna recently cut its dividend.", "1999-01-22",
        {{"recently", "DATE", "PAST_REF"}});
  Check("It had $6 billion in sales in the latest fiscal year.", "1989-10-20",
        {{"the latest fiscal year", "DATE", "1988"}});
}

TEST_F(RulesEnTest, TheYearBeingReported) {
  Check("Sales for the full year were $6.6 billion.", "1989-10-20",
        {{"the full year", "DATE", "1989"}});
  Check("It was the Constitution of the Year III.", "1989-10-20", {});
}

TEST_F(RulesEnTest, AYearOpeningASentenceFramesTheNext) {
  Check("In 2005, the law passed. In March, the Senate followed.", "2011-02-10",
        {{"2005", "DATE", "2005"}, {"March", "DATE", "2005-03"}});
  // A date of another year counted from it ends the frame.
  Check("On May 22, 1995, he was promoted, and the following year he moved. In December, he quit.",
        "1998-04-18",
        {{"May 22, 1995", "DATE", "1995-05-22"},
         {"the following year", "DATE", "1996"},
         {"December", "DATE", "1997-12"}});
}

TEST_F(RulesEnTest, WeeksOfADay) {
  // Easter 2000 is Sunday 23 April, in ISO week 16; 6 March 2000 is in week 10.
  Check("Worshippers prayed as Easter week began.", "2000-04-17",
        {{"Easter week", "DATE", "2000-W16"}});
  Check("It will be resolved in a hearing the week of March 6.", "2000-02-24",
        {{"the week of March 6", "DATE", "2000-W10"}});
}

TEST_F(RulesEnTest, PossessiveWeekdaysArePast) {
  // DCT Friday 2000-01-07; "would" is a future cue, but "Wednesday's ruling"
  // has been given.
  Check("They said they would fight Wednesday's ruling.", "2000-01-07",
        {{"Wednesday", "DATE", "2000-01-05"}});
}

TEST_F(RulesEnTest, LastMonthDayAndSeasonsOfYearsInWords) {
  Check("He was shot last Oct. 23 at home.", "1999-04-19",
        {{"last Oct. 23", "DATE", "1998-10-23"}});
  Check("Prices fell to the level of the winter of nineteen ninety-four.", "1998-02-23",
        {{"the winter of nineteen ninety-four", "DATE", "1994-WI"}});
}

TEST_F(RulesEnTest, ASeasonUnderWayIsNeitherLastNorNext) {
  // Said in August, "last summer" is the summer of the year before; in
  // October it is this year's. From March to May, spring is under way.
  Check("Except for brief periods over last summer, it failed.", "2005-08-15",
        {{"last summer", "DATE", "2004-SU"}});
  Check("Except for brief periods over last summer, it failed.", "2005-10-15",
        {{"last summer", "DATE", "2005-SU"}});
  Check("The talks failed last autumn.", "2013-10-10", {{"last autumn", "DATE", "2012-FA"}});
  Check("Next spring, they will vote.", "2013-03-10", {{"Next spring", "DATE", "2014-SP"}});
  Check("Planting will lag due to a wet spring.", "2009-05-31", {{"spring", "DATE", "2009-SP"}});
}

TEST_F(RulesEnTest, Durations) {
  Check("After three days of questioning and a 16-hour flight, he slept 30.4 seconds.",
        "1998-08-10",
        {{"three days", "DURATION", "P3D"},
         {"16-hour", "DURATION", "PT16H"},
         {"30.4 seconds", "DURATION", "PT30.4S"}});
  Check("The firm has existed for more than 30 years.", "1998-08-10",
        {{"more than 30 years", "DURATION", "P30Y", "MORE_THAN"}});
  Check("Output rose in the past two months.", "1998-08-10",
        {{"the past two months", "DURATION", "P2M"}});
  Check("The war lasted two decades.", "1998-08-10", {{"two decades", "DURATION", "P20Y"}});
  Check(
      "He stays two more weeks, after a third day-long meeting and a several-year tenure; eight "
      "trading days passed. Funds will pay in the weeks ahead.",
      "1998-08-10",
      {{"two more weeks", "DURATION", "P2W"},
       {"day-long", "DURATION", "P1D"},
       {"several-year", "DURATION", "PXY"},
       {"eight trading days", "DURATION", "P8D"},
       {"the weeks ahead", "DURATION", "PXW"}});
  // Always, not a stretch of time.
  Check("The clinic is guarded 24 hours a day, seven days a week.", "1998-08-10", {});
}

TEST_F(RulesEnTest, FalseAlarmsAreSuppressed) {
  Check("The index closed at 2082.1 and 1400 victims were counted.", "1989-10-20", {});
  Check("It raised its quarterly dividend and saves $2 million a year.", "1989-10-20", {});
  Check("After the fall of Saigon, a second attack came; the march to the sea began.", "1975-05-01",
        {});
  // A four-digit count of any plural noun after a word of quantity.
  Check("No fewer than 1000 attacks took place, with about 2000 protesters and some 1500 tanks.",
        "2013-02-20", {});
  // A year modifies a plural noun after a determiner, or a noun of comparison.
  Check("The 2012 elections were at about 2005 levels.", "2013-02-20",
        {{"2012", "DATE", "2012"}, {"2005", "DATE", "2005"}});
  // A four-digit wire-service clock time is not a year; a year before a
  // word that merely starts like a zone still is.
  Check("Shares fell 3 percent by 1304 GMT, at about 1300 local time.", "2011-02-07", {});
  Check("The 1999 estimates held.", "2011-02-07", {{"1999", "DATE", "1999"}});
  // Nor are the digits of a web address.
  Check("Read https://news.example.com/2009/04/28/flu-1945.html on May 3, 2009.", "2011-02-07",
        {{"May 3, 2009", "DATE", "2009-05-03"}});
}

TEST_F(RulesEnTest, SpokenYearsAndBarePlurals) {
  Check("A bomb went off in nineteen ninety-six.", "1998-02-27",
        {{"nineteen ninety-six", "DATE", "1996"}});
  Check("The government called the 14-day waiting period unfair for weeks.", "2000-06-01",
        {{"14-day", "DURATION", "P14D"}, {"weeks", "DURATION", "PXW"}});
}

TEST_F(RulesEnTest, Holidays) {
  Check("Troops would be home by Christmas 1963.", "", {{"Christmas 1963", "DATE", "1963-12-25"}});
  Check("The shops close on New Year's Day.", "1998-08-10",
        {{"New Year's Day", "DATE", "1998-01-01"}});
}

TEST_F(RulesEnTest, PaymentAndDeadlineWordsPointAhead) {
  // "said" is nearer, but "payable" and "effective" name the date's future.
  Check("It said the dividend is payable Jan. 2.", "1989-11-20",
        {{"Jan. 2", "DATE", "1990-01-02"}});
  Check("He said he resigned, effective Feb. 1.", "1989-11-20", {{"Feb. 1", "DATE", "1990-02-01"}});
  Check("The boy could be sent home as soon as Tuesday, officials said.", "2000-04-03",
        {{"Tuesday", "DATE", "2000-04-04"}});
  // The participle after "to be" is no past cue.
  Check("The sale, agreed last week, is to be completed around Nov. 1.", "1989-10-20",
        {{"last week", "DATE", "1989-W41"}, {"around Nov. 1", "DATE", "1989-11-01", "APPROX"}});
}

TEST_F(RulesEnTest, HolidaysOnANthWeekdayAndFromEaster) {
  Check("The boy was found on Thanksgiving Day.", "2000-01-07",
        {{"Thanksgiving Day", "DATE", "1999-11-25"}});
  Check("Parades were held on Memorial Day and Labor Day.", "1998-12-01",
        {{"Memorial Day", "DATE", "1998-05-25"}, {"Labor Day", "DATE", "1998-09-07"}});
  Check("The rising began on Easter Monday 1916.", "",
        {{"Easter Monday 1916", "DATE", "1916-04-24"}});
}

TEST_F(RulesEnTest, ReportedQuarter) {
  Check("Net income in the latest quarter rose.", "1989-10-20",
        {{"the latest quarter", "DATE", "1989-Q3"}});
}

TEST_F(RulesEnTest, TheYearOfAReport) {
  Check("Net income for the year ended March 31 fell.", "1989-10-20",
        {{"the year", "DURATION", "P1Y"}, {"March 31", "DATE", "1989-03-31"}});
  Check("For the year, volume was flat.", "1989-10-20", {{"the year", "DATE", "1989"}});
}

TEST_F(RulesEnTest, MarchesAndQuartersThatAreNoTimes) {
  Check("After the Long March, it was argued in some quarters that the march ended well.",
        "1936-01-01", {});
  Check("Islam will one day be the second religion.", "1998-03-03",
        {{"one day", "DATE", "FUTURE_REF"}});
}

TEST_F(RulesEnTest, TodaysWorldIsNoDay) {
  Check("Elian is for today's youth what the revolution was; today's editions agree.", "2000-01-07",
        {{"today", "DATE", "2000-01-07"}});
}

TEST_F(RulesEnTest, AgesAreNotDurations) {
  Check("A 44-year-old man and his son, 12 years old, were hurt.", "1998-08-10", {});
}

TEST_F(RulesEnTest, Sets) {
  Check("The paper is published daily and the board meets every week.", "1998-08-10",
        {{"daily", "SET", "P1D"}, {"every week", "SET", "P1W"}});
  Check("The market opens each Monday, twice a year.", "1998-08-10",
        {{"each Monday", "SET", "XXXX-WXX-1"}, {"twice a year", "SET", "P1Y"}});
  // One period in two.
  Check("Guards change every other day and the team meets every second week.", "1998-08-10",
        {{"every other day", "SET", "P2D"}, {"every second week", "SET", "P2W"}});
}

TEST_F(RulesEnTest, VagueReferences) {
  Check("Prices are now higher than they were recently.", "1998-08-10",
        {{"now", "DATE", "PRESENT_REF"}, {"recently", "DATE", "PAST_REF"}});
  Check("Planning for the future is hard.", "1998-08-10", {{"the future", "DATE", "FUTURE_REF"}});
}

TEST_F(RulesEnTest, QuartersSeasonsAndModifiers) {
  Check("Profit fell in the third quarter.", "1989-10-20",
        {{"the third quarter", "DATE", "1989-Q3"}});
  // A quarter without a year is this year's even under a future cue: results
  // are announced after the quarter ends.
  Check("It expects to report a third-quarter loss.", "1989-10-20",
        {{"third-quarter", "DATE", "1989-Q3"}});
  Check("The plant will open in early April and close at the end of 1990.", "1989-10-20",
        {{"early April", "DATE", "1990-04", "START"}, {"the end of 1990", "DATE", "1990", "END"}});
  Check("The offensive began in the summer of 1779.", "",
        {{"the summer of 1779", "DATE", "1779-SU"}});
}

TEST_F(RulesEnTest, RangesLendMonthAndYearToTheirFirstMember) {
  Check("The battle raged on 6-7 January 1916.", "",
        {{"6", "DATE", "1916-01-06"}, {"7 January 1916", "DATE", "1916-01-07"}},
        AnchorMode::kNarratives);
  Check("Throughout 1915-17, the front held.", "",
        {{"1915", "DATE", "1915"}, {"17", "DATE", "1917"}}, AnchorMode::kNarratives);
  Check("From the 13th to the 19th of October 1950 they marched.", "",
        {{"the 13th", "DATE", "1950-10-13"}, {"the 19th of October 1950", "DATE", "1950-10-19"}},
        AnchorMode::kNarratives);
  // Months, days of other months and seasons before a dated second member.
  Check("In 1954, fighting in April and June 1955 (26 June - 4 August 1952).", "",
        {{"1954", "DATE", "1954"},
         {"April", "DATE", "1955-04"},
         {"June 1955", "DATE", "1955-06"},
         {"26 June", "DATE", "1952-06-26"},
         {"4 August 1952", "DATE", "1952-08-04"}},
        AnchorMode::kNarratives);
  Check("In 1944 they spent the spring and early summer of 1943 waiting.", "",
        {{"1944", "DATE", "1944"},
         {"the spring", "DATE", "1943-SP"},
         {"early summer of 1943", "DATE", "1943-SU", "START"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, RangesOfYearsBeforeChrist) {
  Check("The Ionian Revolt (499-493 BC) failed.", "",
        {{"499", "DATE", "BC0499"}, {"493 BC", "DATE", "BC0493"}}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, MonthOfThatYearAndStretchesOfAPeriod) {
  Check("Riots began in 1794. In July of that year the crowd jeered.", "",
        {{"1794", "DATE", "1794"}, {"July of that year", "DATE", "1794-07"}},
        AnchorMode::kNarratives);
  Check("He fought during the last week of August and the first two months of 1939.", "",
        {{"the last week of August", "DURATION", "P1W"},
         {"the first two months of 1939", "DURATION", "P2M"}},
        AnchorMode::kNarratives);
  Check("The battle lasted until May 8, 1:00AM.", "1954-05-01",
        {{"May 8, 1:00AM", "TIME", "1954-05-08T01:00"}});
}

TEST_F(RulesEnTest, WinterQuartersAreAnyWinter) {
  Check("In 1777 Washington entered winter quarters at Morristown.", "",
        {{"1777", "DATE", "1777"}, {"winter", "DATE", "XXXX-WI"}}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, GenericPartsOfDayNamingAKindOfAction) {
  Check("The division relied on night attacks and to date has held.", "1950-10-09",
        {{"night", "TIME", "XXXX-XX-XXTNI"}, {"date", "DATE", "PRESENT_REF"}});
  // "to date" only as "up to now": not "to date the find".
  Check("They tried to date the find.", "1950-10-09", {});
}

TEST_F(RulesEnTest, PartOfDayOfADate) {
  Check("On the night of 20 June 1791 the king fled.", "",
        {{"the night of 20 June 1791", "TIME", "1791-06-20TNI"}}, AnchorMode::kNarratives);
  Check("They entered Lexington on the morning of April 19.", "1775-04-10",
        {{"the morning of April 19", "TIME", "1775-04-19TMO"}}, AnchorMode::kNarratives);
  // News give a night or a morning of a day as the day alone, an evening with
  // its part of day.
  Check("He was shot on the night of Friday, Oct. 23.", "1998-11-21",
        {{"the night of Friday, Oct. 23", "DATE", "1998-10-23"}});
  Check("They met on the evening of Oct. 23.", "1998-11-21",
        {{"the evening of Oct. 23", "TIME", "1998-10-23TEV"}});
}

TEST_F(RulesEnTest, PeriodsOfTheLastDate) {
  Check("Mosul fell in May 2005. Later that month, and by the end of the year, it was quiet.", "",
        {{"May 2005", "DATE", "2005-05"},
         {"Later that month", "DATE", "2005-05"},
         {"the end of the year", "DATE", "2005", "END"}},
        AnchorMode::kNarratives);
}

// A narrative tells its days in order: a bare weekday after a date is the
// next such day, whatever the tense; in news, a past verb looks back.
TEST_F(RulesEnTest, NarrativeWeekdaysGoForward) {
  Check("On June 5, 1944, the ships sailed. On Tuesday, the troops landed. By Saturday they held.",
        "",
        {{"June 5, 1944", "DATE", "1944-06-05"},
         {"Tuesday", "DATE", "1944-06-06"},
         {"Saturday", "DATE", "1944-06-10"}},
        AnchorMode::kNarratives);
  Check("The ships sailed. On Tuesday, the troops landed.", "1944-06-08",
        {{"Tuesday", "DATE", "1944-06-06"}});
}

TEST_F(RulesEnTest, YearsNamedInPassingDoNotMoveTheStory) {
  Check(
      "On 10 March 1975 Dung attacked, for a campaign planned for 1976. On 11 March the "
      "town fell.",
      "",
      {{"10 March 1975", "DATE", "1975-03-10"},
       {"1976", "DATE", "1976"},
       {"11 March", "DATE", "1975-03-11"}},
      AnchorMode::kNarratives);
  Check("In 492 BC Thrace, Persian since 513 BC, fell. The following year he returned.", "",
        {{"492 BC", "DATE", "BC0492"},
         {"513 BC", "DATE", "BC0513"},
         {"The following year", "DATE", "BC0491"}},
        AnchorMode::kNarratives);
  // A bare winter ahead does not carry the story into the next year.
  Check("In August 1918 they hoped to hold out over the winter. On 10 September they sued.", "",
        {{"August 1918", "DATE", "1918-08"},
         {"the winter", "DATE", "1919-WI"},
         {"10 September", "DATE", "1918-09-10"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, CoordinatedNumbersAreTwoExpressions) {
  const std::string dct = "2010-06-15";
  // The bare first number is left untagged (see durations.rules), never
  // added to the second.
  Check("It took two and six days.", dct, {{"six days", "DURATION", "P6D"}});
  Check("They met two and six days later.", dct, {{"six days later", "DATE", "2010-06-21"}});
  // "and" joins number words only after hundred or thousand.
  Check("It lasted two hundred and fifty days.", dct,
        {{"two hundred and fifty days", "DURATION", "P250D"}});
  Check("The games are on September 14 and 18, 2010.", "",
        {{"September 14", "DATE", "2010-09-14"}, {"18, 2010", "DATE", "2010-09-18"}});
  Check("Sales rose in May/June 2011.", dct,
        {{"May", "DATE", "2011-05"}, {"June 2011", "DATE", "2011-06"}});
  Check("In the 19th and 20th century wars raged.", dct,
        {{"the 19th", "DATE", "18"}, {"20th century", "DATE", "19"}});
}

TEST_F(RulesEnTest, RaceTimesAndBarePluralTimeUnits) {
  const std::string dct = "2010-06-15";
  Check("He won the marathon in 2:07:35, a lap in 1:43.21.", dct,
        {{"2:07:35", "DURATION", "PT2H7M35S"}, {"1:43.21", "DURATION", "PT1M43S"}});
  Check("At 10:32:15 the bell rang; at 11:30:15 p.m. it stopped.", dct,
        {{"10:32:15", "TIME", "2010-06-15T10:32:15"},
         {"11:30:15 p.m", "TIME", "2010-06-15T23:30:15"}});
  Check("They talked for hours.", dct, {{"hours", "DURATION", "PTXH"}});
}

TEST_F(RulesEnTest, WrittenFormsOfDates) {
  const std::string dct = "2010-06-15";
  Check("The meeting starts at 2009-12-19T17:00:00 in Copenhagen.", dct,
        {{"2009-12-19T17:00:00", "TIME", "2009-12-19T17:00:00"}});
  Check("He was born on 1.3.1999 in Bern.", dct, {{"1.3.1999", "DATE", "1999-03-01"}});
  Check("It ends in two-thousand ten, on January nineteenth.", dct,
        {{"two-thousand ten", "DATE", "2010"}, {"January nineteenth", "DATE", "2010-01-19"}});
  Check("In the late seventies, not the 1990s BC or the 470s BC.", dct,
        {{"the late seventies", "DATE", "197", "END"},
         {"the 1990s BC", "DATE", "BC199"},
         {"the 470s BC", "DATE", "BC047"}});
}

TEST_F(RulesEnTest, AClockTimeToldBeforeItsDayTakesThatDay) {
  Check("It happened at 11:30 p.m. yesterday. At 9 a.m., on Tuesday, he left.", "2023-02-22",
        {{"11:30 p.m", "TIME", "2023-02-21T23:30"},
         {"yesterday", "DATE", "2023-02-21"},
         {"9 a.m., on Tuesday", "TIME", "2023-02-21T09:00"}});
  // "the next day" after such a time counts from the day before the time,
  // as the time itself did.
  Check("The attack came on Sunday, and at 5 p.m. the next day the police arrived.", "2013-02-20",
        {{"Sunday", "DATE", "2013-02-17"},
         {"5 p.m", "TIME", "2013-02-18T17:00"},
         {"the next day", "DATE", "2013-02-18"}});
}

TEST_F(RulesEnTest, NextToIsNoFutureCue) {
  Check("Blasts next to the U.S. embassies in Kenya killed 100 people on Friday.", "1998-08-08",
        {{"Friday", "DATE", "1998-08-07"}});
  Check("The summit is next Friday.", "1998-08-08", {{"next Friday", "DATE", "1998-08-14"}});
}

TEST_F(RulesEnTest, FractionsOfLongUnits) {
  Check("Half a century later, after a quarter century of war.", "2010-06-15",
        {{"Half a century", "DURATION", "P50Y"}, {"a quarter century", "DURATION", "P25Y"}});
  Check("It took a quarter of a century and half a decade.", "2010-06-15",
        {{"a quarter of a century", "DURATION", "P25Y"}, {"half a decade", "DURATION", "P5Y"}});
  Check("A quarter of the troops left.", "2010-06-15", {});
}

TEST_F(RulesEnTest, SetsOfPartsOfWeekdaysAndSeasons) {
  Check("She works Monday afternoons, Sundays mornings and every summer.", "2010-06-15",
        {{"Monday afternoons", "SET", "XXXX-WXX-1TAF"},
         {"Sundays mornings", "SET", "XXXX-WXX-7TMO"},
         {"every summer", "SET", "XXXX-SU"}});
}

TEST_F(RulesEnTest, NumbersThatAreNoTimes) {
  const std::string dct = "2010-06-15";
  Check("It cost $2016 for a 2000 kilometer trip; the chicks are several days old.", dct, {});
  Check("They march the way their fathers did; we will march.", dct, {});
  // The subject is a word of its own: a name ending in "i" is no "I".
  Check("Mumbai March sales were strong.", dct, {{"March", "DATE", "2010-03"}});
  // "to March" opens a range, and a march of so many miles is no month.
  Check("From February to March 1999 they had to march 286 miles.", dct,
        {{"February", "DATE", "1999-02"}, {"March 1999", "DATE", "1999-03"}});
  // Months are capitalised: a lower-case "march" is the verb or the noun,
  // whatever is around it; the month keeps its capital in any position.
  Check("Rebels trying to march on Tripoli joined a million man march in Cairo.", dct, {});
  Check("Police march down Bourbon Street; the funeral march ended.", dct, {});
  Check("The march was set for March, and MARCH 3 was chosen.", dct,
        {{"March", "DATE", "2010-03"}, {"MARCH 3", "DATE", "2010-03-03"}});
}

TEST_F(RulesEnTest, WithoutADctWhatTheTextNamesIsKept) {
  Check("He will return in November next year, this Monday.", "",
        {{"November next year", "DATE", "XXXX-11"}, {"this Monday", "DATE", "XXXX-WXX-1"}});
}

TEST_F(RulesEnTest, YearsLaterKeepTheGranularityOfTheirDate) {
  Check("On March 5, 2008 he left. A year later he returned; in June he left again.", "2010-06-15",
        {{"March 5, 2008", "DATE", "2008-03-05"},
         {"A year later", "DATE", "2009-03-05"},
         {"June", "DATE", "2009-06"}},
        AnchorMode::kNarratives);
  Check("In 1941 he left. Two years later he returned.", "",
        {{"1941", "DATE", "1941"}, {"Two years later", "DATE", "1943"}}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, ASeasonOfTheStoryMovesIt) {
  // The winter after an autumn is the next year's, and what follows it too.
  Check(
      "In the autumn of 1941 the army reached Moscow. The winter was harsh. In March the front "
      "held. That spring they attacked.",
      "",
      {{"the autumn of 1941", "DATE", "1941-FA"},
       {"The winter", "DATE", "1942-WI"},
       {"March", "DATE", "1942-03"},
       {"That spring", "DATE", "1942-SP"}},
      AnchorMode::kNarratives);
  // A season looked across does not.
  Check("In August 1918 they hoped to hold out through the winter. On 10 September they sued.", "",
        {{"August 1918", "DATE", "1918-08"},
         {"the winter", "DATE", "1919-WI"},
         {"10 September", "DATE", "1918-09-10"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, AChronicleGoesOnInTheYearItTells) {
  Check("In 1998, the crisis broke out. On March 12, the bank closed. On April 3, it reopened.",
        "2003-06-10",
        {{"1998", "DATE", "1998"},
         {"March 12", "DATE", "1998-03-12"},
         {"April 3", "DATE", "1998-04-03"}});
}

TEST_F(RulesEnTest, AYearToldAheadDoesNotMoveTheStory) {
  // "would return ... in 1953" looks ahead from 1949; the story goes on in 1949.
  Check("In 1949 the king fled; he would return to power in 1953. In March, the army marched.", "",
        {{"1949", "DATE", "1949"}, {"1953", "DATE", "1953"}, {"March", "DATE", "1949-03"}},
        AnchorMode::kNarratives);
  // "until" is no intention: "until in March 1980" is the story's own date.
  Check("Relations declined until in March 1980 Iran withdrew. The tension rose in April.", "",
        {{"March 1980", "DATE", "1980-03"}, {"April", "DATE", "1980-04"}}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, CitationsAndWorksAreAsides) {
  // The last written year before "On July 29" is a citation or a work's:
  // the story stays in 1914 even with no written year after them.
  Check("The war began on July 28, 1914 (Keegan, 1998). On July 29, Russia mobilized.", "",
        {{"July 28, 1914", "DATE", "1914-07-28"},
         {"1998", "DATE", "1998"},
         {"July 29", "DATE", "1914-07-29"}},
        AnchorMode::kNarratives);
  Check(
      "The war began in July 1914. In his 2003 book, Smith argues otherwise. On July 29, "
      "Russia mobilized.",
      "",
      {{"July 1914", "DATE", "1914-07"},
       {"2003", "DATE", "2003"},
       {"July 29", "DATE", "1914-07-29"}},
      AnchorMode::kNarratives);
  // A year in a clause of the story in parentheses does not need a name.
  Check("In 1916 (and again in 1917) they attacked. In May, they failed.", "",
        {{"1916", "DATE", "1916"}, {"1917", "DATE", "1917"}, {"May", "DATE", "1916-05"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, EveryWrittenYearMovesTheStoryForwardOrBack) {
  // A later year moves the story on; a flashback anchors what follows it.
  Check(
      "The armistice came in 1953. In 1976 the border flared again. In August, troops "
      "clashed, and in 1977 talks began.",
      "",
      {{"1953", "DATE", "1953"},
       {"1976", "DATE", "1976"},
       {"August", "DATE", "1976-08"},
       {"1977", "DATE", "1977"}},
      AnchorMode::kNarratives);
  Check(
      "The crisis came in 1789. In May 1776, Turgot was dismissed. The next year Necker took "
      "over; by 1789 the debt was vast.",
      "",
      {{"1789", "DATE", "1789"},
       {"May 1776", "DATE", "1776-05"},
       {"The next year", "DATE", "1777"},
       {"1789", "DATE", "1789"}},
      AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, UntilInADateIsTheStoryItself) {
  // "until the fall of ... in 1945" looks ahead; "until in March 1980" is the date of the event.
  Check("Relations declined until in March 1980 Iran withdrew. In April tension rose.", "",
        {{"March 1980", "DATE", "1980-03"}, {"April", "DATE", "1980-04"}}, AnchorMode::kNarratives);
  Check(
      "In 1944 they held out until the fall of Budapest in February 1945. By July they had won.",
      "",
      {{"1944", "DATE", "1944"}, {"February 1945", "DATE", "1945-02"}, {"July", "DATE", "1944-07"}},
      AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, LookingBackDoesNotMoveTheStory) {
  Check(
      "On 25 June 1950 the North attacked. In the past year both armies had raided. The USSR "
      "had boycotted the Council since January.",
      "",
      {{"25 June 1950", "DATE", "1950-06-25"},
       {"the past year", "DATE", "1949"},
       {"January", "DATE", "1950-01"}},
      AnchorMode::kNarratives);
  Check("The German Spring Offensive of 1918 failed.", "",
        {{"Spring", "DATE", "1918-SP"}, {"1918", "DATE", "1918"}}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, AYearEarlierShiftsThePeriodJustNamed) {
  Check("Profit in the third quarter rose from a year earlier.", "1989-10-20",
        {{"the third quarter", "DATE", "1989-Q3"}, {"a year earlier", "DATE", "1988-Q3"}});
  // The adjective, without its article (not "a year" as a duration); the
  // compared quarter is set aside, so "a year ago" still counts from the
  // reported one.
  Check(
      "Profit rose in the third quarter from a year-earlier loss. In the year-ago quarter it "
      "lost $5 million. Sales were higher than a year ago.",
      "1989-10-20",
      {{"the third quarter", "DATE", "1989-Q3"},
       {"year-earlier", "DATE", "1988-Q3"},
       {"the year-ago quarter", "DATE", "1988-Q3"},
       {"a year ago", "DATE", "1988-Q3"}});
}

TEST_F(RulesEnTest, NarrativesAnchorOnLastDate) {
  Check("Paris fell on 14 June 1940. On 22 June, France signed the armistice.", "",
        {{"14 June 1940", "DATE", "1940-06-14"}, {"22 June", "DATE", "1940-06-22"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, NarrativesTagTemporalAdjectives) {
  const std::string text = "The former king feared future wars after recent defeats.";
  Check(text, "",
        {{"former", "DATE", "PAST_REF"},
         {"future", "DATE", "FUTURE_REF"},
         {"recent", "DATE", "PAST_REF"}},
        AnchorMode::kNarratives);
  Check(text, "2020-05-01", {});
  // "the former" as a pronoun names no time.
  Check("He chose the former, not the latter.", "", {}, AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, BeforeClosingItsClauseIsEarlier) {
  Check("In March 1948 they met. Two years before, the French had refused.", "",
        {{"March 1948", "DATE", "1948-03"}, {"Two years before", "DATE", "1946"}},
        AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, PassiveAfterWillIsFuture) {
  Check("Collins will be named commander of a mission in December.", "1998-03-04",
        {{"December", "DATE", "1998-12"}});
  Check("The stock would be paid on a date in January.", "1989-10-26",
        {{"January", "DATE", "1990-01"}});
}

TEST_F(RulesEnTest, MarchesAreNotMonths) {
  Check("Protesters gathered at the annual March for Life.", "1999-01-22", {});
  Check("Protesters march through the city; holders March 15 get paid.", "2000-01-15",
        {{"March 15", "DATE", "2000-03-15"}});
  Check("Orangemen march each July to the church.", "1998-03-22",
        {{"each July", "SET", "XXXX-07"}});
  Check("In March each year the fund reports.", "1998-03-22",
        {{"March", "DATE", "1998-03"}, {"each year", "SET", "P1Y"}});
}

TEST_F(RulesEnTest, PastPerfectOfDueToIsPast) {
  Check("The offer had been due to expire Friday evening.", "1989-10-31",
        {{"Friday evening", "TIME", "1989-10-27TEV"}});
  Check("The offer is due to expire Friday evening.", "1989-10-31",
        {{"Friday evening", "TIME", "1989-11-03TEV"}});
}

TEST_F(RulesEnTest, BroadcastProgrammesAreNotTimes) {
  Check("Baker, speaking on ABC News' \"This Week,\" said so.", "1990-08-13", {});
  Check("Gonzalez said on CBS's ''60 Minutes.''", "2000-04-17", {});
  Check("This is VOA Today.", "1998-03-31", {});
  Check("She said on NBC's ``Today'' show that it would end this week.", "1990-08-13",
        {{"this week", "DATE", "1990-W33"}});
}

TEST_F(RulesEnTest, SentenceOpeningNowWithCommaIsDiscourseInNews) {
  const std::string text = "Iraq was ready. Now, he says, it looks different.";
  Check(text, "1991-02-25", {});
  Check(text, "1991-02-25", {{"Now", "DATE", "PRESENT_REF"}}, AnchorMode::kNarratives);
  Check("Now the alliance is larger.", "1999-03-12", {{"Now", "DATE", "PRESENT_REF"}});
}

TEST_F(RulesEnTest, CurrentFiscalYearAndThenCurrent) {
  Check("It expects sales in the current fiscal year to rise.", "1989-11-02",
        {{"the current fiscal year", "DATE", "1989"}});
  Check("Shares at 50% of the then current market price.", "1989-11-02",
        {{"then current", "DATE", "PAST_REF"}});
}

TEST_F(RulesEnTest, NarrativeDayShiftsWithoutADayKeepTheStorysYear) {
  Check(
      "In June 479 BC the fleet sailed. The city fell the next day. In 1980 the war began. "
      "Three days later, a bomb fell.",
      "2009-12-19",
      {{"June 479 BC", "DATE", "BC0479-06"},
       {"the next day", "DATE", "BC0479-06-XX"},
       {"1980", "DATE", "1980"},
       {"Three days later", "DATE", "1980-XX-XX"}},
      AnchorMode::kNarratives);
}

TEST_F(RulesEnTest, MostRecentlyBeforeADateLeavesTheDate) {
  Check("Doctors were killed, most recently last October.", "1999-02-06",
        {{"last October", "DATE", "1998-10"}});
  Check("More recently it has followed suit.", "1999-02-06",
        {{"More recently", "DATE", "PAST_REF"}});
}

TEST_F(RulesEnTest, NarrativesDoNotFollowALeapOfADecadeTheTextComesBackFrom) {
  Check(
      "The fort fell in May 1916. A memorial was built there in 1968. On July 29, the second "
      "line broke. In 1917 the army retreated.",
      "2009-12-19",
      {{"May 1916", "DATE", "1916-05"},
       {"1968", "DATE", "1968"},
       {"July 29", "DATE", "1916-07-29"},
       {"1917", "DATE", "1917"}},
      AnchorMode::kNarratives);
  // The text stays in the new time: it is the story's.
  Check(
      "The fort fell in May 1916. A memorial was built there in 1968. On July 29, it was opened "
      "to visitors. In 1970 a museum followed.",
      "2009-12-19",
      {{"May 1916", "DATE", "1916-05"},
       {"1968", "DATE", "1968"},
       {"July 29", "DATE", "1968-07-29"},
       {"1970", "DATE", "1970"}},
      AnchorMode::kNarratives);
  // A step of a year is the story moving on, whatever comes after.
  Check("The war began in 1939. In 1940 France fell. On June 22, Germany attacked. In 1939 ...",
        "2009-12-19",
        {{"1939", "DATE", "1939"},
         {"1940", "DATE", "1940"},
         {"June 22", "DATE", "1940-06-22"},
         {"1939", "DATE", "1939"}},
        AnchorMode::kNarratives);
}

}  // namespace
}  // namespace dateline
