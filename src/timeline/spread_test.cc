#include "timeline/spread.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(TimelineSpreadTest, TheDayAfterYieldsToTheNextEventOnANearTie) {
  // Day 10 (score 4), day 11 (3.2), day 20 (3.0).
  const std::vector<int64_t> days = {10, 11, 20};
  const std::vector<double> scores = {4.0, 3.2, 3.0};
  EXPECT_EQ(SpreadOverEvents(days, scores, 1, 0.3), (std::vector<size_t>{0, 2, 1}));
  EXPECT_EQ(SpreadOverEvents(days, scores, 1, 0.0), (std::vector<size_t>{0, 1, 2}));
}

TEST(TimelineSpreadTest, AClearlyBetterNeighbourStillWins) {
  const std::vector<int64_t> days = {10, 11, 20};
  const std::vector<double> scores = {4.0, 3.5, 2.0};
  EXPECT_EQ(SpreadOverEvents(days, scores, 1, 0.3), (std::vector<size_t>{0, 1, 2}));
}

TEST(TimelineSpreadTest, EveryTakenNeighbourCountsAndTiesKeepInputOrder) {
  // Days 9 and 11 both flank day 10: it is discounted twice (5 / 1.6).
  const std::vector<int64_t> days = {9, 11, 10, 30};
  const std::vector<double> scores = {6.0, 6.0, 5.0, 3.5};
  EXPECT_EQ(SpreadOverEvents(days, scores, 1, 0.3), (std::vector<size_t>{0, 1, 3, 2}));
  EXPECT_TRUE(SpreadOverEvents({}, {}, 1, 0.3).empty());
}

}  // namespace
}  // namespace dateline
