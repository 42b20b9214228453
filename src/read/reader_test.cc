#include "dateline/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "dateline/timex.h"
#include "text/utf8.h"
#include "util/gzip_for_tests.h"

namespace dateline {
namespace {

using test_util::GzipMember;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/data/read/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Published(const Article& a) { return a.published ? FormatDayTime(*a.published) : ""; }
std::string Modified(const Article& a) { return a.modified ? FormatDayTime(*a.modified) : ""; }

TEST(Reader, HtmlArticle) {
  Reader reader;
  StatusOr<Article> a = reader.Read(Fixture("article.html"), ReadHints{});
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Le marché couvert rouvre ses portes");
  EXPECT_EQ(Published(*a), "2023-02-25T14:15:00");
  EXPECT_EQ(DateEvidenceName(a->date_evidence), "json-ld");
  EXPECT_EQ(Modified(*a), "2023-02-26T09:00:00");
  EXPECT_EQ(a->lang, "fr");
  EXPECT_TRUE(TimexValue::IsValid(Published(*a)));
  EXPECT_NE(a->text.find("Après dix-huit mois de travaux"), std::string::npos);
  EXPECT_NE(a->text.find("\n\nUne charpente restaurée\n\n"), std::string::npos) << a->text;
  EXPECT_NE(a->text.find("producteurs locaux"), std::string::npos);
  for (const char* debris : {"Accueil", "cookies", "Partager", "lire aussi", "budget",
                             "Les plus lus", "Mentions légales", "tracking", "script"}) {
    EXPECT_EQ(a->text.find(debris), std::string::npos) << debris << " in:\n" << a->text;
  }
}

TEST(Reader, GzipInputIsInflated) {
  Reader reader;
  StatusOr<Article> a = reader.Read(GzipMember(Fixture("article.html"), 9), ReadHints{});
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(Published(*a), "2023-02-25T14:15:00");
}

TEST(Reader, GzipBombIsCappedWithError) {
  Reader reader;
  ReadHints hints;
  hints.path = "bomb.html.gz";
  hints.max_bytes = 1 << 20;
  StatusOr<Article> a = reader.Read(GzipMember(std::string(8 << 20, 'a'), 9), hints);
  EXPECT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kTooLarge);
  EXPECT_NE(a.status().message().find("bomb.html.gz"), std::string::npos) << a.status().message();
}

TEST(Reader, CorruptGzipIsAnError) {
  Reader reader;
  std::string gz = GzipMember(Fixture("article.html"), 9);
  gz.resize(gz.size() / 2);
  ReadHints hints;
  hints.path = "cut.html.gz";
  StatusOr<Article> a = reader.Read(gz, hints);
  EXPECT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(a.status().message().rfind("cut.html.gz: ", 0), 0u) << a.status().message();
}

TEST(Reader, PlainInputOverLimit) {
  Reader reader;
  ReadHints hints;
  hints.max_bytes = 100;
  StatusOr<Article> a = reader.Read(std::string(1000, 'x'), hints);
  EXPECT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("exceeds"), std::string::npos);
}

TEST(Reader, BinaryDataNamesPosition) {
  Reader reader;
  std::string bin = "GIF89a";
  bin += std::string("\x01\x00\x02\x03", 4);
  ReadHints hints;
  hints.path = "image.html";
  StatusOr<Article> a = reader.Read(bin, hints);
  EXPECT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(a.status().message().find("image.html: binary data at byte 7"), std::string::npos)
      << a.status().message();
}

TEST(Reader, TruncatedAndMalformedHtmlIsBestEffort) {
  Reader reader;
  std::string html = Fixture("article.html");
  StatusOr<Article> a = reader.Read(html.substr(0, html.find("Les étals")), ReadHints{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("charpente métallique"), std::string::npos);
  StatusOr<Article> b = reader.Read(
      "<html><body><div><p>Texte <b>gras <i>mal fermé</p></div></span>"
      "<p>Deuxième paragraphe, assez long pour compter, avec une phrase.",
      ReadHints{});
  ASSERT_TRUE(b.ok());
  EXPECT_NE(b->text.find("Deuxième paragraphe"), std::string::npos);
}

TEST(Reader, DeepNestingDoesNotOverflow) {
  Reader reader;
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "<p>Un paragraphe au fond de la page, avec une phrase entière pour compter.</p>";
  StatusOr<Article> a = reader.Read(html, ReadHints{});
  EXPECT_TRUE(a.ok());
  EXPECT_NE(a->text.find("au fond de la page"), std::string::npos);
}

TEST(Reader, WrongDeclaredCharset) {
  Reader reader;
  // Declared Latin-1, served as UTF-8: the UTF-8 reading wins.
  StatusOr<Article> a = reader.Read(
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Été comme hiver, la rédaction "
      "publie chaque matin une longue phrase complète.</p></body></html>",
      ReadHints{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Été comme hiver"), std::string::npos) << a->text;
  // Declared UTF-8, served as Latin-1: converted, never invalid UTF-8 out.
  StatusOr<Article> b = reader.Read(
      "<html><head><meta charset=\"utf-8\"></head><body><p>\xC9t\xE9 comme hiver, la r\xE9"
      "daction publie chaque matin une longue phrase compl\xE8te.</p></body></html>",
      ReadHints{});
  ASSERT_TRUE(b.ok());
  EXPECT_NE(b->text.find("Été comme hiver"), std::string::npos) << b->text;
}

TEST(Reader, DateFromUrlWhenContentHasNone) {
  Reader reader;
  ReadHints hints;
  hints.url = "https://journal.test/2021/06/15/un-article";
  StatusOr<Article> a = reader.Read(
      "<html><body><p>Un paragraphe sans aucune date, mais avec une phrase "
      "complète.</p></body></html>",
      hints);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Published(*a), "2021-06-15");
  EXPECT_EQ(DateEvidenceName(a->date_evidence), "url");
  ReadHints path_hints;
  path_hints.path = "tests/data/read/dated_path_2021-06-15.txt";
  StatusOr<Article> b = reader.Read(Fixture("dated_path_2021-06-15.txt"), path_hints);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(Published(*b), "2021-06-15");
  EXPECT_EQ(DateEvidenceName(b->date_evidence), "path");
}

TEST(Reader, NoDateIsNeverInvented) {
  Reader reader;
  StatusOr<Article> a = reader.Read(
      "<html><body><p>Publié en février, sans jour ni année précis, un "
      "texte avec une phrase.</p></body></html>",
      ReadHints{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Published(*a), "");
}

void ExpectValidUtf8(const Article& a) {
  const std::string published = Published(a);
  for (const std::string* field : {&a.title, &a.text, &published, &a.lang, &a.url}) {
    EXPECT_EQ(FindInvalidUtf8(*field), std::string::npos) << *field;
  }
}

// UTF-16 (BOM FF FE) holding U+0000: the NUL is text to the HTML parser,
// which gives it back as a broken replacement character.
TEST(Reader, Utf16WithNulGivesValidUtf8) {
  Reader reader;
  ReadHints hints;
  hints.path = "u.html";
  const std::string bytes("\xFF\xFE\x00\x00\x00\x00\x01\x00\x00\x00\x6C", 11);
  StatusOr<Article> a = reader.Read(bytes, hints);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ExpectValidUtf8(*a);
}

// The binary check looks at the first 64 KB only: a NUL after that reaches
// the HTML parser inside a UTF-8 page.
TEST(Reader, NulPastTheFirst64KbGivesValidUtf8) {
  using namespace std::string_literals;
  std::string page = "<html><head><title>Titre</title></head><body><article>";
  while (page.size() < 70000)
    page += "<p>Le pont de Valmorin a rouvert ses voies à la circulation.</p>";
  page += "<p>\0\0\x01\0€</p><p>Fin du texte.</p></article></body></html>"s;
  Reader reader;
  StatusOr<Article> a = reader.Read(page, ReadHints{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ExpectValidUtf8(*a);
  EXPECT_NE(a->text.find("du texte"), std::string::npos);
}

TEST(Reader, UrlHintComesOutValidUtf8) {
  Reader reader;
  ReadHints hints;
  hints.url = "http://x/2023/02/25/caf\xE9";
  StatusOr<Article> page = reader.Read("<p>Un texte assez long pour compter.</p>", hints);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  for (const Article& a : {*page, reader.ReadText("Un texte assez long pour compter.", hints)}) {
    EXPECT_EQ(a.url, "http://x/2023/02/25/caf\xEF\xBF\xBD");
    EXPECT_EQ(Published(a), "2023-02-25");  // the hint still serves its date
  }
}

// Text holding tags of its own (a tagger's <d>VALUE</d> output) is text, not
// a page: only the tags of HTML pages make input HTML.
TEST(Reader, TextWithUnknownTagsIsReadAsText) {
  Reader reader;
  const std::string text =
      "Le président a parlé <d>XXXX-02-22</d> à Minsk, devant les députés réunis en session.\n\n"
      "Il partira <d>XXXX-02-25</d> pour <d>P3D</d>, a indiqué son service de presse.\n";
  StatusOr<Article> a = reader.Read(text, ReadHints{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(a->text.find("parlé <d>XXXX-02-22</d> à Minsk"), std::string::npos) << a->text;
}

TEST(ReadCommand, JsonlKeepsGoingAfterBadFile) {
  std::string cmd = std::string(DATELINE_BINARY) + " read " + DATELINE_SOURCE_DIR +
                    "/tests/data/read/article.html /nonexistent/page.html 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 1);
  size_t nl = out.find('\n');
  ASSERT_NE(nl, std::string::npos);
  std::string first = out.substr(0, nl), second = out.substr(nl + 1);
  EXPECT_NE(first.find("\"published\":\"2023-02-25T14:15:00\""), std::string::npos) << first;
  EXPECT_NE(second.find("\"source\":\"/nonexistent/page.html\""), std::string::npos) << second;
  EXPECT_NE(second.find("\"error\""), std::string::npos);
}

}  // namespace
}  // namespace dateline
