// The choice of the publication date between metadata and what the page
// shows. (Older ExtractMeta tests live in html_body_test.cc.)
#include "read/html_meta.h"

#include <gtest/gtest.h>

#include <string>

#include "read/html_dom.h"

namespace dateline::read {
namespace {

constexpr char kStory[] =
    "<p>The council voted on Tuesday to close the bridge for repairs that will last most of the "
    "summer, and traffic will be diverted through the old town while the work goes on.</p>";

PageMeta Meta(const std::string& head, const std::string& body) {
  return ExtractMeta(ParseHtml("<html><head><title>Bridge closed</title>" + head + "</head><body>" +
                               body + kStory + "</body></html>"));
}

constexpr char kPublishedUtc[] =
    "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54Z\">";

TEST(ChoosePublished, MetadataWinsWhenThePageShowsIt) {
  PageMeta m = Meta(kPublishedUtc, "<h1>Bridge closed</h1><p>February 25, 2020</p>");
  EXPECT_EQ(m.published, "2020-02-25T02:25:54");
  EXPECT_EQ(m.evidence, "meta");
  // Shown anywhere on the page, it beats a different day by the heading.
  m = Meta(kPublishedUtc,
           "<h1>Bridge closed</h1><p>February 24, 2020</p><footer>Posted 25.02.2020</footer>");
  EXPECT_EQ(m.published, "2020-02-25T02:25:54");
}

TEST(ChoosePublished, BylineReplacesUnshownMetadataNearby) {
  // The byline gives the newsroom's local evening; the metadata is UTC.
  PageMeta m = Meta(kPublishedUtc, "<h1>Bridge closed</h1><p>February 24, 2020 | 9:25pm</p>");
  EXPECT_EQ(m.published, "2020-02-24T21:25");
  EXPECT_EQ(m.evidence, "text");
  // Far from the metadata's day, the byline is something else.
  m = Meta(kPublishedUtc, "<h1>Bridge closed</h1><p>February 2, 2019</p>");
  EXPECT_EQ(m.published, "2020-02-25T02:25:54");
  // An update printed by the heading does not replace the publication.
  m = Meta(kPublishedUtc, "<h1>Bridge closed</h1><p>Updated February 27, 2020</p>");
  EXPECT_EQ(m.published, "2020-02-25T02:25:54");
}

TEST(ChoosePublished, LabelledPublicationByTheHeadingWins) {
  PageMeta m = Meta("<meta name=\"date\" content=\"2023-01-11T12:43:42\">",
                    "<h1>Bridge closed</h1><p>Erstellt am: 01.11.2023</p>");
  EXPECT_EQ(m.published, "2023-11-01");
  EXPECT_EQ(m.evidence, "text");
}

TEST(ChoosePublished, ShownContentTimeReplacesUnshownMetadata) {
  const std::string meta = "<meta name=\"date\" content=\"2022-01-15\">";
  PageMeta m = Meta(meta,
                    "<h1>Bridge closed</h1><p>Alpine club</p><p>News</p><p>Umwelt</p>"
                    "<p>Schnee</p><p>Wild</p><p>Tiere</p><p>Regeln</p><p>Karten</p>"
                    "<p>Touren</p><p>Hütten</p><p>Kurse</p><p>Shop</p><p>Presse</p>"
                    "<div class=story><time datetime=\"2022-01-25\">25.01.2022</time></div>");
  EXPECT_EQ(m.published, "2022-01-25");
  EXPECT_EQ(m.evidence, "time");
  // Not shown on the page, the <time> does not override the metadata.
  m = Meta(meta,
           "<h1>Bridge closed</h1><div class=story><time datetime=\"2022-01-25\">"
           "Tuesday</time></div>");
  EXPECT_EQ(m.published, "2022-01-15");
}

TEST(ChoosePublished, ATimeInALinkDatesTheLinkedPage) {
  // A card for an older post sits by the heading: its <time> backs neither
  // its own date nor the metadata's.
  const std::string meta = "<meta name=\"date\" content=\"2023-10-31\">";
  const std::string card =
      "<h1>Bridge closed</h1><a class=card href=/2019/10/older-post><h3>Our older post</h3>"
      "<time datetime=\"2019-10-21\">21.10.2019</time></a>";
  PageMeta m = Meta(meta, card);
  EXPECT_EQ(m.published, "2023-10-31");
  EXPECT_EQ(m.evidence, "meta");
}

TEST(ChoosePublished, BylineBackedByTheModificationDate) {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2021-03-16T16:16:10+01:00\","
      "\"dateModified\":\"2021-03-20T14:00:17+01:00\"}</script>";
  PageMeta m = Meta(ld,
                    "<h1>Bridge closed</h1><p>20. März 2021 - 15:00 Uhr</p>"
                    "<p>Archiv 16.03.2021</p>");
  EXPECT_EQ(m.published, "2021-03-20T15:00");
  EXPECT_EQ(m.modified, "2021-03-20T14:00:17");
}

TEST(ChoosePublished, PageShowingOnlyItsUpdateIsDatedByIt) {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"Article\","
      "\"datePublished\":\"2016-08-29T21:54:39Z\",\"dateModified\":\"2019-05-06T10:00:00Z\"}"
      "</script>";
  // By the heading it is the byline, backed by the modification date.
  EXPECT_EQ(Meta(ld, "<h1>Bridge closed</h1><p>By Sam</p><p>May 6, 2019</p>").published,
            "2019-05-06");
  // Far from it, it still shows which of the two dates the page goes by.
  std::string far = "<h1>Bridge closed</h1>";
  for (int i = 0; i < 15; ++i) far += "<p>Section " + std::to_string(i) + "</p>";
  EXPECT_EQ(Meta(ld, far + "<p>Reviewed May 6, 2019</p>").published, "2019-05-06T10:00:00");
  EXPECT_EQ(Meta(ld, "<h1>Bridge closed</h1><p>By Sam</p>").published, "2016-08-29T21:54:39");
}

TEST(ChoosePublished, ScriptDataAndModificationAsFallbacks) {
  PageMeta m = Meta(
      "<script>window.app={\"article\":{\"publishedAt\":\"2019-06-24T10:00\"}}"
      "</script>",
      "<h1>Bridge closed</h1>");
  EXPECT_EQ(m.published, "2019-06-24T10:00");
  m = Meta("", "<h1>Bridge closed</h1><p>Aktualisiert am 28.01.2020 - 15:49</p>");
  EXPECT_EQ(m.published, "2020-01-28T15:49");
  EXPECT_EQ(m.modified, "2020-01-28T15:49");
  // A modification date in the metadata alone dates nothing.
  m = Meta("<meta property=\"article:modified_time\" content=\"2020-01-28T15:49\">",
           "<h1>Bridge closed</h1>");
  EXPECT_EQ(m.published, "");
  EXPECT_EQ(m.modified, "2020-01-28T15:49");
  m = Meta("", "<h1>Bridge closed</h1><p>Seit 2019 in Arbeit</p>");
  EXPECT_EQ(m.published, "");  // no month or day is ever filled in
}

}  // namespace
}  // namespace dateline::read
