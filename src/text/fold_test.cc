#include "text/fold.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

TEST(FoldTest, LowersAndStripsAccents) {
  EXPECT_EQ(FoldString("Été À Noël ÇA œuvre"), "ete a noel ca oeuvre");
  EXPECT_EQ(FoldString("aujourd’hui — «oui»"), "aujourd'hui - \"oui\"");
  EXPECT_EQ(FoldString("14\u00a0h"), "14 h");
}

TEST(FoldTest, MapsOffsetsBackToTheOriginal) {
  const std::string text = "en été, Œuvre";
  FoldedText folded;
  FoldText(text, 100, folded);
  EXPECT_EQ(folded.text, "en ete, oeuvre");
  ASSERT_EQ(folded.to_original.size(), folded.text.size() + 1);
  // "ete" starts at byte 3 of both; its end (folded 6) is the original 8.
  EXPECT_EQ(folded.to_original[3], 103u);
  EXPECT_EQ(folded.to_original[6], 108u);
  // Both bytes of "oe" come from the two-byte "Œ".
  const size_t oe = folded.text.find("oe");
  EXPECT_EQ(folded.to_original[oe], folded.to_original[oe + 1]);
  EXPECT_EQ(folded.to_original.back(), 100u + text.size());
}

TEST(FoldTest, InvalidBytesBecomeUnmatchable) {
  const std::string text = std::string("a\xff") + "b";
  FoldedText folded;
  FoldText(text, 0, folded);
  EXPECT_EQ(folded.text, std::string("a\x01") + "b");
}

TEST(AsciiLowerTest, LowersAsciiOnlyAndKeepsOtherBytes) {
  EXPECT_EQ(AsciiLower("Mis À Jour: UPDATED"), "mis À jour: updated");
  EXPECT_EQ(AsciiLower(std::string("A\0B", 3)), std::string("a\0b", 3));
  EXPECT_EQ(AsciiLower(""), "");
}

}  // namespace
}  // namespace dateline
