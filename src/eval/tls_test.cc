#include "eval/tls.h"

#include <gtest/gtest.h>

namespace dateline::eval {
namespace {

TlsTimeline Parse(std::string_view text) {
  TlsTimeline t;
  std::string error;
  EXPECT_TRUE(ParseTlsTimeline(text, t, error)) << error;
  return t;
}

// The worked example of EVALUATION.md §3 (English stop words and stemming).
// For this example align+ many-to-one and one-to-one pick the same pairs,
// so the documented one-to-one figures apply to AR1 as well.
TEST(TlsTest, ReproducesTheWorkedExample) {
  const TlsTimeline system = Parse(
      "2010-01-01\nJust a test .\nAnother sentence .\n--------\n"
      "2010-01-03\nSome more content .\nEven more !\n--------\n");
  const std::vector<TlsTimeline> refs = {
      Parse("2010-01-02\nJust a test .\n--------\n2010-01-04\nThis one does not match .\n"
            "--------\n"),
      Parse("2010-01-05\nAnother timeline !\n--------\n")};
  TlsOptions options;
  options.language = "en";
  options.stem = true;
  const TlsScores s = ScoreTimeline(system, refs, options);
  EXPECT_NEAR(s.concat1.precision, 0.1667, 5e-5);
  EXPECT_NEAR(s.concat1.recall, 0.3333, 5e-5);
  EXPECT_NEAR(s.concat1.f1, 0.2222, 5e-5);
  EXPECT_NEAR(s.align1.precision, 0.0833, 5e-5);
  EXPECT_NEAR(s.align1.recall, 0.1667, 5e-5);
  EXPECT_NEAR(s.align1.f1, 0.1111, 5e-5);
  EXPECT_DOUBLE_EQ(s.date.f1, 0.0);
}

TEST(TlsTest, DateF1CountsExactDays) {
  const TlsTimeline system = Parse("2011-01-25\nUn.\n----\n2011-01-26\nDeux.\n----\n");
  const TlsTimeline ref = Parse(
      "2011-01-25\nUn.\n----\n2011-02-01\nTrois.\n----\n"
      "2011-02-02\nQuatre.\n----\n");
  const TlsScores s = ScoreTimeline(system, {ref}, TlsOptions{});
  EXPECT_DOUBLE_EQ(s.date.precision, 0.5);
  EXPECT_NEAR(s.date.recall, 1.0 / 3, 1e-12);
}

TEST(TlsTest, IdenticalTimelinesScoreOne) {
  const TlsTimeline t =
      Parse("2011-01-25\nLes manifestants occupent la place Tahrir au Caire.\n-----\n");
  const TlsScores s = ScoreTimeline(t, {t}, TlsOptions{});
  EXPECT_DOUBLE_EQ(s.concat2.f1, 1.0);
  EXPECT_DOUBLE_EQ(s.align1.f1, 1.0);
  EXPECT_DOUBLE_EQ(s.align2.f1, 1.0);
}

TEST(TlsTest, FrenchTokensDropFunctionWordsAndSplitElisions) {
  TlsTokenizer tok(TlsOptions{});
  const auto tokens = tok.Tokenize("L’armée a tiré sur les manifestants de l'Égypte.");
  const std::vector<std::string> expected = {"armée", "tiré", "manifestants", "égypte"};
  EXPECT_EQ(tokens, expected);
}

TEST(TlsTest, AlignDiscountsDistantDates) {
  const TlsTimeline ref = Parse("2011-01-25\nManifestation géante place Tahrir.\n----\n");
  const TlsTimeline near = Parse("2011-01-26\nManifestation géante place Tahrir.\n----\n");
  const TlsScores s = ScoreTimeline(near, {ref}, TlsOptions{});
  EXPECT_NEAR(s.align1.f1, 0.5, 1e-12);  // one day apart: hits / 2
  EXPECT_DOUBLE_EQ(s.concat1.f1, 1.0);
}

TEST(TlsTest, RejectsMalformedFiles) {
  TlsTimeline t;
  std::string error;
  EXPECT_FALSE(ParseTlsTimeline("not a date\nsentence\n", t, error));
  EXPECT_EQ(error, "line 1: expected a YYYY-MM-DD date");
}

TEST(TlsTest, ReferenceSizeRoundsMeanSentences) {
  const TlsTimeline ref = Parse("2011-01-25\na\nb\n----\n2011-01-26\nc\n----\n");
  const TlsSize size = ReferenceSize(ref);
  EXPECT_EQ(size.dates, 2u);
  EXPECT_EQ(size.sentences, 2u);  // 1.5 rounds to 2
}

TEST(TlsTest, AveragesPrecisionAndRecallBeforeF1) {
  TlsScores a, b;
  a.date = {1.0, 0.0, 0.0};
  b.date = {0.0, 1.0, 0.0};
  const TlsScores avg = AverageScores({a, b});
  EXPECT_DOUBLE_EQ(avg.date.precision, 0.5);
  EXPECT_DOUBLE_EQ(avg.date.recall, 0.5);
  EXPECT_DOUBLE_EQ(avg.date.f1, 0.5);
}

}  // namespace
}  // namespace dateline::eval
