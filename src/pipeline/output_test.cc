#include "dateline/output.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "text/utf8.h"

namespace dateline {
namespace {

std::vector<TimeExpression> Found(std::string_view text) {
  // "hier" at bytes 11..15, code points 10..14 (after "Le pont é ").
  TimeExpression e;
  e.begin = text.find("hier");
  e.end = e.begin + 4;
  e.cp_begin = 10;
  e.cp_end = 14;
  e.type = TimexType::kDate;
  e.value = "2023-02-21";
  return {e};
}

TEST(OutputTest, TaggedTextInEachFormat) {
  const std::string text = "Le pont é hier <b>";
  const auto found = Found(text);
  EXPECT_EQ(FormatTagged(text, found, TagFormat::kInline, "s"), "Le pont é <d>2023-02-21</d> <b>");
  EXPECT_EQ(FormatTagged(text, found, TagFormat::kTimeMl, "s"),
            "Le pont é <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-02-21\">hier</TIMEX3> "
            "&lt;b&gt;");
  EXPECT_EQ(FormatTagged(text, found, TagFormat::kJsonl, "s"),
            "{\"source\":\"s\",\"begin\":10,\"end\":14,\"text\":\"hier\",\"type\":\"DATE\","
            "\"value\":\"2023-02-21\"}\n");
  EXPECT_EQ(ParseTagFormat("timeml"), TagFormat::kTimeMl);
  EXPECT_FALSE(ParseTagFormat("yaml"));
}

TEST(OutputTest, StreamedWriterWritesWhatFormatTaggedWrites) {
  const std::string text = "Le pont é hier <b> & demain";
  std::vector<TimeExpression> found = Found(text);
  TimeExpression tomorrow;
  tomorrow.begin = text.find("demain");
  tomorrow.end = text.size();
  tomorrow.cp_begin = 21;
  tomorrow.cp_end = 27;
  tomorrow.value = "2023-02-23";
  tomorrow.mod = "APPROX";
  found.push_back(tomorrow);
  for (TagFormat f : {TagFormat::kInline, TagFormat::kTimeMl, TagFormat::kJsonl}) {
    std::ostringstream out;
    TaggedTextWriter writer(out, f, "s");
    // As the tagger streams them: one expression per chunk here.
    for (const TimeExpression& e : found) writer.Add(text, e);
    writer.Finish(text);
    EXPECT_EQ(out.str(), FormatTagged(text, found, f, "s"));
  }
}

TEST(OutputTest, JsonStaysValidUtf8WhateverTheNamesHold) {
  const std::string text = "Le pont é hier";
  const std::string name = "caf\xe9.html";  // a Latin-1 file name
  const std::string line = FormatTagged(text, Found(text), TagFormat::kJsonl, name);
  EXPECT_EQ(FindInvalidUtf8(line), std::string::npos);
  EXPECT_NE(line.find("caf\xEF\xBF\xBD.html"), std::string::npos) << line;
  Article a;
  a.title = "T";
  a.url = "http://x/\xff";
  for (ArticleFormat f : {ArticleFormat::kJsonl, ArticleFormat::kJson}) {
    const std::string out = FormatArticle(a, f, name);
    EXPECT_EQ(FindInvalidUtf8(out), std::string::npos);
    EXPECT_NO_THROW(nlohmann::json::parse(out));
  }
}

TEST(OutputTest, ArticleJsonKeysAndNulls) {
  Article a;
  a.title = "Titre";
  a.text = "Texte.";
  a.published = ParseDayTime("2023-02-25T14:15");
  a.date_evidence = DateEvidence::kJsonLd;
  const auto j = nlohmann::json::parse(FormatArticle(a, ArticleFormat::kJsonl, "p.html"));
  EXPECT_EQ(j["published"], "2023-02-25T14:15");
  EXPECT_EQ(j["date_evidence"], "json-ld");
  EXPECT_TRUE(j["modified"].is_null());
  EXPECT_TRUE(j["lang"].is_null());
  EXPECT_EQ(FormatArticle(a, ArticleFormat::kText, "p.html"),
            "Titre\n2023-02-25T14:15\n\nTexte.\n");
  const auto error = nlohmann::json::parse(
      FormatArticleError(Status::InvalidInput("p.html: bad"), ArticleFormat::kJsonl, "p.html"));
  EXPECT_EQ(error["error"], "p.html: bad");
  EXPECT_EQ(FormatArticleError(Status::InvalidInput("x"), ArticleFormat::kText, "p"), "");
}

TEST(OutputTest, DocumentJsonCarriesDecisionsAndSpans) {
  AnnotatedDocument doc;
  doc.text = "Le pont é hier";
  doc.language = "fr";
  doc.language_source = LanguageSource::kGiven;
  doc.dct = ParseDayTime("2023-02-22");
  doc.dct_source = DctSource::kGiven;
  doc.expressions = Found(doc.text);
  Sentence s;
  s.end = doc.text.size();
  s.cp_end = 14;
  s.date = TimexValue::Parse("2023-02-21");
  doc.sentences.push_back(s);
  const auto j = nlohmann::json::parse(FormatDocumentJson(doc, "in"));
  EXPECT_EQ(j["language"], "fr");
  EXPECT_EQ(j["language_source"], "given");
  EXPECT_EQ(j["dct"], "2023-02-22");
  EXPECT_EQ(j["dct_source"], "given");
  EXPECT_EQ(j["expressions"][0]["begin"], 10);
  EXPECT_EQ(j["expressions"][0]["byte_begin"], 11);
  EXPECT_EQ(j["sentences"][0]["date"], "2023-02-21");
  EXPECT_EQ(j["sentences"][0]["weak_date"], false);
}

}  // namespace
}  // namespace dateline
