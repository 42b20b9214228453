// Tests of the shipped French rules (rules/fr/): sentences written for these
// tests, tagged with the built-in rules and a DCT, against the spans, values
// and attributes TimeML gives them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dateline/tagger.h"

namespace dateline {
namespace {

class RulesFrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { tagger_ = Tagger::Create().release(); }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }

  // "span=value", with "/MOD" when a mod is set, for each expression found.
  static std::vector<std::string> Tag(std::string_view text, const char* dct,
                                      AnchorMode mode = AnchorMode::kNews) {
    std::vector<std::string> out;
    for (const TimeExpression& e : Expressions(text, dct, mode)) {
      std::string s = std::string(text.substr(e.begin, e.end - e.begin)) + "=" + e.value;
      if (!e.mod.empty()) s += "/" + e.mod;
      out.push_back(std::move(s));
    }
    return out;
  }

  static std::vector<TimeExpression> Expressions(std::string_view text, const char* dct,
                                                 AnchorMode mode = AnchorMode::kNews) {
    TagOptions options;
    options.language = "fr";
    options.mode = mode;
    if (dct != nullptr) options.dct = ParseDayTime(dct);
    return *tagger_->Tag(text, options);
  }

  // The single expression found in `text`; fails the test when there is not
  // exactly one.
  static TimeExpression One(std::string_view text, const char* dct) {
    std::vector<TimeExpression> all = Expressions(text, dct);
    EXPECT_EQ(all.size(), 1u) << text;
    return all.empty() ? TimeExpression{} : all[0];
  }

  using V = std::vector<std::string>;
  static Tagger* tagger_;
};

Tagger* RulesFrTest::tagger_ = nullptr;

constexpr const char* kSaturday = "2023-02-25";  // a Saturday, ISO week 8

TEST_F(RulesFrTest, WrittenDates) {
  EXPECT_EQ(Tag("Il est né le 1er mai 1990 à Metz.", kSaturday), V{"le 1er mai 1990=1990-05-01"});
  EXPECT_EQ(Tag("Le sommet s'ouvrira le mercredi 5 avril 2023.", kSaturday),
            V{"le mercredi 5 avril 2023=2023-04-05"});
  EXPECT_EQ(Tag("Il arrivera le premier mai.", kSaturday), V{"le premier mai=2023-05-01"});
  EXPECT_EQ(Tag("Il est arrivé le premier mai.", kSaturday), V{"le premier mai=2022-05-01"});
  EXPECT_EQ(Tag("Le traité date du 10 novembre 93.", kSaturday), V{"10 novembre 93=1993-11-10"});
  EXPECT_EQ(Tag("La réforme entre en vigueur en octobre 98.", kSaturday), V{"octobre 98=1998-10"});
  EXPECT_EQ(Tag("C'était en août 2001.", kSaturday), V{"août 2001=2001-08"});
  EXPECT_EQ(Tag("C'était l'année 2001.", kSaturday), V{"l'année 2001=2001"});
}

// A weekday written with a date fixes its year among the year the tense
// gives and its neighbours; one that fits none of them changes nothing.
TEST_F(RulesFrTest, AWeekdayFixesTheYearOfItsDate) {
  EXPECT_EQ(Tag("Le dimanche 2 janvier, il est parti.", "2011-12-20"),
            V{"Le dimanche 2 janvier=2011-01-02"});
  EXPECT_EQ(Tag("Le lundi 2 janvier, il est parti.", "2011-12-20"),
            V{"Le lundi 2 janvier=2012-01-02"});
  EXPECT_EQ(Tag("Il est parti le mercredi 15 décembre au matin.", "2011-12-20"),
            V{"le mercredi 15 décembre au matin=2010-12-15TMO"});
  EXPECT_EQ(Tag("Il arrivera le vendredi 14 juin.", kSaturday),
            V{"le vendredi 14 juin=2024-06-14"});
  EXPECT_EQ(Tag("Il arrivera le 14 juin.", kSaturday), V{"le 14 juin=2023-06-14"});
  // No year near 2023 has a Sunday 14 June: the tense decides, as without it.
  EXPECT_EQ(Tag("Il est arrivé le dimanche 14 juin.", kSaturday),
            V{"le dimanche 14 juin=2022-06-14"});
  // The year a text is telling keeps its dates when the weekday fits it.
  EXPECT_EQ(
      Tag("Le 3 mars 2005, la loi a été votée. Le samedi 5 mars, le Sénat a suivi.", kSaturday),
      (V{"Le 3 mars 2005=2005-03-03", "Le samedi 5 mars=2005-03-05"}));
}

TEST_F(RulesFrTest, NumericDatesAreDayFirst) {
  EXPECT_EQ(Tag("Publié le 03/04/2023.", kSaturday), V{"le 03/04/2023=2023-04-03"});
  EXPECT_EQ(Tag("Signé le 10.11.93 à Paris.", kSaturday), V{"le 10.11.93=1993-11-10"});
  EXPECT_EQ(Tag("Mis à jour 2023-04-05.", kSaturday), V{"2023-04-05=2023-04-05"});
  EXPECT_EQ(Tag("Mis à jour 2023-02-25T14:15:00Z.", kSaturday),
            V{"2023-02-25T14:15:00Z=2023-02-25T14:15:00"});
  EXPECT_EQ(Tag("25 février 18:30", kSaturday), V{"25 février 18:30=2023-02-25T18:30"});
}

TEST_F(RulesFrTest, DatesWithoutYearFollowTense) {
  // DCT 2003-01-03: a past verb puts "le 21 decembre" in the year before.
  EXPECT_EQ(Tag("Elles ont été mises en examen le 21 décembre.", "2003-01-03"),
            V{"le 21 décembre=2002-12-21"});
  EXPECT_EQ(Tag("Le CFCM a vu le jour le 20 décembre dernier.", "2003-02-24"),
            V{"le 20 décembre dernier=2002-12-20"});
  EXPECT_EQ(Tag("Les élections auront lieu le 13 avril prochain.", "2003-02-24"),
            V{"le 13 avril prochain=2003-04-13"});
  EXPECT_EQ(Tag("Il a été sanctionné en juin derniers.", "2003-02-23"), V{"juin derniers=2002-06"});
}

// A year written at the head of a sentence frames that sentence and the
// next: a month or day without a year there is of that year.
TEST_F(RulesFrTest, AYearOpeningASentenceFramesTheNext) {
  EXPECT_EQ(Tag("Le 3 mars 2005, la loi a été votée. Le 5 mars, le Sénat a suivi.", kSaturday),
            (V{"Le 3 mars 2005=2005-03-03", "Le 5 mars=2005-03-05"}));
  EXPECT_EQ(Tag("En 1997, la société a racheté son rival. En janvier, elle a fermé.", kSaturday),
            (V{"1997=1997", "janvier=1997-01"}));
  EXPECT_EQ(
      Tag("En 1997, la société a racheté son rival, puis en janvier elle a fermé.", kSaturday),
      (V{"1997=1997", "janvier=1997-01"}));
  // Not two sentences on, not after a year inside a sentence, not after a
  // date of another year counted from it, not a timestamp.
  EXPECT_EQ(Tag("En 1997, elle a racheté son rival. Le bilan fut lourd. En janvier, elle a fermé.",
                kSaturday),
            (V{"1997=1997", "janvier=2023-01"}));
  EXPECT_EQ(Tag("La loi votée en 2005 a été contestée. En janvier, le Sénat a cédé.", kSaturday),
            (V{"2005=2005", "janvier=2023-01"}));
  EXPECT_EQ(Tag("En 2005, il a été nommé, et l'année suivante promu. En janvier, il a démissionné.",
                kSaturday),
            (V{"2005=2005", "l'année suivante=2006", "janvier=2023-01"}));
}

// A chronicle goes on in the year it tells while each sentence opens with a
// date of that year; a sentence without one ends it.
TEST_F(RulesFrTest, AChronicleGoesOnInTheYearItTells) {
  EXPECT_EQ(Tag("En 1998, la crise a éclaté. Le 12 mars, la banque a fermé. Le 3 avril, elle a "
                "rouvert. En mai, elle a fermé.",
                kSaturday),
            (V{"1998=1998", "Le 12 mars=1998-03-12", "Le 3 avril=1998-04-03", "mai=1998-05"}));
  EXPECT_EQ(Tag("En 1998, la crise a éclaté. Le 12 mars, la banque a fermé. Le bilan fut lourd. "
                "Le 3 avril, elle a rouvert.",
                kSaturday),
            (V{"1998=1998", "Le 12 mars=1998-03-12", "Le 3 avril=2023-04-03"}));
  // A date inside the sentence does not carry the year on.
  EXPECT_EQ(Tag("En 1998, la crise a éclaté. La banque a fermé le 12 mars. Le 3 avril, elle a "
                "rouvert.",
                kSaturday),
            (V{"1998=1998", "le 12 mars=1998-03-12", "Le 3 avril=2023-04-03"}));
}

// Hours, minutes and seconds run are a duration; after a preposition of
// time they are the clock time of an event.
TEST_F(RulesFrTest, RaceTimesAreDurations) {
  EXPECT_EQ(Tag("Il a couru le marathon en 2:07:35.", kSaturday), V{"2:07:35=PT2H7M35S"});
  EXPECT_EQ(Tag("Elle a gagné en 2 h 07 min 35 s.", kSaturday), V{"2 h 07 min 35 s=PT2H7M35S"});
  EXPECT_EQ(Tag("Il a bouclé le tour en 1:43,21.", kSaturday), V{"1:43,21=PT1M43S"});
  EXPECT_EQ(Tag("Le départ a été donné à 9:15:00.", kSaturday), V{"9:15:00=2023-02-25T09:15:00"});
  EXPECT_EQ(Tag("La secousse a eu lieu à 2 h 07 min 35 s.", kSaturday),
            V{"2 h 07 min 35 s=2023-02-25T02:07:35"});
  EXPECT_EQ(Tag("À 15:30, 21 blessés.", kSaturday), V{"15:30=2023-02-25T15:30"});
}

// The digits of a web address are its path, not dates of the text; the
// sentence after it still ends where it did.
TEST_F(RulesFrTest, WebAddressesAreNotRead) {
  EXPECT_EQ(Tag("Voir http://www.journal.fr/article/2013/07/06/crise.html. Le 5 mai, il est parti.",
                kSaturday),
            V{"Le 5 mai=2022-05-05"});
  EXPECT_EQ(Tag("Source : www.site.fr/2012/12/20/recit (lu le 3 mai 2013).", kSaturday),
            V{"le 3 mai 2013=2013-05-03"});
}

// A number after a word that names things by number is no year; the same
// number after a preposition of time is one.
TEST_F(RulesFrTest, NamedNumbersAreNoYears) {
  EXPECT_EQ(Tag("La résolution 1973 de l'ONU a été votée le 17 janvier.", kSaturday),
            V{"le 17 janvier=2023-01-17"});
  EXPECT_EQ(Tag("Selon les résolutions 2042, 2043 et 2118, le décret n° 2012 et l'article 1240.",
                kSaturday),
            V{});
  EXPECT_EQ(Tag("En 1973, la guerre. Le vol de 2012 a choqué.", kSaturday),
            (V{"1973=1973", "2012=2012"}));
}

TEST_F(RulesFrTest, SeedArticleRanges) {
  EXPECT_EQ(Tag("Il effectuera une visite d'Etat en Chine du 28 février au 2 mars.", kSaturday),
            (V{"28 février=2023-02-28", "2 mars=2023-03-02"}));
  EXPECT_EQ(Tag("Il a rencontré Poutine à Moscou mercredi 5 avril pour deux jours.", "2023-04-05"),
            (V{"mercredi 5 avril=2023-04-05", "deux jours=P2D"}));
}

// Tuesday 19 June 2012.
constexpr const char* kTuesday = "2012-06-19";

TEST_F(RulesFrTest, AHardWrappedLineIsNoSentenceEnd) {
  // The cue "a écarté" is on the next line of the same sentence.
  EXPECT_EQ(Tag("Morsi, élu en juin, a\nécarté en août son ministre.", "2013-01-30"),
            (V{"juin=2012-06", "août=2012-08"}));
  // A line ending in a period, or a blank line, does end it: no cue here.
  EXPECT_EQ(Tag("Il a parlé.\nEn août, la fête.", "2013-01-30"), V{"août=2013-08"});
}

TEST_F(RulesFrTest, ConditionalPointsToTheFuture) {
  EXPECT_EQ(Tag("Macron a déclaré qu'il se rendrait en Chine « début avril » et a appelé Pékin "
                "à l'aide.",
                kSaturday),
            V{"début avril=2023-04/START"});
}

TEST_F(RulesFrTest, Weekdays) {
  // DCT Tuesday 1999-05-18: a future verb points to the coming Sunday.
  EXPECT_EQ(Tag("LE VILLAGE FERA LA FETE DIMANCHE.", "1999-05-18"), V{"DIMANCHE=1999-05-23"});
  EXPECT_EQ(Tag("Le ministère a annoncé samedi la visite.", kSaturday), V{"samedi=2023-02-25"});
  EXPECT_EQ(Tag("La Chine a publié vendredi un document.", kSaturday), V{"vendredi=2023-02-24"});
  EXPECT_EQ(Tag("Il viendra lundi prochain.", kSaturday), V{"lundi prochain=2023-02-27"});
  EXPECT_EQ(Tag("Il est venu vendredi dernier.", kSaturday), V{"vendredi dernier=2023-02-24"});
  EXPECT_EQ(Tag("Une fillette s'est noyée mardi soir.", "2003-02-21"),
            V{"mardi soir=2003-02-18TEV"});
  // A reporting verb in the past dates the report, even when the coming
  // weekday is nearer (DCT Monday 2012-06-18); a verb of the event reported,
  // nearer the weekday, wins.
  EXPECT_EQ(Tag("Le ministre a annoncé mercredi sa démission.", "2012-06-18"),
            V{"mercredi=2012-06-13"});
  EXPECT_EQ(Tag("Les Frères musulmans ont revendiqué jeudi la victoire.", "2012-06-19"),
            V{"jeudi=2012-06-14"});
  EXPECT_EQ(Tag("Il a annoncé qu'il partira mercredi.", "2012-06-18"), V{"mercredi=2012-06-20"});
  // "depuis" + month: on or before the anchor, whatever verb is nearest.
  EXPECT_EQ(Tag("Depuis mars, les chaînes couvrent une révolte qui pourrait durer.", "2011-05-11"),
            V{"mars=2011-03"});
  EXPECT_EQ(Tag("Depuis le mois de mai, il pleut.", "2011-05-11"), V{"le mois de mai=2011-05"});
  EXPECT_EQ(Tag("Les élections auront lieu en mars.", "2011-05-11"), V{"mars=2012-03"});
  // The same for weekdays (DCT Monday 2013-07-08: the coming Wednesday is nearer).
  EXPECT_EQ(Tag("Les chaînes restent muettes depuis mercredi.", "2013-07-08"),
            V{"mercredi=2013-07-03"});
  EXPECT_EQ(Tag("Il est là depuis samedi soir.", "2013-07-08"), V{"samedi soir=2013-07-06TEV"});
  // Asked to do something: the doing is ahead, whatever the tense of the asking.
  EXPECT_EQ(Tag("Les habitants ont été priés d'éviter de circuler mercredi.", kSaturday),
            V{"mercredi=2023-03-01"});
}

TEST_F(RulesFrTest, ClockTimes) {
  EXPECT_EQ(Tag("Départ à 14h15.", kSaturday), V{"14h15=2023-02-25T14:15"});
  EXPECT_EQ(Tag("Départ à 14:15.", kSaturday), V{"14:15=2023-02-25T14:15"});
  EXPECT_EQ(Tag("Il est arrivé vers 21 h 45.", kSaturday),
            V{"vers 21 h 45=2023-02-25T21:45/APPROX"});
  EXPECT_EQ(Tag("Rendez-vous à midi.", kSaturday), V{"midi=2023-02-25T12:00"});
  EXPECT_EQ(Tag("Fermeture à minuit.", kSaturday), V{"minuit=2023-02-25T24:00"});
  EXPECT_EQ(Tag("La fusée part à vingt-trois heures.", kSaturday),
            V{"vingt-trois heures=2023-02-25T23:00"});
  EXPECT_EQ(Tag("Le vol part à 8 h du soir.", kSaturday), V{"8 h du soir=2023-02-25T20:00"});
  // Without a preposition of time, "N heures" is a duration.
  EXPECT_EQ(Tag("un vol de 3 heures", kSaturday), V{"3 heures=PT3H"});
  // A comment's timestamp: day and month, then the clock time; a fraction
  // alone is no date.
  EXPECT_EQ(Tag("Le 17 novembre 1997, un attentat. 24/02 18:06 - Paul : c'est faux.", kSaturday),
            (V{"Le 17 novembre 1997=1997-11-17", "24/02 18:06=2023-02-24T18:06"}));
  EXPECT_EQ(Tag("Les deux tiers, soit 2/3 des votants.", kSaturday), V{});
  EXPECT_EQ(Tag("Il est arrivé vers onze heures trente.", kSaturday),
            V{"vers onze heures trente=2023-02-25T11:30/APPROX"});
  EXPECT_EQ(Tag("Dès 6 heures du soir, ils étaient là.", kSaturday),
            V{"6 heures du soir=2023-02-25T18:00"});
  EXPECT_EQ(Tag("Ouvert de 10 heures à 18 heures.", kSaturday),
            (V{"10 heures=2023-02-25T10:00", "18 heures=2023-02-25T18:00"}));
  EXPECT_EQ(Tag("The call is at 2 p.m. today.", kSaturday), V{"2 p.m=2023-02-25T14:00"});
}

TEST_F(RulesFrTest, ClockTimesTakeTheDayJustNamed) {
  EXPECT_EQ(
      Tag("La réunion est fixée au jeudi 16 septembre, à 18 h et à 19 h 30.", "1999-09-04"),
      (V{"jeudi 16 septembre=1999-09-16", "18 h=1999-09-16T18:00", "19 h 30=1999-09-16T19:30"}));
}

// A clock time heading an entry of a live page is the entry's stamp, on
// the page's day; in running text a clock time keeps the day just named.
TEST_F(RulesFrTest, AnEntryStampIsOnThePagesDay) {
  EXPECT_EQ(Tag("Le ministre parlera vendredi, a-t-il dit. 17 h 25 : Ban Ki-moon salue la "
                "transition.",
                kSaturday),
            (V{"vendredi=2023-03-03", "17 h 25=2023-02-25T17:25"}));
  EXPECT_EQ(Tag("Jeudi, un attentat a eu lieu. 20H02 - Bien arrivés.", kSaturday),
            (V{"Jeudi=2023-02-23", "20H02=2023-02-25T20:02"}));
  EXPECT_EQ(Tag("Lundi, les élèves rentrent.\n11:40 : le ministre arrive.", kSaturday),
            (V{"Lundi=2023-02-27", "11:40=2023-02-25T11:40"}));
  EXPECT_EQ(Tag("Le ministre parlera vendredi. À 17 h 25 : discours.", kSaturday),
            (V{"vendredi=2023-03-03", "17 h 25=2023-03-03T17:25"}));
  EXPECT_EQ(Tag("Le ministre parlera vendredi. 17 h 25, discours.", kSaturday),
            (V{"vendredi=2023-03-03", "17 h 25=2023-03-03T17:25"}));
}

TEST_F(RulesFrTest, AClockTimeToldBeforeItsDayTakesThatDay) {
  EXPECT_EQ(Tag("Vers 15 h 30, hier, un incendie s'est déclaré.", "2023-02-22"),
            (V{"Vers 15 h 30=2023-02-21T15:30/APPROX", "hier=2023-02-21"}));
  EXPECT_EQ(Tag("À 20 h, le samedi 4 mars, la fête commencera.", "2023-02-22"),
            (V{"20 h=2023-03-04T20:00", "le samedi 4 mars=2023-03-04"}));
  EXPECT_EQ(Tag("L'attaque a eu lieu dimanche, et à 17 heures le lendemain la police est venue.",
                "2013-02-20"),
            (V{"dimanche=2013-02-17", "17 heures=2013-02-18T17:00", "le lendemain=2013-02-18"}));
  // Not across a sentence: the time keeps the day named before it.
  EXPECT_EQ(Tag("Hier, l'alerte est venue à 15 h. Demain, la route rouvrira.", "2023-02-22"),
            (V{"Hier=2023-02-21", "15 h=2023-02-21T15:00", "Demain=2023-02-23"}));
}

TEST_F(RulesFrTest, DaysAroundTheDct) {
  EXPECT_EQ(Tag("hier, aujourd'hui et demain", kSaturday),
            (V{"hier=2023-02-24", "aujourd'hui=2023-02-25", "demain=2023-02-26"}));
  EXPECT_EQ(Tag("avant-hier et après-demain", kSaturday),
            (V{"avant-hier=2023-02-23", "après-demain=2023-02-27"}));
  EXPECT_EQ(Tag("Nous avons parlé hier soir.", "2023-02-25T14:15"), V{"hier soir=2023-02-24TEV"});
  EXPECT_EQ(Tag("Il est parti ce matin.", kSaturday), V{"ce matin=2023-02-25TMO"});
  EXPECT_EQ(Tag("Nous discuterons de tout cela demain.", "2023-04-05"), V{"demain=2023-04-06"});
}

TEST_F(RulesFrTest, DaysAroundTheDayJustNamed) {
  EXPECT_EQ(Tag("Le 10 mars 2022, il signe ; la veille, il hésitait.", kSaturday),
            (V{"Le 10 mars 2022=2022-03-10", "la veille=2022-03-09"}));
  EXPECT_EQ(Tag("Le 24 mars 2002, il part. Il revient le lendemain matin.", kSaturday),
            (V{"Le 24 mars 2002=2002-03-24", "le lendemain matin=2002-03-25TMO"}));
  EXPECT_EQ(
      Tag("Le scrutin a eu lieu le 10 février ; le surlendemain, les résultats.", "2013-02-20"),
      (V{"le 10 février=2013-02-10", "le surlendemain=2013-02-12"}));
  EXPECT_EQ(Tag("Le scrutin a eu lieu le 10 février ; l'avant-veille, des heurts.", "2013-02-20"),
            (V{"le 10 février=2013-02-10", "l'avant-veille=2013-02-08"}));
  // "veille" without its article is the verb "veiller".
  EXPECT_EQ(Tag("Le 10 mars 2022, il signe ; que Dieu veille sur lui.", kSaturday),
            V{"Le 10 mars 2022=2022-03-10"});
  EXPECT_EQ(Tag("Le 3 mai 2021, le juge veille au respect de la loi.", kSaturday),
            V{"Le 3 mai 2021=2021-05-03"});
  EXPECT_EQ(Tag("Le 3 mai 2021, il arrive ; à la veille au soir, rien.", kSaturday),
            (V{"Le 3 mai 2021=2021-05-03", "la veille au soir=2021-05-02TEV"}));
}

TEST_F(RulesFrTest, PartsOfDay) {
  // The preposition stays out of the extent (FTiB guide).
  EXPECT_EQ(Tag("Le 3 mai 2021, il arrive dans la soirée.", kSaturday),
            (V{"Le 3 mai 2021=2021-05-03", "la soirée=2021-05-03TEV"}));
  EXPECT_EQ(Tag("Le verdict est attendu dans la soirée de vendredi.", "2003-06-03"),
            V{"la soirée de vendredi=2003-06-06TEV"});
  EXPECT_EQ(Tag("Le matin du 20 juin, il partit.", "2003-06-03"),
            V{"Le matin du 20 juin=2003-06-20TMO"});
  EXPECT_EQ(Tag("Il fut blessé en fin d'après-midi.", kSaturday),
            V{"fin d'après-midi=2023-02-25TAF/END"});
}

TEST_F(RulesFrTest, ShiftedPeriods) {
  EXPECT_EQ(Tag("Il se rendra en Chine la semaine prochaine.", kSaturday),
            V{"la semaine prochaine=2023-W09"});
  EXPECT_EQ(Tag("le mois dernier, l'an prochain, cette année", kSaturday),
            (V{"le mois dernier=2023-01", "l'an prochain=2024", "cette année=2023"}));
  EXPECT_EQ(Tag("Ils sont venus ce week-end.", kSaturday), V{"ce week-end=2023-W08-WE"});
  EXPECT_EQ(Tag("Il l'a dit plus tôt ce mois-ci.", kSaturday), V{"ce mois-ci=2023-02"});
  EXPECT_EQ(Tag("C'était il y a trois ans.", kSaturday), V{"il y a trois ans=2020"});
  EXPECT_EQ(Tag("C'était il y a une semaine.", kSaturday), V{"il y a une semaine=2023-02-18"});
  EXPECT_EQ(Tag("Il reviendra dans deux semaines.", kSaturday), V{"dans deux semaines=2023-03-11"});
}

TEST_F(RulesFrTest, Durations) {
  EXPECT_EQ(Tag("un jeûne de trois jours", kSaturday), V{"trois jours=P3D"});
  EXPECT_EQ(Tag("Il le devance de 30,4 secondes.", kSaturday), V{"30,4 secondes=PT30.4S"});
  EXPECT_EQ(Tag("pendant 24 heures", kSaturday), V{"24 heures=PT24H"});
  EXPECT_EQ(Tag("Elle durera plus de 30 ans.", kSaturday), V{"plus de 30 ans=P30Y/MORE_THAN"});
  EXPECT_EQ(Tag("depuis trois cents ans", kSaturday), V{"trois cents ans=P300Y"});
  EXPECT_EQ(Tag("pendant vingt-trois heures", kSaturday), V{"vingt-trois heures=PT23H"});
  EXPECT_EQ(Tag("depuis plusieurs jours", kSaturday), V{"plusieurs jours=PXD"});
  EXPECT_EQ(Tag("Ils se sont vus environ une heure.", kSaturday),
            V{"environ une heure=PT1H/APPROX"});
  EXPECT_EQ(Tag("un an et demi", kSaturday), V{"un an et demi=P1.5Y"});
  EXPECT_EQ(Tag("ces dernières 24 heures", kSaturday), V{"ces dernières 24 heures=PT24H"});
  EXPECT_EQ(Tag("un quinquennat de cohérence", kSaturday), V{"quinquennat=P5Y"});
  // The French TimeBank guide's conventions.
  EXPECT_EQ(Tag("deux heures et demie", kSaturday), V{"deux heures et demie=PT2.5H"});
  EXPECT_EQ(Tag("deux siècles", kSaturday), V{"deux siècles=P200Y"});
  EXPECT_EQ(Tag("trois décennies", kSaturday), V{"trois décennies=P30Y"});

  // "et" joins a ten and one, nothing else: two numbers are not a sum.
  EXPECT_EQ(Tag("pendant vingt et un ans, puis soixante-et-onze jours", kSaturday),
            (V{"vingt et un ans=P21Y", "soixante-et-onze jours=P71D"}));
  EXPECT_EQ(Tag("Il a vécu entre deux et trois ans à Paris.", kSaturday), V{"trois ans=P3Y"});
  EXPECT_EQ(Tag("Ils ont marché nuit et jour.", kSaturday), V{});
  // After a contracted article the span starts at the number.
  EXPECT_EQ(Tag("Au cours des deux dernières années et aux trois derniers jours.", kSaturday),
            (V{"deux dernières années=P2Y", "trois derniers jours=P3D"}));
  EXPECT_EQ(Tag("Des deux derniers candidats, l'un a gagné.", kSaturday), V{});
  // An adverb inside "il y a" leaves the date as it is.
  EXPECT_EQ(Tag("Il y a tout juste un an, et il y a exactement deux semaines.", "2013-02-20"),
            (V{"Il y a tout juste un an=2012", "il y a exactement deux semaines=2013-02-06"}));

  const TimeExpression e = One("pendant trois jours", kSaturday);
  EXPECT_EQ(e.type, TimexType::kDuration);
}

TEST_F(RulesFrTest, OnePeriodInTwo) {
  EXPECT_EQ(Tag("Il vient un jour sur deux et une semaine sur deux.", kSaturday),
            (V{"un jour sur deux=P2D", "une semaine sur deux=P2W"}));
  EXPECT_EQ(One("un an sur deux", kSaturday).type, TimexType::kSet);
}

// A weekday taken one week in two recurs: it is no single day.
TEST_F(RulesFrTest, AWeekdayOneWeekInTwoIsASet) {
  const std::string choir = "Un mercredi sur deux, la chorale chante à l'église.";
  EXPECT_EQ(Tag(choir, kSaturday), (V{"Un mercredi sur deux=XXXX-WXX-3"}));
  EXPECT_EQ(One(choir, kSaturday).type, TimexType::kSet);
  const std::string grandmother = "Elle garde ses petits-enfants tous les deux samedis.";
  EXPECT_EQ(Tag(grandmother, kSaturday), (V{"tous les deux samedis=XXXX-WXX-6"}));
  EXPECT_EQ(One(grandmother, kSaturday).type, TimexType::kSet);
  // "Tous les deux" alone is "both": the weekday after it is one day.
  const std::string both = "Ils sont partis tous les deux mardi.";
  EXPECT_EQ(One(both, kSaturday).type, TimexType::kDate);
  ASSERT_EQ(Tag(both, kSaturday).size(), 1u);
  EXPECT_EQ(Tag(both, kSaturday)[0].rfind("mardi=", 0), 0u);
}

TEST_F(RulesFrTest, Sets) {
  TimeExpression e = One("Il vient chaque semaine.", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "P1W");
  EXPECT_EQ(e.quant, "EVERY");

  e = One("Ouvert tous les jeudis.", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "XXXX-WXX-4");

  e = One("Il s'entraîne deux fois par semaine.", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "P1W");
  EXPECT_EQ(e.freq, "2X");

  e = One("le traditionnel dîner annuel", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "P1Y");

  e = One("Il vient certains mardis.", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "XXXX-WXX-2");
  EXPECT_EQ(e.quant, "SOME");

  e = One("Le festival a lieu chaque été.", kSaturday);
  EXPECT_EQ(e.type, TimexType::kSet);
  EXPECT_EQ(e.value, "XXXX-SU");
}

TEST_F(RulesFrTest, SeasonsDecadesCenturiesQuarters) {
  EXPECT_EQ(Tag("Il partira cet été.", kSaturday), V{"cet été=2023-SU"});
  EXPECT_EQ(Tag("Il est parti l'été 2022.", kSaturday), V{"l'été 2022=2022-SU"});
  EXPECT_EQ(Tag("La demande augmente en été.", kSaturday), V{"été=XXXX-SU"});
  EXPECT_EQ(Tag("Il a été élu.", kSaturday), V{});  // the participle is no season
  EXPECT_EQ(Tag("Dans les années 60, il jouait.", kSaturday), V{"les années 60=196X"});
  EXPECT_EQ(Tag("Au début des années 60, il jouait.", kSaturday),
            V{"début des années 60=196X/START"});
  EXPECT_EQ(Tag("les années quatre-vingt", kSaturday), V{"les années quatre-vingt=198X"});
  EXPECT_EQ(Tag("Au XIXe siècle, on lisait.", kSaturday), V{"XIXe siècle=18"});
  EXPECT_EQ(Tag("Le 21e siècle commence.", kSaturday), V{"Le 21e siècle=20"});
  EXPECT_EQ(Tag("Au premier trimestre 2023, les ventes montent.", kSaturday),
            V{"premier trimestre 2023=2023-Q1"});
  EXPECT_EQ(Tag("le second semestre", kSaturday), V{"le second semestre=2023-H2"});
}

TEST_F(RulesFrTest, ASeasonUnderWayIsThisSeasonWhateverTheTense) {
  // In July the summer is under way: spoken of ahead or back, it is this
  // one; the summer before it is last year's, the one after next year's.
  constexpr const char* kJuly = "2023-07-12";
  EXPECT_EQ(Tag("Il partira cet été.", kJuly), V{"cet été=2023-SU"});
  EXPECT_EQ(Tag("Il est parti cet été.", kJuly), V{"cet été=2023-SU"});
  EXPECT_EQ(Tag("Les troubles de l'été dernier ont cessé.", kJuly), V{"l'été dernier=2022-SU"});
  EXPECT_EQ(Tag("L'été prochain sera chaud.", kJuly), V{"L'été prochain=2024-SU"});
  EXPECT_EQ(Tag("Au troisième trimestre, les ventes baisseront.", "2023-08-20"),
            V{"troisième trimestre=2023-Q3"});
  // Once it is over, the future is next year's and "dernier" this year's.
  constexpr const char* kOctober = "2023-10-12";
  EXPECT_EQ(Tag("Il partira cet été.", kOctober), V{"cet été=2024-SU"});
  EXPECT_EQ(Tag("Les troubles de l'été dernier ont cessé.", kOctober), V{"l'été dernier=2023-SU"});
  // Before it starts, "l'été dernier" is last year's and the future this one.
  EXPECT_EQ(Tag("Les troubles de l'été dernier ont cessé.", kSaturday), V{"l'été dernier=2022-SU"});
}

TEST_F(RulesFrTest, PairsOfDecadesAndCenturies) {
  // The second decade of a pair, and the first century, lack the noun.
  EXPECT_EQ(Tag("dans les années 1960 et 1970, puis les années 80-90", kSaturday),
            (V{"les années 1960=196X", "1970=197X", "les années 80=198X", "90=199X"}));
  EXPECT_EQ(Tag("Au XIXe et au XXe siècle, puis du Ier au IIIe siècle.", kSaturday),
            (V{"XIXe=18", "XXe siècle=19", "Ier=00", "IIIe siècle=02"}));
  EXPECT_EQ(Tag("Les XVIIIe et XIXe siècles furent riches.", kSaturday),
            (V{"XVIIIe=17", "XIXe siècles=18"}));
  // A decade's year ends in 0: these are two years.
  EXPECT_EQ(Tag("pendant les années 1939 et 1940", kSaturday), (V{"1939=1939", "1940=1940"}));
  // "le" before "siècle" is the article, not the numeral L.
  EXPECT_EQ(Tag("Durant tous le siècles, le Siècle a paru.", kSaturday), V{});
  // A count after a decade is no decade.
  EXPECT_EQ(Tag("Dans les années 1990, 2000 personnes sont parties.", kSaturday),
            V{"les années 1990=199X"});
}

TEST_F(RulesFrTest, Modifiers) {
  EXPECT_EQ(Tag("Il viendra début avril.", kSaturday), V{"début avril=2023-04/START"});
  EXPECT_EQ(Tag("C'était fin 2022.", kSaturday), V{"fin 2022=2022/END"});
  EXPECT_EQ(Tag("Il viendra mi-mai.", kSaturday), V{"mi-mai=2023-05/MID"});
  EXPECT_EQ(Tag("Il a été blessé hier en début d'après-midi.", kSaturday),
            V{"hier en début d'après-midi=2023-02-24TAF/START"});
  EXPECT_EQ(Tag("Le contrat a pris fin hier.", kSaturday), V{"hier=2023-02-24"});
}

TEST_F(RulesFrTest, RangesTakeMonthAndYearFromTheirEnd) {
  EXPECT_EQ(Tag("Stage du 19 au 23 juillet.", "1999-07-16"),
            (V{"19=1999-07-19", "23 juillet=1999-07-23"}));
  EXPECT_EQ(Tag("suspendu du 28 février au 2 mars 2021", "2023-02-22"),
            (V{"28 février=2021-02-28", "2 mars 2021=2021-03-02"}));
  EXPECT_EQ(Tag("Elles auront lieu les 6 et 13 avril prochains.", "2003-02-24"),
            (V{"6=2003-04-06", "13 avril prochains=2003-04-13"}));
}

TEST_F(RulesFrTest, MonthRangesTakeTheYearOrDirectionOfTheirEnd) {
  EXPECT_EQ(Tag("Entre mai et juin 2011, les ventes ont monté.", "2013-02-20"),
            (V{"mai=2011-05", "juin 2011=2011-06"}));
  EXPECT_EQ(Tag("De janvier à mars 1999, il a plu.", "2013-02-20"),
            (V{"janvier=1999-01", "mars 1999=1999-03"}));
  EXPECT_EQ(Tag("Les ventes de mai-juin 2011 et d'avril ou de mai 2014.", "2013-02-20"),
            (V{"mai=2011-05", "juin 2011=2011-06", "avril=2014-04", "mai 2014=2014-05"}));
  // Without a tense cue, the end's "derniers" / "prochains" decides.
  EXPECT_EQ(Tag("Les ventes de mai et juin derniers sont bonnes.", "2013-02-20"),
            (V{"mai=2012-05", "juin derniers=2012-06"}));
  EXPECT_EQ(Tag("Les soldes de mai et juin prochains.", "2013-07-20"),
            (V{"mai=2014-05", "juin prochains=2014-06"}));
  // A year in another clause is not the end of a range.
  EXPECT_EQ(Tag("Il est venu en mai et, en juin 2011, il est reparti.", "2013-02-20"),
            (V{"mai=2012-05", "juin 2011=2011-06"}));
}

TEST_F(RulesFrTest, WeekdayRangesTakeTheMonthOfTheirEnd) {
  EXPECT_EQ(Tag("Fête du samedi 5 au lundi 7 août.", "2023-07-20"),
            (V{"samedi 5=2023-08-05", "lundi 7 août=2023-08-07"}));
  EXPECT_EQ(Tag("Les samedi 6 et dimanche 7 mai.", kSaturday),
            (V{"samedi 6=2023-05-06", "dimanche 7 mai=2023-05-07"}));
}

TEST_F(RulesFrTest, AnaphoricPeriodsFollowTheText) {
  EXPECT_EQ(Tag("Le 3 mars 2020, il part ; la semaine suivante, il revient.", kSaturday),
            (V{"Le 3 mars 2020=2020-03-03", "la semaine suivante=2020-W11"}));
  EXPECT_EQ(Tag("Le 3 mai 2021, il arrive en soirée.", kSaturday),
            (V{"Le 3 mai 2021=2021-05-03", "soirée=2021-05-03TEV"}));
}

TEST_F(RulesFrTest, HabitualWeekdays) {
  EXPECT_EQ(Tag("Fermé le lundi.", kSaturday), V{"le lundi=XXXX-WXX-1"});
  EXPECT_EQ(Tag("Il est arrivé le samedi et reparti le dimanche.", kSaturday),
            (V{"le samedi=2023-02-25", "le dimanche=2023-02-19"}));
  // A weekday in the plural recurs; "les lundi et mardi" are two days.
  EXPECT_EQ(Tag("Les lundis, il court; les samedis soir, il danse.", kSaturday),
            (V{"Les lundis=XXXX-WXX-1", "les samedis soir=XXXX-WXX-6TEV"}));
  EXPECT_EQ(Tag("Il viendra les lundi et mardi.", kSaturday),
            (V{"lundi=2023-02-27", "mardi=2023-02-28"}));
}

TEST_F(RulesFrTest, EasterHolidays) {
  EXPECT_EQ(Tag("C'est en cette fête de Pentecôte que se déroulera la fête.", "1999-05-18"),
            V{"cette fête de Pentecôte=1999-05-23"});
  EXPECT_EQ(Tag("le lundi de Pâques 2024", kSaturday), V{"le lundi de Pâques 2024=2024-04-01"});
  EXPECT_EQ(Tag("l'Ascension 2023", kSaturday), V{"l'Ascension 2023=2023-05-18"});
}

TEST_F(RulesFrTest, VagueReferences) {
  // "Aujourd'hui," opening a clause speaks of the present, not of the day.
  EXPECT_EQ(Tag("Aujourd'hui, la ville a changé.", kSaturday), V{"Aujourd'hui=PRESENT_REF"});
  EXPECT_EQ(Tag("Il arrive aujourd'hui à Paris.", kSaturday), V{"aujourd'hui=2023-02-25"});
  EXPECT_EQ(Tag("Il viendra bientôt.", kSaturday), V{"bientôt=FUTURE_REF"});
  EXPECT_EQ(Tag("La France préside actuellement le Conseil.", kSaturday),
            V{"actuellement=PRESENT_REF"});
  EXPECT_EQ(Tag("Autrefois, on y dansait.", kSaturday), V{"Autrefois=PAST_REF"});
  EXPECT_EQ(Tag("Il est récemment arrivé.", kSaturday), V{"récemment=PAST_REF"});
  // An adverb of manner on a participle, not a reference to the past.
  EXPECT_EQ(Tag("des soldats nouvellement mobilisés", kSaturday), V{});
}

TEST_F(RulesFrTest, TheLastDaysOfNowAndOfSomethingElse) {
  EXPECT_EQ(Tag("Ces derniers jours, la tension monte.", kSaturday),
            V{"Ces derniers jours=PAST_REF"});
  // After the contracted article the span starts at the adjective.
  EXPECT_EQ(Tag("Au cours des dernières semaines, les prix ont monté.", kSaturday),
            V{"dernières semaines=PAST_REF"});
  EXPECT_EQ(Tag("Les attaques des derniers jours ont visé le port.", kSaturday),
            V{"derniers jours=PAST_REF"});
  // The last days of something else are counted from its end, not from now.
  EXPECT_EQ(Tag("Des massacres ont eu lieu dans les derniers jours du régime.", kSaturday), V{});
  EXPECT_EQ(Tag("L'or a disparu au cours des derniers mois de la guerre.", kSaturday), V{});
  EXPECT_EQ(Tag("Ces derniers jours de tension ont pesé.", kSaturday),
            V{"Ces derniers jours=PAST_REF"});
}

TEST_F(RulesFrTest, YearsAndHolidays) {
  EXPECT_EQ(Tag("Il vit ici depuis 1981.", kSaturday), V{"1981=1981"});
  EXPECT_EQ(Tag("un plan pour absorber le pays d'ici 2030", kSaturday), V{"2030=2030"});
  EXPECT_EQ(Tag("Ils se retrouveront à Noël.", kSaturday), V{"Noël=2023-12-25"});
  EXPECT_EQ(Tag("la Toussaint 2022", kSaturday), V{"la Toussaint 2022=2022-11-01"});
  EXPECT_EQ(Tag("le 14 juillet 1789", kSaturday), V{"le 14 juillet 1789=1789-07-14"});
}

// Two-digit years after a preposition of time or an edge word, where no
// unit follows.
TEST_F(RulesFrTest, TwoDigitYears) {
  EXPECT_EQ(Tag("Il a été élu en 97, puis réélu en 2002.", kSaturday), (V{"97=1997", "2002=2002"}));
  EXPECT_EQ(Tag("Le chômage baisse depuis 98 et remonte fin 99.", kSaturday),
            (V{"98=1998", "fin 99=1999/END"}));
  EXPECT_EQ(Tag("Début 05 il est parti.", kSaturday), V{"Début 05=2005/START"});
  // A unit or a percent after the number: no year.
  EXPECT_EQ(Tag("Il a couru en 12 secondes.", kSaturday), V{"12 secondes=PT12S"});
  EXPECT_EQ(Tag("Les prix ont grimpé en 97 %.", kSaturday), V{});
  EXPECT_EQ(Tag("Il finit en 12 heures.", kSaturday), V{"12 heures=PT12H"});
}

// "des semaines" after a preposition of duration is a vague stretch; "des
// jours heureux" is not.
TEST_F(RulesFrTest, BarePluralUnitsAfterAPrepositionOfDuration) {
  EXPECT_EQ(Tag("Depuis des semaines, il pleut; il a parlé pendant des heures.", kSaturday),
            (V{"des semaines=PXW", "des heures=PTXH"}));
  EXPECT_EQ(Tag("Ce furent des jours heureux et des heures supplémentaires.", kSaturday), V{});
}

// Fractions of long units.
TEST_F(RulesFrTest, FractionsOfLongUnits) {
  EXPECT_EQ(Tag("Un demi-siècle de guerre, puis un quart de siècle de paix.", kSaturday),
            (V{"Un demi-siècle=P50Y", "un quart de siècle=P25Y"}));
  EXPECT_EQ(Tag("Trois quarts de siècle plus tôt, une demi-décennie durant.", kSaturday),
            (V{"Trois quarts de siècle=P75Y", "une demi-décennie=P5Y"}));
}

TEST_F(RulesFrTest, FalseAlarmsAreSuppressed) {
  EXPECT_EQ(Tag("Jean Burget, 87 ans, a été heurté par une voiture.", kSaturday), V{});
  EXPECT_EQ(Tag("Une fillette de 6 ans s'est noyée.", kSaturday), V{});
  EXPECT_EQ(Tag("un électricien allemand de 37 ans", kSaturday), V{});
  EXPECT_EQ(Tag("La victime, âgée de 24 ans, est sortie.", kSaturday), V{});
  EXPECT_EQ(Tag("un match pour les moins de 17 ans", kSaturday), V{});
  EXPECT_EQ(Tag("Il a 45 ans.", kSaturday), V{});
  EXPECT_EQ(Tag("La réforme repousse l'âge légal à 64 ans.", kSaturday), V{});
  EXPECT_EQ(Tag("Les 35 heures restent la norme.", kSaturday), V{});
  EXPECT_EQ(Tag("l'accueil des 0-6 ans", kSaturday), V{});
  EXPECT_EQ(Tag("Il a payé 2000 euros.", kSaturday), V{});
  EXPECT_EQ(Tag("Il a payé 2000 € et 2 000 $, soit 1998 %.", kSaturday), V{});
  EXPECT_EQ(Tag("En 2022 12 personnes sont venues.", kSaturday), V{"2022=2022"});
  EXPECT_EQ(Tag("Appelez le 03 83 12 34 56.", kSaturday), V{});
  EXPECT_EQ(Tag("les sept pays les plus industrialisés", kSaturday), V{});
  EXPECT_EQ(Tag("Un Boeing 747 a atterri.", kSaturday), V{});
  EXPECT_EQ(Tag("M. Dupont (87 ans) est mort.", kSaturday), V{});
  EXPECT_EQ(Tag("Une seconde tranche est prévue.", kSaturday), V{});
  EXPECT_EQ(Tag("Une seconde plus tard, il part.", kSaturday), V{"Une seconde=PT1S"});
  EXPECT_EQ(Tag("Durée: 00:28:48 / 2084 likes", kSaturday), V{});
  // A four-digit count of things after a word of quantity; a year keeps its
  // preposition.
  EXPECT_EQ(Tag("L'usine compte 2000 fenêtres et pas moins de 1000 ouvriers.", kSaturday), V{});
  EXPECT_EQ(Tag("Il a traversé les Alpes avec 1000 éléphants.", kSaturday), V{});
  EXPECT_EQ(Tag("Le cap des 2000 messages est dépassé.", kSaturday), V{});
  // A number right before a counted noun is a count, whatever precedes it.
  EXPECT_EQ(Tag("L'évasion de 1300 prisonniers a surpris.", kSaturday), V{});
  EXPECT_EQ(Tag("Le club compte entre 500 et 1000 membres ; 1059 décès sont recensés.", kSaturday),
            V{});
  EXPECT_EQ(Tag("Autre chose que 1200 combattants dans 1500 villages.", kSaturday), V{});
  EXPECT_EQ(Tag("Les familles de prisonniers tués en 1996 dans la prison.", kSaturday),
            V{"1996=1996"});
  EXPECT_EQ(Tag("Pas moins de 1000 attaques ont eu lieu en 2012.", kSaturday), V{"2012=2012"});
  EXPECT_EQ(Tag("En 1789 les manants ont servi les élections de 1981 remportées.", kSaturday),
            (V{"1789=1789", "1981=1981"}));
  // A sentence, not an age: the duration stays.
  EXPECT_EQ(Tag("Il a été condamné à 10 ans de prison.", kSaturday), V{"10 ans=P10Y"});
  EXPECT_EQ(Tag("une peine de 10 ans", kSaturday), V{"10 ans=P10Y"});
  EXPECT_EQ(Tag("Puis, 10 ans plus tard, il revint.", kSaturday), V{"10 ans=P10Y"});
  EXPECT_EQ(Tag("Le printemps arabe a commencé. Le Père Noël arrive à Noël.", kSaturday),
            V{"Noël=2023-12-25"});
}

TEST_F(RulesFrTest, WithoutDctRelativeExpressionsStayOpen) {
  EXPECT_EQ(Tag("hier, la semaine prochaine, le 3 février", nullptr),
            (V{"hier=XXXX-XX-XX", "la semaine prochaine=XXXX-WXX", "le 3 février=XXXX-02-03"}));
}

TEST_F(RulesFrTest, SeasonsWithADirection) {
  EXPECT_EQ(Tag("L'été dernier, la sécheresse a frappé.", kSaturday), V{"L'été dernier=2022-SU"});
  EXPECT_EQ(Tag("Cet été, le festival reviendra.", kSaturday), V{"Cet été=2023-SU"});
  // The article inside "du" or "au": the preposition stays out of the extent
  // ("au printemps" keeps it, as a bare "au printemps" does).
  EXPECT_EQ(Tag("Les manifestations de l'automne dernier ont échoué.", kSaturday),
            V{"l'automne dernier=2022-FA"});
  EXPECT_EQ(Tag("La révolte de l'été passé, celle du printemps dernier.", kSaturday),
            (V{"l'été passé=2022-SU", "printemps dernier=2022-SP"}));
  EXPECT_EQ(Tag("Au printemps prochain, il partira.", kSaturday),
            V{"Au printemps prochain=2023-SP"});
  // "été dernier" without an article is the participle: "il a été dernier".
  EXPECT_EQ(Tag("Il a été dernier du classement.", kSaturday), V{});
}

TEST_F(RulesFrTest, FuturesAndConditionalsOfIrregularStemsAreFutureCues) {
  // The simple future and the conditional of verbs in -mettre, -battre,
  // -aître, -cevoir, -vivre, -suivre, -voir, -mourir, -courir and of "dire":
  // a bare month ahead of the DCT.
  for (const char* sentence :
       {"Le ministre recevra les syndicats en janvier.", "Le texte permettra un vote en janvier.",
        "Les juges rendront leur avis et verront les parties en janvier.",
        "Le parti se soumettra au vote en janvier.", "Le livre paraîtra en janvier.",
        "Il poursuivra les négociations en janvier.", "Le président dira tout en janvier.",
        "Le texte permettrait un vote en janvier.", "Le livre paraîtrait en janvier."}) {
    EXPECT_EQ(Tag(sentence, kSaturday), V{"janvier=2024-01"}) << sentence;
  }
  // The imperfect and the simple past of verbs in -trer and -vrer stay past.
  EXPECT_EQ(Tag("Le président montrait ses plans en janvier.", kSaturday), V{"janvier=2023-01"});
  EXPECT_EQ(Tag("L'armée livra des armes en janvier.", kSaturday), V{"janvier=2023-01"});
  EXPECT_EQ(Tag("Il entrait au gouvernement en janvier.", kSaturday), V{"janvier=2023-01"});
}

TEST_F(RulesFrTest, AgesToldWithAAreNoDurations) {
  for (const char* sentence :
       {"Le docteur Morsi, à 60 ans, est le plus diplômé.", "À 27 ans, Alber a quitté Lyon.",
        "Puis, à 10 ans, il est entré à l'école.", "La retraite à 67 ans est votée."}) {
    EXPECT_EQ(Tag(sentence, kSaturday), V{}) << sentence;
  }
  EXPECT_EQ(Tag("Il est mort dimanche à 82 ans.", kSaturday), V{"dimanche=2023-02-19"});
  // A sentence, a reduced sentence and a span before a deadline stay durations.
  EXPECT_EQ(Tag("Il a été condamné à 10 ans de prison.", kSaturday), V{"10 ans=P10Y"});
  EXPECT_EQ(Tag("La peine a été réduite à 10 ans, a indiqué le juge.", kSaturday),
            V{"10 ans=P10Y"});
  EXPECT_EQ(Tag("À deux ans de l'échéance, rien n'est fait.", kSaturday), V{"deux ans=P2Y"});
}

}  // namespace
}  // namespace dateline
