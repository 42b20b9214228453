// Texts written for these tests in the shapes scrapers produce (not copies
// of real pages).
#include "read/scraped_text.h"

#include <gtest/gtest.h>

namespace dateline::read {
namespace {

constexpr char kAdWrapped[] =
    "Le maire de Valcourt inaugurera le pont neuf la semaine prochaine\n\n"
    "[ad_1]\n\n"
    "Le maire de Valcourt, élu depuis six ans, coupera le ruban du nouveau pont jeudi matin devant "
    "les habitants du quartier.\n\n"
    "Les travaux, commencés il y a deux ans, ont coûté plus que prévu selon le conseil "
    "municipal.\n\n"
    "« Nous avons tenu nos engagements », a déclaré l'adjointe aux travaux.\n\n"
    "[ad_2]\n\n"
    "Source link -31\n";

TEST(CleanScrapedText, DropsScraperArtefacts) {
  ScrapedArticle a = CleanScrapedText(kAdWrapped);
  EXPECT_EQ(a.title, "Le maire de Valcourt inaugurera le pont neuf la semaine prochaine");
  EXPECT_EQ(a.text.find("[ad_"), std::string::npos);
  EXPECT_EQ(a.text.find("Source link"), std::string::npos);
  EXPECT_NE(a.text.find("coupera le ruban"), std::string::npos);
  EXPECT_NE(a.text.find("a déclaré l'adjointe"), std::string::npos);
  EXPECT_EQ(a.published, "");
}

constexpr char kVideoPage[] =
    "in\n\n"
    "Le conseil régional vote un budget « historique » pour les transports\n\n"
    "Le conseil régional vote un budget \"historique\" pour les transports\n\n"
    "Le conseil régional vote un budget « historique » pour les transports\n"
    "Publié par Canal Test / Date: 2023-03-31 12:29:07\n"
    "Durée: 00:12:40 / 310 likes / Rating: / 20417 vues\n"
    "#conseil #régional #budget #transports\n\n"
    "Le conseil régional a adopté jeudi soir un budget de transports en hausse, avec de nouvelles "
    "lignes de car et des trains plus fréquents entre les villes moyennes.\n\n"
    "L'opposition a dénoncé un vote précipité, mais la majorité a salué un effort sans "
    "précédent.\n\n"
    "12 Comments\n\n"
    "Leave a Reply\n"
    "  1. Encore des promesses, on verra bien ce qui sera fait réellement dans nos campagnes.\n";

TEST(CleanScrapedText, VideoPageDateAndComments) {
  ScrapedArticle a = CleanScrapedText(kVideoPage);
  EXPECT_EQ(a.published, "2023-03-31T12:29:07");
  EXPECT_NE(a.title.find("budget"), std::string::npos);
  EXPECT_EQ(a.text.find("vote un budget"), std::string::npos) << "repeated title kept: " << a.text;
  EXPECT_EQ(a.text.find("#conseil"), std::string::npos);
  EXPECT_EQ(a.text.find("likes"), std::string::npos);
  EXPECT_EQ(a.text.find("Encore des promesses"), std::string::npos) << "comment kept";
  EXPECT_NE(a.text.find("vote précipité"), std::string::npos);
}

constexpr char kAgencyPage[] =
    "Aller au contenu principal Activer le contraste adaptéDésactiver le contraste adapté\n"
    "Fermer\n\n"
    "Portugal-Le gouvernement annonce une baisse de la TVA sur l'énergie\n"
    "information fournie par Reuters 25/02/2023 à 14:15\n\n"
    "25 février (Reuters) - Le gouvernement portugais a annoncé samedi une baisse temporaire de la "
    "TVA sur l'électricité et le gaz pour les ménages.\n\n"
    "La mesure doit entrer en vigueur le mois prochain, a précisé le ministre des Finances.\n\n"
    "1 commentaire\n\n"
    "  • 25 février 18:30\n\n"
    "    il était temps, les factures sont devenues impossibles à payer pour beaucoup de "
    "familles.\n";

TEST(CleanScrapedText, AgencyDateLineDayFirst) {
  ScrapedArticle a = CleanScrapedText(kAgencyPage);
  EXPECT_EQ(a.published, "2023-02-25T14:15");
  EXPECT_EQ(a.title, "Portugal-Le gouvernement annonce une baisse de la TVA sur l'énergie");
  EXPECT_EQ(a.text.find("Aller au contenu"), std::string::npos);
  EXPECT_EQ(a.text.find("Fermer"), std::string::npos);
  EXPECT_EQ(a.text.find("il était temps"), std::string::npos);
  EXPECT_EQ(a.text.rfind("25 février (Reuters)", 0), 0u) << a.text;
}

constexpr char kSharePage[] =
    "Suivez nous sur\n\n"
    "La Région\n\n"
    "Les ministres européens s'accordent sur un plan pour l'eau potable\n\n"
    "PARTAGEZ:\n\n"
    "Publié le\n\n"
    "on\n\n"
    "Nous utilisons votre inscription pour fournir du contenu de la manière que vous avez "
    "consentie.\n\n"
    "Les ministres européens de l'environnement se sont accordés mardi sur un plan commun pour "
    "protéger les nappes phréatiques.\n\n"
    "Le texte doit encore être approuvé par le Parlement européen avant la fin de l'année.\n\n"
    "Publicité\n\n"
    "Partagez cet article:\n\n"
    "Tendance\n\n"
    "Les ministres européens de l'environnement se sont accordés mardi sur un plan commun.\n";

TEST(CleanScrapedText, ShareAndConsentLines) {
  ScrapedArticle a = CleanScrapedText(kSharePage);
  EXPECT_EQ(a.text.find("PARTAGEZ"), std::string::npos);
  EXPECT_EQ(a.text.find("inscription"), std::string::npos);
  EXPECT_EQ(a.text.find("Publicité"), std::string::npos);
  EXPECT_EQ(a.text.find("Tendance"), std::string::npos);
  EXPECT_NE(a.text.find("nappes phréatiques"), std::string::npos);
  EXPECT_NE(a.text.find("Parlement européen"), std::string::npos);
  EXPECT_EQ(a.published, "");  // "Publié le" with no date gives none
}

TEST(CleanScrapedText, ModificationDateIsNotPublication) {
  ScrapedArticle a = CleanScrapedText(
      "Un titre d'essai pour la date\n"
      "Publié le 03/04/2022 à 08:00\n"
      "Mis à jour le 04/04/2022 à 09:30\n\n"
      "Un premier paragraphe suffisamment long pour commencer l'article et le corps du texte.\n");
  EXPECT_EQ(a.published, "2022-04-03T08:00");
  EXPECT_EQ(a.modified, "2022-04-04T09:30");
}

// Above an article's title and byline, a scraped page may hold the site's
// list of other headlines; none of them ends with a full stop, so they are
// the site's, and the title is the line above the standfirst and byline.
TEST(CleanScrapedText, HeadlinesAboveTheTitleAreTheSites) {
  ScrapedArticle a = CleanScrapedText(
      "Les boulangers de Valmorin testent le pain au sarrasin\n"
      "Pourquoi les hérissons traversent-ils nos jardins la nuit ?\n"
      "14-Juillet : comment la fête nationale a changé de visage depuis cent cinquante ans\n"
      "« Nous ne pouvons pas attendre deux ans de plus pour rénover les écoles »\n"
      "Services Le Quotidien\n"
      "A Valmorin, le port rouvre ses quais aux cargos\n"
      "Après trois semaines de grève, les dockers ont repris le travail lundi matin.\n"
      "Par Lucie Garnier et Paul Ménard Publié le 14 mars 2024 à 10h05 - Mis à jour le 15 mars "
      "2024 à 08h40\n"
      "Les premiers navires sont attendus mercredi, a indiqué la direction du port, qui "
      "prévoit un retour à la normale d'ici à la fin du mois.\n");
  EXPECT_EQ(a.title, "A Valmorin, le port rouvre ses quais aux cargos");
  EXPECT_EQ(a.text.find("hérissons"), std::string::npos);
  EXPECT_EQ(a.text.find("14-Juillet"), std::string::npos);
  EXPECT_EQ(a.text.find("deux ans de plus"), std::string::npos);
  EXPECT_NE(a.text.find("repris le travail lundi"), std::string::npos);
  EXPECT_NE(a.text.find("attendus mercredi"), std::string::npos);
}

// A section name before a title repeated under it is the site's too.
TEST(CleanScrapedText, SectionNameBeforeTheTitle) {
  ScrapedArticle a = CleanScrapedText(
      "Monde Valmorin: le port rouvre ses quais aux cargos\n"
      "Valmorin: le port rouvre ses quais aux cargos\n"
      "Publié le 14/03/2024 à 10h05\n"
      "Les dockers de Valmorin ont repris le travail lundi après trois semaines de grève.\n");
  EXPECT_EQ(a.title, "Valmorin: le port rouvre ses quais aux cargos");
  EXPECT_EQ(a.published, "2024-03-14T10:05");
}

// Counter-examples: a paragraph above the stamp (an article whose stamp
// follows its first paragraphs, or a page with no header list) keeps every
// line; the first title-like line stays the title.
TEST(CleanScrapedText, ProseAboveTheStampIsKept) {
  ScrapedArticle a = CleanScrapedText(
      "Le port de Valmorin rouvre ses quais aux cargos\n"
      "Les dockers de Valmorin ont repris le travail lundi après trois semaines de grève.\n"
      "La direction du port prévoit un retour à la normale\n"
      "Publié le 14 mars 2024 à 10h05\n"
      "Les premiers navires sont attendus mercredi, a indiqué la direction du port.\n");
  EXPECT_EQ(a.title, "Le port de Valmorin rouvre ses quais aux cargos");
  EXPECT_NE(a.text.find("repris le travail lundi"), std::string::npos);
  EXPECT_NE(a.text.find("attendus mercredi"), std::string::npos);
  // A paragraph is one whose full stop stands inside closing quotes too.
  ScrapedArticle quoted = CleanScrapedText(
      "« Nous reprenons le travail lundi, après trois semaines de grève. »\n"
      "Le port de Valmorin rouvre ses quais aux cargos\n"
      "Publié le 14 mars 2024 à 10h05\n"
      "Les premiers navires sont attendus mercredi, a indiqué la direction du port.\n");
  EXPECT_NE(quoted.text.find("Nous reprenons le travail"), std::string::npos);
}

TEST(CleanScrapedText, EmptyInput) {
  ScrapedArticle a = CleanScrapedText("");
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.title, "");
}

// A scraper that loses the line breaks gives the whole page as one line:
// title, article and footer. A footer word ("cookies") at its end must not
// make the line, and the article with it, page furniture.
TEST(CleanScrapedText, PageOnOneLineIsNotFurniture) {
  std::string line = "Le pont de Valmorin rouvert après huit mois de travaux Publié le 6 mars";
  for (int i = 0; i < 12; ++i) {
    line +=
        " Le pont de Valmorin, fermé depuis l'effondrement d'une travée, a rouvert mardi aux "
        "voitures et aux cyclistes, a annoncé la mairie dans un communiqué.";
  }
  line += " Mentions légales | Contact | Politique de cookies";
  const ScrapedArticle a = CleanScrapedText(line + "\n");
  EXPECT_NE(a.text.find("a rouvert mardi"), std::string::npos) << a.text;
  // A notice on its own line is still furniture.
  const ScrapedArticle b = CleanScrapedText(
      "Le pont de Valmorin, fermé depuis l'effondrement d'une travée, a rouvert mardi.\n\n"
      "Ce site utilise des cookies pour mesurer l'audience et vous proposer des contenus adaptés "
      "à vos centres d'intérêt.\n");
  EXPECT_EQ(b.text.find("cookies"), std::string::npos) << b.text;
}

// Markup some scrapers copy from a page's <noscript> (a tracking pixel, a
// tag manager's frame) is no text of the article.
TEST(CleanScrapedText, LinesOfMarkupAreDropped) {
  const ScrapedArticle a = CleanScrapedText(
      "Le pont de Valmorin a rouvert mardi aux voitures et aux cyclistes, selon la mairie.\n"
      "<img height=\"1\" width=\"1\" style=\"display:none\" "
      "src=\"https://pixel.example/tr?id=1&ev=PageView&noscript=1\"/>\n"
      "  <iframe src=\"https://tags.example/ns.html?id=X\" height=\"0\" width=\"0\"></iframe>  \n"
      "Les travaux ont duré huit mois et coûté deux millions d'euros, précise le communiqué.\n"
      "Une phrase qui parle de la balise <img> garde sa balise.\n");
  EXPECT_EQ(a.text.find("pixel.example"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("iframe"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("huit mois"), std::string::npos);
  EXPECT_NE(a.text.find("la balise <img> garde"), std::string::npos);
}

}  // namespace
}  // namespace dateline::read
