#include "read/page_dates.h"

#include <gtest/gtest.h>

#include <string>

#include "read/html_dom.h"

namespace dateline::read {
namespace {

VisibleDates Scan(const std::string& body, std::string_view title = "") {
  return ScanVisibleDates(ParseHtml("<html><body>" + body + "</body></html>"), title);
}

TEST(ScanVisibleDates, BylineNextToTheTitleHeading) {
  // The first <h1> is the site's logo; the heading that holds the title
  // anchors the search, and a date in the sidebar before it does not count.
  VisibleDates v = Scan(
      "<h1>Stadtblatt</h1><p>Meistgelesen 01.01.2020</p>"
      "<p>Lorem</p><p>Ipsum</p><p>Dolor</p><p>Sit</p>"
      "<h2>Neue Brücke eröffnet</h2><p>Von Anna Muster, 28.09.19 12:44</p>",
      "Neue Brücke eröffnet | Stadtblatt");
  EXPECT_EQ(v.head, "2019-09-28T12:44");
  EXPECT_EQ(v.head_label, DateLabel::kNone);
  EXPECT_EQ(v.published, "2019-09-28T12:44");
}

TEST(ScanVisibleDates, InlineElementsAndUnicodeSpacesSeparateWords) {
  // Blocks join inline elements as written: "Karrasch3.11.2023".
  EXPECT_EQ(Scan("<h1>Crocs</h1><div>Tanja Karrasch<span>3.11.2023</span></div>").head,
            "2023-11-03");
  EXPECT_EQ(Scan("<h1>Forum</h1><div><b>macbacchi</b><span>28.09.19</span><i>12:44</i></div>").head,
            "2019-09-28T12:44");
  EXPECT_EQ(Scan("<h1>Davis Cup</h1><div>Von DTB 4.&thinsp;2.&thinsp;2022.</div>").head,
            "2022-02-04");
}

TEST(ScanVisibleDates, NearestBlocksFirstAndPunctuationFreeTitleMatch) {
  // A list of teasers: the date under the heading beats the one above it,
  // and the heading matches the title despite a different dash.
  VisibleDates v = Scan(
      "<h3>Other story</h3><div>01.02.2022 16:28</div>"
      "<h3>Lindvik - gewinnt in Willingen</h3><div>30.01.2022 18:36</div>",
      "Lindvik – gewinnt in Willingen");
  EXPECT_EQ(v.head, "2022-01-30T18:36");
  // A dateline just above the heading counts when nothing follows it.
  EXPECT_EQ(Scan("<div>Bonn, 11.10.2021</div><h1>Frauen im THW</h1><p>Text</p>").head,
            "2021-10-11");
}

TEST(ScanVisibleDates, LabelsSeparatePublicationFromUpdate) {
  VisibleDates v =
      Scan("<h1>Grève</h1><p>Publié le 25/02/2023 à 14:15, mis à jour le 26/02/2023 à 09:02</p>");
  EXPECT_EQ(v.head, "2023-02-25T14:15");
  EXPECT_EQ(v.head_label, DateLabel::kPublished);
  EXPECT_EQ(v.published, "2023-02-25T14:15");
  EXPECT_EQ(v.modified, "2023-02-26T09:02");

  VisibleDates updated = Scan("<h1>Storm</h1><p>Last updated 04 Jun 2020, first 17 Jun 2019</p>");
  EXPECT_EQ(updated.head_label, DateLabel::kModified);
  EXPECT_EQ(updated.modified, "2020-06-04");
  EXPECT_EQ(updated.published, "2019-06-17");
}

TEST(ScanVisibleDates, LabelledDatesInLongBlocksAndVerbLast) {
  std::string prose(300, 'x');
  prose = "Ein langer Absatz " + prose;
  VisibleDates v =
      Scan("<p>" + prose +
           " Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:00 Uhr "
           "veröffentlicht.</p><p>" +
           prose + " Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</p>");
  EXPECT_EQ(v.head, "");  // no heading
  EXPECT_EQ(v.published, "2011-12-03T10:00");
  EXPECT_EQ(v.modified, "2020-01-29T13:22");
  // An unlabelled date inside a long paragraph is something the text talks about.
  EXPECT_EQ(Scan("<p>" + prose + " bis zum 01.02.2022 war das anders " + prose + "</p>").published,
            "");
}

TEST(ScanVisibleDates, ShowsEveryDayInEitherOrder) {
  VisibleDates v = Scan(
      "<p>Copyright</p><div>Archiv: 03/14/2021 und 2. Mai 2019</div>"
      "<script>var d = '2001-01-01';</script>");
  EXPECT_TRUE(v.Shows("2021-03-14T10:00"));
  EXPECT_TRUE(v.Shows("2019-05-02"));
  EXPECT_FALSE(v.Shows("2001-01-01"));  // scripts are not shown
  EXPECT_FALSE(v.Shows("2019-05"));
}

TEST(DateInScripts, StateBlobsAndEscapedJson) {
  Dom state = ParseHtml(
      "<html><head><script>window.__STATE__={\"product\":{\"created_at\":\"2019-03-02T06:27:24\","
      "\"published_at\":\"2019-03-02T06:22:28+01:00\"}}</script></head><body></body></html>");
  EXPECT_EQ(DateInScripts(state), "2019-03-02T06:22:28");
  Dom escaped = ParseHtml(
      "<html><body><script>var s = \"{\\\"publishedDate\\\":\\\"2016-11-04T20:37:27Z\\\"}\";"
      "</script></body></html>");
  EXPECT_EQ(DateInScripts(escaped), "2016-11-04T20:37:27");
  Dom created = ParseHtml(
      "<html><body><script>x={\"createdAt\":\"2022-01-31T15:58:43+01:00\"}</script></body></html>");
  EXPECT_EQ(DateInScripts(created), "2022-01-31T15:58:43");
  // JSON-LD is read elsewhere; values that are no dates are skipped.
  Dom none = ParseHtml(
      "<html><body><script type=\"application/ld+json\">{\"datePublished\":\"2020-01-01\"}"
      "</script><script>x={\"publishDate\":\"soon, maybe\"}</script></body></html>");
  EXPECT_EQ(DateInScripts(none), "");
}

}  // namespace
}  // namespace dateline::read
