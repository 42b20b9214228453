#include "text/words.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

using V = std::vector<std::string>;

TEST(WordsTest, LowerCaseUnicodeWords) {
  EXPECT_EQ(Words("Été, l'ÉCOLE_2 — café!", WordForm::kLower), (V{"été", "l", "école_2", "café"}));
  EXPECT_TRUE(Words(" -- ", WordForm::kLower).empty());
}

TEST(WordsTest, FoldedWordsLoseAccentsAndLigatures) {
  EXPECT_EQ(Words("BIÉLORUSSIE! Œuvre", WordForm::kFolded), (V{"bielorussie", "oeuvre"}));
}

TEST(WordsTest, CombiningMarksStayInTheWord) {
  // "é" written as "e" + U+0301: one word, not "e" and "t".
  const std::string decomposed = "e\xCC\x81t\xC3\xA9";
  EXPECT_EQ(Words(decomposed, WordForm::kLower).size(), 1u);
  EXPECT_EQ(Words(decomposed, WordForm::kFolded), V{"ete"});
}

TEST(WordsTest, NumbersAreWordsAndInvalidBytesSeparate) {
  EXPECT_EQ(Words("3,5 km²", WordForm::kLower), (V{"3", "5", "km²"}));
  EXPECT_EQ(Words("ab\xFF"
                  "cd",
                  WordForm::kLower),
            (V{"ab", "cd"}));
}

}  // namespace
}  // namespace dateline
