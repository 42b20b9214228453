#include "eval/extraction_eval.h"

#include <gtest/gtest.h>

#include "eval/date_eval.h"

namespace dateline::eval {
namespace {

TEST(ScoreWords, MultisetOverlap) {
  // system: a a b c (4), gold: a b b d (4); common = a, b = 2.
  WordScore s = ScoreWords("a a b c", "a b b d");
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
  EXPECT_DOUBLE_EQ(ScoreWords("", "").f1, 1.0);
  EXPECT_DOUBLE_EQ(ScoreWords("x", "").f1, 0.0);
  EXPECT_DOUBLE_EQ(ScoreWords("", "x").f1, 0.0);
}

TEST(ContainsSnippet, IgnoresCaseAndPunctuation) {
  EXPECT_TRUE(ContainsSnippet("Hello,\n\nbig World!", "hello big world"));
  EXPECT_FALSE(ContainsSnippet("hello bigworld", "hello big world"));
  EXPECT_FALSE(ContainsSnippet("ahello big", "hello big"));
}

TEST(ExtractionScorer, MeansPerTypeAndSnippetRates) {
  ExtractionScorer scorer;
  ExtractionGold a{"1", "", "", "article", "one two three four", {"two three"}, {"menu"}};
  ExtractionGold f{"2", "", "", "forum", "alpha beta", {"gamma"}, {}};
  scorer.Add(a, "one two three four menu");  // P 0.8 R 1 -> F1 8/9
  scorer.Add(f, "alpha beta");               // F1 1, misses "gamma"
  ExtractionReport r = scorer.Report();
  EXPECT_EQ(r.pages, 2);
  EXPECT_NEAR(r.by_type["article"].mean_f1, 8.0 / 9, 1e-9);
  EXPECT_NEAR(r.article_f1, 8.0 / 9, 1e-9);
  EXPECT_NEAR(r.mean_f1, (8.0 / 9 + 1) / 2, 1e-9);
  EXPECT_DOUBLE_EQ(r.with_rate, 0.5);     // page 1 keeps its snippet, page 2 does not
  EXPECT_DOUBLE_EQ(r.without_rate, 0.0);  // page 1 kept "menu"
}

TEST(DateCounts, TpFpFnTn) {
  DateCounts c;
  c.Add("2023-02-25T14:15", "2023-02-25");  // TP: day level
  c.Add("2023-02-24", "2023-02-25");        // FP
  c.Add("", "2023-02-25");                  // FN
  c.Add("", "");                            // TN
  c.Add("2020-01-01", "");                  // FP
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(c.fp, 2);
  EXPECT_EQ(c.fn, 1);
  EXPECT_EQ(c.tn, 1);
  EXPECT_DOUBLE_EQ(c.accuracy(), 2.0 / 5);
  EXPECT_DOUBLE_EQ(c.precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(c.recall(), 1.0 / 2);
  EXPECT_NEAR(c.f1(), 0.4, 1e-12);
}

}  // namespace
}  // namespace dateline::eval
