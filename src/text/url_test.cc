#include "text/url.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(IsSafeLinkUrl, WebAddressesAndRelativeReferences) {
  for (const char* url :
       {"https://example.org/a?b=c#d", "http://x", "HTTPS://EXAMPLE.ORG", " https://example.org/a",
        "/2023/02/25/story", "story.html", "?page=2", "#top", "//example.org/a", "a/b:c",
        "ht\ttps://example.org", "caf\xC3\xA9.html"}) {
    EXPECT_TRUE(IsSafeLinkUrl(url)) << url;
  }
}

TEST(IsSafeLinkUrl, OtherSchemesAsBrowsersReadThem) {
  for (const char* url :
       {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "\x01\x02javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "javascript\r:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "file:///etc/passwd", "mailto:a@b.c", "ftp://x", "x-y.z+w:anything", "", "   "}) {
    EXPECT_FALSE(IsSafeLinkUrl(url)) << url;
  }
}

}  // namespace
}  // namespace dateline
