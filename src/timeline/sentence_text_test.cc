#include "timeline/sentence_text.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(TimelineSentenceTextTest, DropsLiveBlogClocksAndBullets) {
  EXPECT_EQ(DisplayText("13h40 : Début du sommet de Paris."), "Début du sommet de Paris.");
  EXPECT_EQ(DisplayText("0 h 15 : La Libye a demandé une réunion."),
            "La Libye a demandé une réunion.");
  EXPECT_EQ(DisplayText("20 h 1 : \"Aujourd'hui, le gouvernement a annoncé.\""),
            "\"Aujourd'hui, le gouvernement a annoncé.\"");
  EXPECT_EQ(DisplayText("• Le secrétaire est venu."), "Le secrétaire est venu.");
  EXPECT_EQ(DisplayText("- 11 mars Pas d'accord."), "11 mars Pas d'accord.");
  EXPECT_EQ(DisplayText("  Texte ordinaire.  "), "Texte ordinaire.");
}

TEST(TimelineSentenceTextTest, KeepsNumbersThatAreTheSentence) {
  // A count, a date or a clock inside the sentence is content.
  EXPECT_EQ(DisplayText("15 morts à Benghazi : le bilan s'alourdit."),
            "15 morts à Benghazi : le bilan s'alourdit.");
  EXPECT_EQ(DisplayText("25 janvier 2011 Descend sur la place Tahrir."),
            "25 janvier 2011 Descend sur la place Tahrir.");
  EXPECT_EQ(DisplayText("Le vote a eu lieu à 14h30 : tout est dit."),
            "Le vote a eu lieu à 14h30 : tout est dit.");
  EXPECT_EQ(DisplayText("12h30 :"), "12h30 :");  // nothing would be left
}

}  // namespace
}  // namespace dateline
