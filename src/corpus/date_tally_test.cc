#include "corpus/date_tally.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(CorpusDateTallyTest, CountsPerDateSortedAndRoundTrips) {
  std::vector<DateTally> t;
  AddToTallies(t, "2023-03-01", false);
  AddToTallies(t, "2023-02-25", true);
  AddToTallies(t, "2023-03-01", false);
  AddToTallies(t, "XXXX-02-28", false);
  AddToTallies(t, "2023-02-25", true);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].date, "2023-02-25");
  EXPECT_EQ(t[0].weak, 2u);
  EXPECT_EQ(t[1].date, "2023-03-01");
  EXPECT_EQ(t[1].strong, 2u);
  EXPECT_EQ(t[2].date, "XXXX-02-28");
  t[2].strong = 70000;  // beyond 16 bits
  std::vector<DateTally> back;
  ASSERT_TRUE(DecodeTallies(EncodeTallies(t), back));
  ASSERT_EQ(back.size(), 3u);
  for (size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(back[i].date, t[i].date);
    EXPECT_EQ(back[i].strong, t[i].strong);
    EXPECT_EQ(back[i].weak, t[i].weak);
  }
}

TEST(CorpusDateTallyTest, TruncatedBlobIsRejectedAndOutputUntouched) {
  std::vector<DateTally> t;
  AddToTallies(t, "2023-02-25", false);
  std::string blob = EncodeTallies(t);
  blob.pop_back();
  std::vector<DateTally> out;
  EXPECT_FALSE(DecodeTallies(blob, out));
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(DecodeTallies("", out));
  EXPECT_TRUE(out.empty());
}

TEST(CorpusDateTallyTest, DatesOfOtherLengthsAreNotEncoded) {
  std::vector<DateTally> t = {{"2023-02", 1, 0}, {"2023-02-25", 1, 0}};
  std::vector<DateTally> back;
  ASSERT_TRUE(DecodeTallies(EncodeTallies(t), back));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].date, "2023-02-25");
}

}  // namespace
}  // namespace dateline
