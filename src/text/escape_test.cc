#include "text/escape.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(EscapeTest, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeMarkup("R&D <b> \"x\" été"), "R&amp;D &lt;b&gt; &quot;x&quot; été");
  EXPECT_EQ(EscapeMarkup(""), "");
}

TEST(EscapeTest, EscapesMarkdownThatWouldMakeLinksOrHtml) {
  EXPECT_EQ(EscapeMarkdown("[a](javascript:x) <b>*c*_d_ `e` \\ été."),
            "\\[a\\](javascript:x) \\<b\\>\\*c\\*\\_d\\_ \\`e\\` \\\\ été.");
  EXPECT_EQ(EscapeMarkdown(""), "");
}

}  // namespace
}  // namespace dateline
