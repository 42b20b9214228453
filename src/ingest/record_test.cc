#include "dateline/record.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(RecordTest, TextRecordIsTextWithItsTitleAndTimeAsDct) {
  const auto r =
      ParseRecord(R"({"id": "a1", "url": "https://example.org/a1", "time": "2023-02-22T08:30:00Z",)"
                  R"( "title": "Le pont", "text": "Il partira samedi."})",
                  "news.jsonl:3");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->id, "a1");
  EXPECT_EQ(r->body, "Il partira samedi.");
  EXPECT_EQ(r->options.kind, InputKind::kText);
  EXPECT_EQ(r->options.title, "Le pont");
  EXPECT_EQ(r->options.url, "https://example.org/a1");
  EXPECT_EQ(r->options.path, "news.jsonl:3");
  ASSERT_TRUE(r->options.dct);
  EXPECT_EQ(FormatDayTime(*r->options.dct), "2023-02-22T08:30:00");  // the zone is ignored
}

TEST(RecordTest, HtmlWinsOverTextAndIsReadAsAPage) {
  const auto r = ParseRecord(
      R"({"html": "<html><body><p>Samedi.</p></body></html>", "text": "x", "title": "t",)"
      R"( "time": "2023-02-22"})",
      "w");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->options.kind, InputKind::kPage);
  EXPECT_EQ(r->options.content_type, "text/html");
  EXPECT_TRUE(r->options.title.empty());  // a page's title is the page's own
  EXPECT_TRUE(r->id.empty());
  EXPECT_EQ(FormatDayTime(*r->options.dct), "2023-02-22");
}

TEST(RecordTest, TimeToTheMinuteOrUnreadable) {
  auto r = ParseRecord(R"({"text": "t", "time": "2023-02-22 08:30"})", "w");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatDayTime(*r->options.dct), "2023-02-22T08:30");
  r = ParseRecord(R"({"text": "t", "time": "last Tuesday"})", "w");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->options.dct);
  r = ParseRecord(R"({"text": "t", "time": 20230222, "id": 7})", "w");  // not strings
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->options.dct);
  EXPECT_TRUE(r->id.empty());
}

TEST(RecordTest, BadLinesFailNamingWhere) {
  for (const char* line : {"not json", "[1, 2]", "", "{\"text\": \"unterminated"}) {
    const auto r = ParseRecord(line, "news.jsonl:9");
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(r.status().message(), "news.jsonl:9: not a JSON object");
  }
  const auto empty = ParseRecord(R"({"id": "e", "text": ""})", "news.jsonl:10");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "news.jsonl:10: record has neither \"text\" nor \"html\"");
}

TEST(RecordTest, FieldsMakeWhatTheirJsonLineMakes) {
  const auto from_line = ParseRecord(
      R"({"id": "a1", "url": "u", "time": "2023-02-22T08:30", "title": "T", "text": "x"})", "w");
  const auto from_fields = MakeRecord({"a1", "u", "2023-02-22T08:30", "T", "x", ""}, "w");
  ASSERT_TRUE(from_line.ok() && from_fields.ok());
  EXPECT_EQ(from_fields->id, from_line->id);
  EXPECT_EQ(from_fields->body, from_line->body);
  EXPECT_EQ(from_fields->options.kind, from_line->options.kind);
  EXPECT_EQ(from_fields->options.title, from_line->options.title);
  EXPECT_EQ(from_fields->options.url, from_line->options.url);
  EXPECT_EQ(from_fields->options.dct, from_line->options.dct);
  EXPECT_EQ(from_fields->options.path, "w");
  EXPECT_FALSE(MakeRecord({"id", "", "", "title only", "", ""}, "w").ok());
}

}  // namespace
}  // namespace dateline
