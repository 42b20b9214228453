#include "text/escape.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(EscapeTest, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeMarkup("R&D <b> \"x\" été"), "R&amp;D &lt;b&gt; &quot;x&quot; été");
  EXPECT_EQ(EscapeMarkup(""), "");
}

}  // namespace
}  // namespace dateline
