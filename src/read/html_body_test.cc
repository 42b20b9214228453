#include "read/html_body.h"

#include <gtest/gtest.h>

#include <string>

#include "read/html_dom.h"
#include "read/html_meta.h"

namespace dateline::read {
namespace {

std::string MainText(const std::string& html) {
  Dom dom = ParseHtml(html);
  return ExtractMainText(dom, "");
}

const char kProse[] =
    "<p>The council voted on Tuesday to reopen the covered market after eighteen months of "
    "work, a decision that traders had awaited since the roof was found unsafe.</p>"
    "<p>Stallholders will return in March, and the city expects the first weekend to draw "
    "crowds from the whole region, as it did before the closure.</p>";

// `n` copies of kProse made distinct (a page does not repeat its
// paragraphs; repeated runs are dropped as a second copy of the text).
std::string Prose(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i) {
    std::string p = kProse;
    for (size_t at = p.find("<p>"); at != std::string::npos; at = p.find("<p>", at + 3)) {
      p.insert(at + 3, "(" + std::to_string(i) + ") ");
    }
    out += p;
  }
  return out;
}

TEST(HtmlBody, NoscriptThatHoldsThePageIsRead) {
  std::string html = std::string("<html><body><div id=app></div><noscript><div class=wrap>") +
                     kProse + "</div></noscript><noscript><img src=x></noscript></body></html>";
  EXPECT_NE(MainText(html).find("covered market"), std::string::npos);
  // A small <noscript> beside real content stays out.
  std::string small = std::string("<html><body><article>") + kProse +
                      "</article><noscript>Please enable JavaScript to continue.</noscript>";
  EXPECT_EQ(MainText(small).find("JavaScript"), std::string::npos);
}

TEST(HtmlBody, LinkWrappedCardsAreContentNavigationIsNot) {
  std::string html =
      "<html><body><ul class=menu-main><li><a href=/a>Home</a></li>"
      "<li><a href=/b>World</a></li><li><a href=/c>Sports</a></li></ul><main>";
  for (int i = 0; i < 4; ++i) {
    html += "<div class=card><a href=/s" + std::to_string(i) +
            "><h2>Renting a car could lead to arrest number " + std::to_string(i) +
            "</h2><p>Police drew their guns on a customer whose rental was wrongly listed as "
            "stolen, and she is not the first driver to face such a stop.</p></a></div>";
  }
  html += "</main></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("arrest number 0"), std::string::npos) << text;
  EXPECT_NE(text.find("arrest number 3"), std::string::npos) << text;
  EXPECT_NE(text.find("wrongly listed as stolen"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sports"), std::string::npos) << text;
}

TEST(HtmlBody, LinkedHeadingsUnderAnArticleAreNotContent) {
  std::string html = std::string("<html><body><div class=main>") + Prose(8) +
                     "<h3><a href=/x>Handling tough decisions as a caregiver</a></h3>"
                     "<h3><a href=/y>How high blood pressure harms your health</a></h3>"
                     "</div></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("covered market"), std::string::npos);
  EXPECT_EQ(text.find("tough decisions"), std::string::npos) << text;
}

TEST(HtmlBody, BuilderWidgetClassesDoNotHideTheArticle) {
  std::string html = "<html><body><nav><a href=/>Home</a></nav>";
  html += std::string(
              "<div class=\"elementor-widget-wrap\"><div class=\"elementor-widget-"
              "container\">") +
          kProse + "</div></div>";
  html += "<div class=widget><h3>Archives</h3><p>Short widget line.</p></div></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("covered market"), std::string::npos) << text;
  EXPECT_EQ(text.find("Short widget line"), std::string::npos) << text;
}

TEST(HtmlBody, ProseOutweighsAFurnitureClass) {
  // A comment-like class on the box that holds all the prose (a forum
  // thread) must not empty the page.
  std::string html = std::string("<html><body><div class=comments-thread>") + Prose(2) +
                     "</div><div class=comments-footer><p>Log in to reply.</p></div></body>";
  EXPECT_NE(MainText(html).find("covered market"), std::string::npos);
}

TEST(HtmlBody, ThreadsKeepTheirPostsArticlesDropTheirComments) {
  std::string thread = "<html><body><h1>Which first telescope?</h1>";
  for (int i = 0; i < 3; ++i) {
    thread += "<div id=comment-" + std::to_string(i) + "_wrap class=post>" + kProse + "</div>";
  }
  thread += "</body></html>";
  EXPECT_NE(MainText(thread).find("covered market"), std::string::npos);
  std::string article = std::string("<html><body><article>") + Prose(3) +
                        "</article><div class=comments><div class=comment-body>"
                        "<p>I disagree with the council, the market was fine as it was, "
                        "and the money would have been better spent on the schools.</p>"
                        "</div></div></body></html>";
  std::string text = MainText(article);
  EXPECT_NE(text.find("covered market"), std::string::npos);
  EXPECT_EQ(text.find("I disagree"), std::string::npos) << text;
}

TEST(HtmlBody, ShopGridFallsBackToTheItemsOfThePage) {
  // No block reads as prose: the items themselves are the content, the
  // one-word links around them are not.
  std::string html =
      "<html><body><div class=top><a href=/>Shop</a> <a href=/c>Cart</a></div>"
      "<ul class=grid>";
  for (int i = 0; i < 12; ++i) {
    html += "<li><h3>Robotic lawn mower model " + std::to_string(i) +
            "</h3><div>Quiet and autonomous, up to one acre</div><div>$ 2,099.99</div></li>";
  }
  html += "</ul></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("lawn mower model 0"), std::string::npos) << text;
  EXPECT_NE(text.find("lawn mower model 11"), std::string::npos) << text;
  EXPECT_EQ(text.find("Cart"), std::string::npos) << text;
}

TEST(HtmlMeta, UtcDateYieldsToTheSameInstantInLocalTime) {
  Dom dom = ParseHtml(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2023-11-09T03:28:35Z\"}</script>"
      "<meta name=\"sailthru.date\" content=\"2023-11-08 22:28:35\"></head>"
      "<body><p>x</p></body></html>");
  EXPECT_EQ(ExtractMeta(dom).published, "2023-11-08T22:28:35");
  // Another instant (an update) is not a local form of the publication.
  Dom other = ParseHtml(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2023-11-09T03:28:35Z\"}</script></head><body>"
      "<time class=updated datetime=\"2023-11-08 23:55:10\">8 Nov</time></body></html>");
  EXPECT_EQ(ExtractMeta(other).published, "2023-11-09T03:28:35");
  // A date with its own offset is kept as written.
  Dom local = ParseHtml(
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2019-10-19T00:04:00+02:00\"><meta name=date content=\"2019-10-18T22:04:00Z\">"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(ExtractMeta(local).published, "2019-10-19T00:04:00");
}

}  // namespace
}  // namespace dateline::read

namespace dateline::read {
namespace {

TEST(HtmlMeta, DatelineOpeningALongParagraph) {
  const std::string body =
      " Der Arbeitsmarkt zeigt sich zum Jahresbeginn robust, sagte die Behörde am Dienstag, "
      "und die Zahl der offenen Stellen liegt weiter über dem Niveau des Vorjahres.";
  Dom opening = ParseHtml("<html><body><h1>Arbeitsmarkt</h1><p><strong>01.02.2022</strong>" + body +
                          "</p></body></html>");
  EXPECT_EQ(ExtractMeta(opening).published, "2022-02-01");
  // A date inside a long paragraph is something the text talks about.
  Dom inside = ParseHtml("<html><body><h1>Arbeitsmarkt</h1><p>" + body +
                         " Bis zum 01.02.2022 war das anders, " + body + "</p></body></html>");
  EXPECT_EQ(ExtractMeta(inside).published, "");
}

}  // namespace
}  // namespace dateline::read

namespace dateline::read {
namespace {

TEST(HtmlMeta, TimeInFurnitureDatesSomethingElse) {
  Dom dom = ParseHtml(
      "<html><body><div class=sidebar-latest><time datetime=\"2019-07-30\">30 July</time> "
      "<a href=/x>Another story</a></div><div class=story><h1>Violences</h1>"
      "<time datetime=\"2019-06-27T08:00\">27 June</time>" +
      std::string(kProse) + "</div></body></html>");
  PageMeta meta = ExtractMeta(dom);
  EXPECT_EQ(meta.published, "2019-06-27T08:00");
  EXPECT_EQ(meta.evidence, "time");
}

TEST(HtmlBody, ConsentDialogIsNotContentEvenWhenItHoldsTheProse) {
  // A listing of linked recipe titles, and a consent dialog with more prose
  // than the whole listing.
  std::string html = "<html><body><main><p>Our collection of sauces for every dish.</p><ul>";
  for (int i = 0; i < 8; ++i) {
    html += "<li><a href=/r" + std::to_string(i) + ">Slow-cooked sauce number " +
            std::to_string(i) + "</a></li>";
  }
  html += "</ul></main><div id=onetrust-pc-sdk><div role=dialog>";
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>These cookies allow us to count visits and traffic sources so we can measure and "
        "improve the performance of our site, and they help us know which pages are popular.</p>";
  }
  html += "</div></div></body></html>";
  std::string text = MainText(html);
  EXPECT_EQ(text.find("count visits"), std::string::npos) << text;
  EXPECT_NE(text.find("Our collection"), std::string::npos) << text;
}

TEST(HtmlBody, TheChosenBoxLeavesOutAsideProseOfTheSameWrapper) {
  // The article and a block of reader comments share one wrapper; the
  // comments have sentences too, but the article holds most of the score.
  std::string html = std::string("<html><body><div class=wrap><div class=story>") + Prose(6) +
                     "</div><div class=talk>" +
                     "<p>I went there last week and the stalls were all closed, what a pity.</p>" +
                     "</div></div></body></html>";
  Dom dom = ParseHtml(html);
  std::vector<bool> pruned = PruneMask(dom);
  std::vector<TextBlock> blocks = CollectBlocks(dom, pruned);
  int chosen = ChooseContainer(dom, pruned, blocks);
  EXPECT_EQ(dom.nodes[chosen].Attr("class"), "story");
  EXPECT_EQ(ExtractMainText(dom, "").find("what a pity"), std::string::npos);
}

TEST(HtmlBody, CaptionsUnderAnArticleAreDropped) {
  std::string html = std::string("<html><body><article>") + Prose(4) +
                     "<figure><img src=a.jpg><figcaption>Stallholders at the gate | City "
                     "Archives</figcaption></figure>" +
                     Prose(4, 4) + "</article></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("covered market"), std::string::npos);
  EXPECT_EQ(text.find("City Archives"), std::string::npos) << text;
  // A shop grid keeps its captions: they name the items.
  std::string grid = "<html><body><main>";
  for (int i = 0; i < 6; ++i) {
    grid += "<figure><img src=b.jpg><figcaption>Stoneware mug in sand glaze, model " +
            std::to_string(i) + ", with a wide handle.</figcaption></figure>";
  }
  grid += "</main></body></html>";
  EXPECT_NE(MainText(grid).find("model 5"), std::string::npos) << MainText(grid);
}

TEST(HtmlBody, CustomerReviewsAreNotTheProductsText) {
  std::string html =
      "<html><body><main><h1>Stoneware mug</h1><div class=description><ul>"
      "<li>Capacity: 350 ml</li><li>Glaze: sand, food safe</li><li>Handmade in Portugal</li>"
      "</ul>";
  for (int i = 0; i < 9; ++i) {
    html +=
        "<p>A wide mug thrown on the wheel, glazed by hand and fired twice, so no two "
        "pieces look quite the same.</p>";
  }
  html += "</div><section id=reviews-section>";
  for (int i = 0; i < 3; ++i) {
    html +=
        "<div class=review-item><p>I bought this mug for my sister and she uses it every "
        "morning, the glaze is lovely and it keeps the coffee warm for a long time.</p></div>";
  }
  html += "</section></main></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Capacity: 350 ml"), std::string::npos) << text;
  EXPECT_EQ(text.find("my sister"), std::string::npos) << text;
  // A rating line inside a listing's item is no block of reviews.
  std::string grid = "<html><body><main>";
  for (int i = 0; i < 6; ++i) {
    grid += "<div class=tile><h3>Espresso machine " + std::to_string(i) +
            "</h3><div class=reviews-content><p>A compact machine that heats fast and "
            "froths milk well.</p></div></div>";
  }
  grid += "</main></body></html>";
  EXPECT_NE(MainText(grid).find("froths milk"), std::string::npos) << MainText(grid);
}

TEST(HtmlBody, TextCarriedTwiceIsGivenOnce) {
  const char* paragraphs[] = {
      "The council voted on Tuesday to reopen the covered market after the works.",
      "Stallholders will return in March with the stalls they had before the closure.",
      "The roof was found unsafe two winters ago and had to be rebuilt from the beams up.",
      "Traders say the months away cost them a third of their regular customers.",
      "The city will waive the stall fees for the first quarter of the reopening year.",
      "A market festival is planned for the first weekend, with music in the square."};
  std::string copy;
  for (const char* p : paragraphs) copy += std::string("<p>") + p + "</p>";
  // The same article for large and small screens, one hidden by a style
  // sheet the reader does not see.
  std::string html = "<html><body><article><div class=desktop>" + copy +
                     "</div><div class=mobile>" + copy + "</div></article></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("covered market"), std::string::npos) << text;
  EXPECT_EQ(text.find("covered market"), text.rfind("covered market")) << text;
  // One sentence repeated under each item stays under each item.
  std::string coupons = "<html><body><main>";
  for (int i = 0; i < 6; ++i) {
    coupons += "<div class=coupon><h3>Save " + std::to_string(10 + i) +
               " dollars on a panel upgrade</h3><p>Cannot be combined with other offers, one "
               "coupon per household.</p></div>";
  }
  coupons += "</main></body></html>";
  std::string items = MainText(coupons);
  size_t count = 0;
  for (size_t at = items.find("one coupon per"); at != std::string::npos;
       at = items.find("one coupon per", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 6u) << items;
}

TEST(HtmlBody, AnUnclosedAsideWrappingTheMainElementIsNotDropped) {
  // The banner's </aside> is missing: the parser nests the whole page in it.
  std::string html = std::string(
                         "<html><body><aside class=announcement><a href=/n>We joined a larger "
                         "group</a><main><article>") +
                     Prose(3) + "</article></main></body></html>";
  EXPECT_NE(MainText(html).find("covered market"), std::string::npos);
  // A closed aside beside the article stays out.
  std::string closed = std::string("<html><body><main><article>") + Prose(3) +
                       "</article></main><aside><p>Our partners offer a discount on "
                       "garden furniture this week, and delivery is free.</p></aside></body>";
  EXPECT_EQ(MainText(closed).find("garden furniture"), std::string::npos);
}

TEST(HtmlBody, AHeaderInsideAnItemIsItsHeading) {
  std::string html =
      "<html><body><header class=site><a href=/>Tech News</a> <a href=/mac>Mac</a></header>"
      "<main>";
  for (int i = 0; i < 5; ++i) {
    html += "<article><header><h2><a href=/s" + std::to_string(i) +
            ">Headphones gain new colour options in batch " + std::to_string(i) +
            "</a></h2><p>The maker adds three finishes to its range, sold only through one "
            "retailer for the first month of the season.</p></header></article>";
  }
  html += "</main></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("three finishes"), std::string::npos) << text;
  EXPECT_EQ(text.find("Tech News"), std::string::npos) << text;
}

TEST(HtmlBody, PageBuilderBoxesNamedLikeFurnitureHoldTheProse) {
  // Every box of the page is a "widget" panel: together they hold the
  // prose, so the name says nothing. A popup with prose stays out.
  std::string html = "<html><body><nav><a href=/>Home</a></nav><div class=panels>";
  for (int i = 0; i < 4; ++i) {
    html += "<div class=\"so-panel widget widget_text\">" + Prose(1, i) + "</div>";
  }
  html +=
      "</div><div class=\"site-popup\"><p>Sign up to receive our letter on careers, "
      "with offers from our partners every week of the year.</p></div></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("(0) The council"), std::string::npos) << text;
  EXPECT_NE(text.find("(3) Stallholders"), std::string::npos) << text;
  EXPECT_EQ(text.find("receive our letter"), std::string::npos) << text;
  // A real sidebar widget beside an article is still dropped.
  std::string aside = std::string("<html><body><article>") + Prose(3) +
                      "</article><div class=\"widget widget_text\"><p>The author lives by the "
                      "sea and writes about towns and their markets.</p></div></body></html>";
  EXPECT_EQ(MainText(aside).find("lives by the sea"), std::string::npos) << MainText(aside);
}

TEST(HtmlBody, ForumSignaturesAndUserCardsAreNotContent) {
  std::string html = "<html><body><h1>Which first telescope?</h1><div class=thread>";
  for (int i = 0; i < 3; ++i) {
    html +=
        "<div class=post><div class=postprofile><span class=usertitle>Senior member</span>"
        "<p>Posts: 4032</p></div><div class=content>" +
        Prose(1, i) +
        "</div><div class=signature><p>My nation does not reflect my political views, "
        "and my telescope is bigger than yours, whatever you say.</p></div></div>";
  }
  html += "</div></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("(2) Stallholders"), std::string::npos) << text;
  EXPECT_EQ(text.find("political views"), std::string::npos) << text;
  EXPECT_EQ(text.find("Senior member"), std::string::npos) << text;
}

TEST(HtmlBody, TeaserBoxesOfAListingAreItsContent) {
  std::string html =
      "<html><body><nav><a href=/>Home</a></nav><main><h1>Science</h1><div class=list>";
  for (int i = 0; i < 6; ++i) {
    html += "<div class=teaser-item id=teaser-" + std::to_string(i) + "><h2><a href=/s" +
            std::to_string(i) + ">Astronomers map a cold cloud near the galactic centre, part " +
            std::to_string(i) +
            "</a></h2><p>The survey took four years and shows gas falling toward the black "
            "hole faster than models predicted.</p></div>";
  }
  html += "</div></main></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("part 0"), std::string::npos) << text;
  EXPECT_NE(text.find("part 5"), std::string::npos) << text;
}

TEST(HtmlBody, AShortBoxOfManyItemsIsKeptWithoutThePageAroundIt) {
  // The description is short, but its eight points make it a box of
  // items: the page's other scraps are not added to it.
  std::string html =
      "<html><body><div class=deal>Free delivery over fifty pounds</div><ul class=points>";
  const char* points[] = {"Holds a full day of water for one person.",
                          "Keeps drinks cold for hours in the summer sun.",
                          "Fits most car cup holders and bike cages.",
                          "The lid closes with magnets and does not leak.",
                          "Safe in the top rack of the dishwasher.",
                          "Made of kitchen-grade steel that does not rust.",
                          "Comes in eleven colours, two of them new.",
                          "Covered by a five-year warranty against defects."};
  for (const char* p : points) html += std::string("<li>") + p + "</li>";
  html +=
      "</ul><div class=badge>Only three left in stock today</div>"
      "<div class=note>Prices include value added tax</div></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Holds a full day"), std::string::npos) << text;
  EXPECT_NE(text.find("five-year warranty"), std::string::npos) << text;
  EXPECT_EQ(text.find("three left"), std::string::npos) << text;
}

TEST(HtmlBody, HiddenTabAndAccordionPanelsAreContent) {
  // The answers of an FAQ and the other tabs of a service page are hidden
  // until opened; a hidden menu is not content.
  std::string html = "<html><body><main><h1>Pet insurance</h1>" + Prose(2) +
                     "<div class=faq><button aria-controls=a1>What is a waiting period?</button>"
                     "<div id=a1 class=\"accordion-inner\" role=region aria-labelledby=q1 "
                     "aria-hidden=true><p>Cover for illnesses starts fifteen days after you "
                     "buy the policy, and for accidents the next day.</p></div></div>"
                     "<div id=a2 role=region aria-labelledby=q2 hidden><p>Pets of any age "
                     "can be insured, though the premium rises with each birthday.</p></div>"
                     "<div role=tabpanel style=\"display: none\"><p>Claims are paid within ten "
                     "working days once the vet has sent the invoice to us.</p></div>"
                     "</main><div style=\"display:none\"><p>Insurance for cars, homes, boats "
                     "and pets, with discounts when you bundle them together.</p></div>"
                     "</body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("fifteen days"), std::string::npos) << text;
  EXPECT_NE(text.find("ten working days"), std::string::npos) << text;
  EXPECT_NE(text.find("each birthday"), std::string::npos) << text;
  EXPECT_EQ(text.find("bundle them"), std::string::npos) << text;
}

TEST(HtmlBody, OnlyAWholeHeaderClassNamesTheBanner) {
  // "accordion-header" and "card-header" head parts of the content; a box
  // classed "header" is the site's banner.
  std::string html =
      "<html><body><div class=header><a href=/>Movers</a> <a href=/q>Quote"
      "</a></div><main>" +
      Prose(2);
  for (int i = 0; i < 3; ++i) {
    html += "<div class=accordion-header>Do movers take apart furniture, case " +
            std::to_string(i) + "?</div><div class=accordion-body><p>Most crews take apart " +
            "beds and tables and put them back together at the new home.</p></div>";
  }
  html += "</main></body></html>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("furniture, case 2?"), std::string::npos) << text;
  EXPECT_EQ(text.find("Quote"), std::string::npos) << text;
}

TEST(HtmlBody, UtilityClassesNameNoFurniture) {
  // A style utility that mentions a banner's height is not a banner.
  std::string html = "<html><body><main><div class=intro>" + Prose(2) + "</div>";
  for (int i = 2; i < 4; ++i) {
    html += "<div class=\"stack lg:pt-[var(--banner-height)]\">" + Prose(1, i) + "</div>";
  }
  html += "</main></body></html>";
  EXPECT_NE(MainText(html).find("(3) The council"), std::string::npos) << MainText(html);
}

TEST(HtmlBody, HidingClassesAndTemplatePlaceholdersAreNotText) {
  std::string html = "<html><body><article>" + Prose(3) +
                     "<span class=hidden>last edited by a moderator</span>"
                     "<p class=\"d-none\">Printed from the archive of the city.</p>"
                     "<p class=\"hidden-xs\">Shown on larger screens only, this line stays.</p>"
                     "<p>{{ board.errors[1].message }}</p></article></body></html>";
  std::string text = MainText(html);
  EXPECT_EQ(text.find("last edited"), std::string::npos) << text;
  EXPECT_EQ(text.find("Printed from"), std::string::npos) << text;
  EXPECT_EQ(text.find("{{"), std::string::npos) << text;
  EXPECT_NE(text.find("this line stays"), std::string::npos) << text;
}

}  // namespace
}  // namespace dateline::read
