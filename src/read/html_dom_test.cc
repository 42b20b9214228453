#include "read/html_dom.h"

#include <gtest/gtest.h>
#include <myhtml/tag_const.h>

#include <string>

#include "dateline/reader.h"
#include "text/utf8.h"

namespace dateline::read {
namespace {

int DomDepth(const Dom& dom) {
  int deepest = 0;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    int d = 0;
    for (int p = dom.nodes[i].parent; p >= 0; p = dom.nodes[p].parent) ++d;
    deepest = std::max(deepest, d);
  }
  return deepest;
}

std::string Nested(int depth, const std::string& open, const std::string& inner) {
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i) html += open;
  return html + inner;
}

TEST(HtmlDom, EstimateCountsNestingNotSiblings) {
  EXPECT_EQ(EstimateNestingDepth("<div><div><span>x</span></div></div>"), 3);
  EXPECT_EQ(EstimateNestingDepth("<div></div><div></div><div></div>"), 1);
  // Void, self-closed and optional-end elements do not nest.
  EXPECT_EQ(EstimateNestingDepth("<div><p>a<p>b<br><img src=x><li>c<li>d<x-icon/></div>"), 1);
  EXPECT_EQ(EstimateNestingDepth("<table><tr><td>a<td>b<tr><td>c</table><b>x</b>"), 4);
  // Tags inside comments, scripts and quoted attribute values are not tags.
  EXPECT_EQ(EstimateNestingDepth("<!-- <div><div> --><script>if (a<b) x='<div>';</script>"
                                 "<a title=\"<div>\" href='>'>x</a>"),
            1);
}

TEST(HtmlDom, FlattenKeepsTextAndCapsDepth) {
  std::string html = Nested(40, "<div>", "<p>au fond</p>");
  for (int i = 0; i < 40; ++i) html += "</div>";
  html += "<p>après</p>";
  std::string flat;
  size_t at = FlattenDeepNesting(html, 10, flat);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(html.compare(at, 5, "<div>"), 0);
  EXPECT_EQ(EstimateNestingDepth(flat), 10);
  EXPECT_NE(flat.find("<p>au fond</p>"), std::string::npos);
  EXPECT_NE(flat.find("<p>après</p>"), std::string::npos);
  std::string same;
  EXPECT_EQ(FlattenDeepNesting("<div><b>x</b></div>", 10, same), std::string::npos);
  EXPECT_EQ(same, "<div><b>x</b></div>");
}

// 100,000 nested elements once took myhtml tens of seconds: the pre-scan
// must cap the depth the parser sees, keep the text and say so.
TEST(HtmlDom, HugeNestingIsFlattenedBeforeParsing) {
  for (const char* open : {"<div>", "<b>", "<span class=x>", "<table><tr><td>"}) {
    Dom dom = ParseHtml(Nested(100000, open, "<p>texte au fond</p>"));
    EXPECT_NE(dom.warning.find("flattened"), std::string::npos) << open;
    EXPECT_LE(DomDepth(dom), kMaxNestingDepth + 10) << open;
    EXPECT_NE(SubtreeText(dom, 0).find("texte au fond"), std::string::npos) << open;
  }
  Dom plain = ParseHtml(Nested(50, "<div>", "<p>peu profond</p>"));
  EXPECT_TRUE(plain.warning.empty());
}

TEST(HtmlDom, ReaderWarnsAboutFlattenedMarkup) {
  Reader reader;
  ReadHints hints;
  hints.path = "deep.html";
  StatusOr<Article> a = reader.Read(
      Nested(100000, "<div>", "<p>Un paragraphe tout au fond, avec une phrase entière.</p>"),
      hints);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->text.find("tout au fond"), std::string::npos);
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_NE(a->warnings.front().find("deep.html: markup nested deeper"), std::string::npos)
      << a->warnings.front();
}

TEST(HtmlDom, TreeIsReusedAcrossPages) {
  Dom a = ParseHtml("<html><body><p>one</p></body></html>");
  Dom b = ParseHtml("<html><body><p>two</p></body></html>");
  EXPECT_EQ(SubtreeText(a, 0), "one");
  EXPECT_EQ(SubtreeText(b, 0), "two");
}

TEST(HtmlDom, NodesCarryTagIdsAndNames) {
  Dom dom = ParseHtml(
      "<html><body><div class=a><p>One <b>two</b></p><x-card>three</x-card>"
      "</div></body></html>");
  int div = -1, p = -1, custom = -1, texts = 0;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.tag == "div") div = static_cast<int>(i);
    if (n.tag == "p") p = static_cast<int>(i);
    if (n.tag == "x-card") custom = static_cast<int>(i);
    if (n.is_text()) {
      ++texts;
      EXPECT_EQ(n.tag, "#text");
      EXPECT_EQ(n.id, static_cast<unsigned>(MyHTML_TAG__TEXT));
    }
  }
  ASSERT_GE(div, 0);
  ASSERT_GE(p, 0);
  ASSERT_GE(custom, 0);
  EXPECT_EQ(texts, 3);
  EXPECT_EQ(dom.nodes[div].id, static_cast<unsigned>(MyHTML_TAG_DIV));
  EXPECT_EQ(dom.nodes[p].id, static_cast<unsigned>(MyHTML_TAG_P));
  EXPECT_GE(dom.nodes[custom].id, static_cast<unsigned>(MyHTML_TAG_LAST_ENTRY));
  EXPECT_EQ(dom.nodes[dom.body].id, static_cast<unsigned>(MyHTML_TAG_BODY));
}

TEST(HtmlDom, HasAncestorLooksAboveTheNodeOnly) {
  Dom dom = ParseHtml(
      "<html><body><article><header><h2><a href=/x><time>Today</time></a></h2>"
      "</header></article><p>Tail</p></body></html>");
  int time = -1, p = -1;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].tag == "time") time = static_cast<int>(i);
    if (dom.nodes[i].tag == "p") p = static_cast<int>(i);
  }
  ASSERT_GE(time, 0);
  ASSERT_GE(p, 0);
  EXPECT_TRUE(HasAncestor(dom, time, MyHTML_TAG_A));
  EXPECT_TRUE(HasAncestor(dom, time, MyHTML_TAG_ARTICLE));
  EXPECT_FALSE(HasAncestor(dom, time, MyHTML_TAG_TIME));
  EXPECT_FALSE(HasAncestor(dom, p, MyHTML_TAG_ARTICLE));
}

// myhtml drops NULs from text but can then cut the text short in the middle
// of a character (here the euro sign loses its last byte): what the DOM holds
// is checked where it leaves the parser, so every field read from it is
// valid UTF-8.
TEST(HtmlDom, TextAndAttributesAreValidUtf8) {
  using namespace std::string_literals;
  const std::string html =
      "<html><body><p title=\"a\0\0\x01\0\xE2\x82\xAC\">\0\0\x01\0\xE2\x82\xAC</p>"
      "<p>\xC3\xA9t\xC3\xA9</p></body></html>"s;
  Dom dom = ParseHtml(html);
  size_t texts = 0;
  for (const DomNode& n : dom.nodes) {
    EXPECT_EQ(FindInvalidUtf8(n.text), std::string::npos) << n.text;
    for (const auto& [key, value] : n.attrs) {
      EXPECT_EQ(FindInvalidUtf8(value), std::string::npos) << key << "=" << value;
    }
    texts += n.is_text();
  }
  EXPECT_EQ(texts, 2u);
  EXPECT_NE(SubtreeText(dom, dom.body).find("\xC3\xA9t\xC3\xA9"), std::string::npos);
}

}  // namespace
}  // namespace dateline::read
