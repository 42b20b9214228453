#include "pipeline/sentences.h"

#include <gtest/gtest.h>

#include <string>

#include "dateline/language.h"

namespace dateline {
namespace {

std::vector<std::string> Split(std::string_view text, std::string_view lang) {
  const LanguagePack& pack = **LanguageRegistry::BuiltIn().Find(lang);
  std::vector<std::string> out;
  for (const auto& s : SplitSentences(text, pack.abbreviations()))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentencesTest, SplitsOnFinalPunctuation) {
  const auto s = Split("Le président est arrivé. Il a parlé ! Qui l'a vu ?", "fr");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1], "Il a parlé !");
}

TEST(SentencesTest, KeepsFrenchAbbreviationsAndInitials) {
  const auto s =
      Split("M. Dupont a vu Mme. Durand le 3 févr. 2023 à Paris. J. Martin aussi.", "fr");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "M. Dupont a vu Mme. Durand le 3 févr. 2023 à Paris.");
}

TEST(SentencesTest, KeepsEnglishAbbreviations) {
  const auto s = Split("Dr. Smith met Mr. Jones on Jan. 5. They talked.", "en");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "They talked.");
}

TEST(SentencesTest, TitlesAndParagraphsEndSentences) {
  const auto s = Split(
      "Un titre sans point\n\nLe texte commence ici. Puis continue\nsur une autre ligne.", "fr");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Un titre sans point");
  EXPECT_EQ(s[2], "Puis continue\nsur une autre ligne.");
}

TEST(SentencesTest, ALineEndingInFinalPunctuationEndsTheSentence) {
  // One sentence a line, the second starting in lower case.
  auto s = Split("Les rebelles ont pris la ville .\nles habitants ont fui vers le sud .", "fr");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "les habitants ont fui vers le sud .");
  s = Split("He said the talks had failed !\nwhat happens next is unclear.", "en");
  EXPECT_EQ(s.size(), 2u);
  // Tokenised quotes after the full stop.
  s = Split("`` We will stay . ''\nmost of them left the next day .", "en");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "`` We will stay . ''");
  // A wrapped line without final punctuation, or after an abbreviation's
  // period, goes on.
  EXPECT_EQ(Split("Le ministre a annoncé\nune baisse des impôts.", "fr").size(), 1u);
  EXPECT_EQ(Split("Pommes, poires, etc.\net bien d'autres fruits.", "fr").size(), 1u);
  EXPECT_EQ(Split("They met Gen.\nsmith and his staff.", "en").size(), 1u);
}

TEST(SentencesTest, ClosingQuotesStayWithTheSentence) {
  const auto s = Split("« Nous partirons. » Le ministre l'a confirmé.", "fr");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "« Nous partirons. »");
}

TEST(SentencesTest, NumbersAndLowerCaseDoNotSplit) {
  EXPECT_EQ(Split("Il a gagné 3.5 points. puis rien.", "fr").size(), 1u);
}

TEST(SentencesTest, EmptyAndBlankTextGiveNothing) {
  EXPECT_TRUE(Split("", "fr").empty());
  EXPECT_TRUE(Split(" \n\n \t", "fr").empty());
}

TEST(SentencesTest, InvalidUtf8DoesNotCrash) {
  const std::string bad = "Texte \xff\xfe cassé. Suite \xc3 ici.";
  const auto s = SplitSentences(bad, Abbreviations{});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_LE(s.back().end, bad.size());
}

}  // namespace
}  // namespace dateline
