#include "text/utf8.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(Utf8Test, FindsTheFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text that is long enough"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("été"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xC3"), 10u);   // truncated
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);        // overlong
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
}

TEST(Utf8Test, FindsTheBadByteAtAnyPlaceInAnEightByteChunk) {
  // ASCII runs of every length before and after valid accented letters, so
  // that the eight-byte fast path stops at each offset in its chunk.
  for (size_t before = 0; before < 20; ++before) {
    const std::string ascii(before, 'a');
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xFF" + std::string(10, 'b')), before);
    EXPECT_EQ(FindInvalidUtf8(ascii + "é" + ascii + "\xC3(" + "abcdefgh"), 2 * before + 2);
    EXPECT_EQ(FindInvalidUtf8(ascii + "é€" + ascii + "𝒜" + std::string(9, 'c')),
              std::string_view::npos);
  }
}

TEST(Utf8Test, CodePointOffsets) {
  const std::string text = "é1€2";
  CodePointCounter counter(text);
  EXPECT_EQ(counter.At(0), 0u);
  EXPECT_EQ(counter.At(2), 1u);  // after "é"
  EXPECT_EQ(counter.At(3), 2u);
  EXPECT_EQ(counter.At(3), 2u);  // the same offset again
  EXPECT_EQ(counter.At(6), 3u);  // after "€"
  EXPECT_EQ(counter.At(text.size()), 4u);
  CodePointCounter invalid(
      "a\xFF\xFE"
      "b");
  EXPECT_EQ(invalid.At(4), 4u);  // each invalid byte is one
}

TEST(Utf8Test, Sanitize) {
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
}

}  // namespace
}  // namespace dateline
