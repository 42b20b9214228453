// Timeline building over a small hand-made corpus, and its exports.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "dateline/language.h"
#include "dateline/timeline.h"
#include "eval/tls.h"
#include "pipeline/sentences.h"
#include "timeline/tuning.h"

namespace dateline {
namespace {

struct Article {
  std::string title, text, day;
  std::vector<std::pair<std::string, std::string>> dates;  // phrase, value
};

std::unique_ptr<Corpus> Build(const std::vector<Article>& articles) {
  auto corpus = std::move(Corpus::Open(":memory:")).value();
  for (const auto& a : articles) {
    CorpusDocument d;
    d.source = a.title + ".txt";
    d.title = a.title;
    d.text = a.text;
    d.published = ParseCivilDate(a.day);
    d.language = "fr";
    std::vector<TimeExpression> exprs;
    for (const auto& [phrase, value] : a.dates) {
      TimeExpression e;
      e.begin = a.text.find(phrase);
      e.end = e.begin + phrase.size();
      e.value = value;
      exprs.push_back(e);
    }
    // Split and dated as the pipeline does.
    d.sentences = DatedSentences(d.text, 0, exprs, d.published,
                                 (*LanguageRegistry::BuiltIn().Find("fr"))->abbreviations());
    d.expressions = exprs;
    EXPECT_TRUE(corpus->Add(d).ok());
  }
  return corpus;
}

Timeline Build(const Corpus& corpus, const TimelineOptions& options) {
  auto t = BuildTimeline(corpus, options);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : Timeline{};
}

std::string Day(const TimelineDate& d) { return FormatCivilDate(d.date); }

const std::vector<Article> kArticles = {
    {"Sommet",
     "Le sommet des ministres de l'énergie s'ouvrira le 3 mars à Genève avec vingt délégations. "
     "Les délégations discuteront des prix du gaz et des réserves stratégiques européennes.",
     "2023-03-01",
     {{"le 3 mars", "2023-03-03"}}},
    {"Ouverture",
     "Le 3 mars, le sommet des ministres de l'énergie s'est ouvert à Genève sous la pluie. "
     "Les ministres ont promis un accord rapide sur les réserves stratégiques de gaz.",
     "2023-03-03",
     {{"Le 3 mars", "2023-03-03"}}},
    {"Accord",
     "Un accord sur les réserves stratégiques de gaz a été signé le 5 mars par les ministres. "
     "Le texte prévoit des achats communs de gaz pour tous les pays signataires européens.",
     "2023-03-05",
     {{"le 5 mars", "2023-03-05"}, {"Le 3 mars", "2023-03-03"}}},
    {"Bilan",
     "Les observateurs jugent que le sommet de Genève a été un succès diplomatique notable. "
     "Plusieurs ministres ont salué le travail des délégations pendant les négociations.",
     "2023-03-08",
     {}},
};

TEST(TimelineBuildTest, RanksExplicitDatesAboveWeakOnes) {
  auto corpus = Build(kArticles);
  TimelineOptions options;
  options.dates = 2;
  options.sentences = 1;
  const Timeline t = Build(*corpus, options);
  ASSERT_EQ(t.dates.size(), 2u);
  EXPECT_EQ(Day(t.dates[0]), "2023-03-03");  // named by two articles
  EXPECT_EQ(Day(t.dates[1]), "2023-03-05");
  EXPECT_NE(t.dates[1].sentences[0].text.find("accord"), std::string::npos);
  EXPECT_FALSE(t.dates[1].sentences[0].weak_date);
  EXPECT_EQ(t.dates[1].sentences[0].sources[0].source, "Accord.txt");
}

TEST(TimelineBuildTest, WeakDatesFillRemainingSlots) {
  auto corpus = Build(kArticles);
  TimelineOptions options;
  options.dates = 10;
  options.sentences = 2;
  const Timeline t = Build(*corpus, options);
  std::vector<std::string> dates;
  for (const auto& d : t.dates) dates.push_back(Day(d));
  const std::vector<std::string> expected = {"2023-03-01", "2023-03-03", "2023-03-05",
                                             "2023-03-08"};
  EXPECT_EQ(dates, expected);
  EXPECT_TRUE(t.dates.back().sentences[0].weak_date);
}

TEST(TimelineBuildTest, QueryAndRangeRestrictTheTimeline) {
  auto corpus = Build(kArticles);
  TimelineOptions options;
  options.filter.query = "accord";
  options.filter.to = CivilDate{2023, 3, 4};
  const Timeline t = Build(*corpus, options);
  ASSERT_EQ(t.dates.size(), 1u);
  EXPECT_EQ(Day(t.dates[0]), "2023-03-03");
  EXPECT_EQ(t.title, "accord");
}

TEST(TimelineBuildTest, YearlessDatesTakeTheYearNearestTheArticles) {
  auto articles = kArticles;
  articles.push_back({"Sans date",
                      "Les ministres se retrouveront le 20 février pour faire le point sur les "
                      "réserves stratégiques de gaz et les achats communs.",
                      "",
                      {{"le 20 février", "XXXX-02-20"}}});
  auto corpus = Build(articles);
  TimelineOptions options;
  options.dates = 10;
  const Timeline t = Build(*corpus, options);
  bool found = false;
  for (const auto& d : t.dates) found |= Day(d) == "2023-02-20";
  EXPECT_TRUE(found);  // nearer March 2023 than in 2022 or 2024
}

TEST(TimelineBuildTest, DatesNamedOnlyInOffTopicAsidesRankBelowTheStory) {
  // Two articles about the summit carry a sidebar of other news naming
  // 9 March: more articles than name 5 March, but neither mention is about
  // the story the timeline tells.
  auto articles = kArticles;
  const std::vector<std::string> asides = {
      "(Washington) Les hôpitaux américains ont enregistré le 9 mars plus de soixante mille "
      "nouveaux cas de grippe saisonnière selon le comptage officiel.",
      "(Londres) Une grève des conducteurs de trains a paralysé le 9 mars la banlieue de la "
      "capitale britannique pendant toute la journée selon les syndicats."};
  const std::vector<std::string> leads = {
      "Les ministres de l'énergie ont poursuivi à Genève leurs discussions sur les réserves "
      "stratégiques de gaz.",
      "A Genève, les délégations du sommet de l'énergie ont comparé leurs achats communs de gaz.",
      "Le sommet de Genève a laissé aux ministres un calendrier chargé pour les réserves de gaz."};
  for (size_t i = 0; i < asides.size(); ++i) {
    articles.push_back({"Suite " + std::to_string(i),
                        leads[i] + " " + asides[i],
                        "2023-03-0" + std::to_string(6 + i),
                        {{"le 9 mars", "2023-03-09"}}});
  }
  auto corpus = Build(articles);
  int64_t named_by = 0;
  const StatusOr<std::vector<DateCount>> counts = corpus->CountDates({});
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  for (const DateCount& c : *counts) {
    if (c.date.ToString() == "2023-03-09") named_by = c.strong_articles;
  }
  ASSERT_EQ(named_by, 2);
  TimelineOptions options;
  options.dates = 2;
  options.sentences = 1;
  const Timeline t = Build(*corpus, options);
  ASSERT_EQ(t.dates.size(), 2u);
  EXPECT_EQ(Day(t.dates[0]), "2023-03-03");
  EXPECT_EQ(Day(t.dates[1]), "2023-03-05");
}

TEST(TimelineBuildTest, DropsNearRepeatedSentences) {
  std::vector<Article> articles = {
      {"A",
       "Le barrage de Kakhovka a cédé le 6 juin et inondé des dizaines de villages riverains.",
       "2023-06-06",
       {{"le 6 juin", "2023-06-06"}}},
      {"B",
       "Le barrage de Kakhovka a cédé le 6 juin et inondé des dizaines de villages riverains !",
       "2023-06-07",
       {{"le 6 juin", "2023-06-06"}}},
  };
  auto corpus = Build(articles);
  TimelineOptions options;
  options.sentences = 2;
  const Timeline t = Build(*corpus, options);
  ASSERT_FALSE(t.dates.empty());
  EXPECT_EQ(t.dates[0].sentences.size(), 1u);
}

// Two sentences of one article about the day compete with a slightly less
// central one from another article: the other article adds another event.
TEST(TimelineBuildTest, PrefersSentencesFromAnotherArticleOfTheDay) {
  std::vector<Article> articles = {
      {"Crue",
       "Le 6 juin, le barrage de Kakhovka a cédé et le Dniepr a inondé les villages de Kherson. "
       "Le 6 juin, les secours de Kherson ont évacué les habitants des villages du Dniepr en "
       "bateau.",
       "2023-06-06",
       {{"Le 6 juin, le", "2023-06-06"}, {"Le 6 juin, les", "2023-06-06"}}},
      {"Accusation",
       "Le 6 juin, Kiev a accusé Moscou d'avoir détruit le barrage de Kakhovka sur le Dniepr.",
       "2023-06-07",
       {{"Le 6 juin", "2023-06-06"}}},
  };
  auto corpus = Build(articles);
  TimelineOptions options;
  options.dates = 1;
  options.sentences = 2;
  // The shipped value leaves the penalty off (what the dev topics choose);
  // the search tries it on, so it is tested at a value it tries.
  TimelineTuning tuning;
  tuning.same_article_penalty = 0.5;
  auto built = BuildTimeline(*corpus, options, tuning);
  ASSERT_TRUE(built.ok()) << built.status().message();
  const Timeline& t = *built;
  ASSERT_EQ(t.dates.size(), 1u);
  ASSERT_EQ(t.dates[0].sentences.size(), 2u);
  std::set<std::string> sources;
  for (const auto& s : t.dates[0].sentences) sources.insert(s.sources[0].source);
  EXPECT_EQ(sources.size(), 2u);
}

TEST(TimelineBuildTest, ExportsParseBack) {
  auto corpus = Build(kArticles);
  const Timeline t = Build(*corpus, TimelineOptions{});
  eval::TlsTimeline parsed;
  std::string error;
  ASSERT_TRUE(eval::ParseTlsTimeline(FormatTimeline(t, TimelineFormat::kTilse), parsed, error))
      << error;
  EXPECT_EQ(parsed.size(), t.dates.size());
  const auto json = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kJson));
  EXPECT_EQ(json["dates"].size(), t.dates.size());
  EXPECT_EQ(json["dates"][0]["sentences"][0]["sources"][0]["source"].get<std::string>(),
            t.dates[0].sentences[0].sources[0].source);
  EXPECT_EQ(json["dates"][0]["sentences"][0]["id"].get<int64_t>(),
            t.dates[0].sentences[0].sentence_id);
  const auto tljs = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kTimelineJs));
  EXPECT_EQ(tljs["events"][0]["start_date"]["month"].get<int>(), 3);
  const std::string html = FormatTimeline(t, TimelineFormat::kHtml);
  EXPECT_NE(html.find("<time datetime=\"2023-03-03\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(FormatTimeline(t, TimelineFormat::kMarkdown).find("## 2023-03-05"), std::string::npos);
  EXPECT_FALSE(ParseTimelineFormat("pdf"));
}

// Each sentence names its stored sentence, whose first day-level expression
// is what dated it (a click on the web page shows it).
TEST(TimelineBuildTest, SentencesNameTheStoredSentenceAndItsDatingExpression) {
  auto corpus = Build(kArticles);
  const Timeline t = Build(*corpus, TimelineOptions{});
  size_t checked = 0;
  for (const TimelineDate& d : t.dates) {
    for (const TimelineSentence& s : d.sentences) {
      const auto stored = corpus->GetSentence(s.sentence_id);
      ASSERT_TRUE(stored.ok()) << stored.status().message();
      EXPECT_EQ(stored->date.ToString(), Day(d));
      EXPECT_EQ(stored->weak_date, s.weak_date);
      if (s.weak_date) continue;
      const auto expressions = *corpus->ExpressionsOf(s.sentence_id);
      ASSERT_FALSE(expressions.empty());
      EXPECT_EQ(expressions[0].value, Day(d));
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
  EXPECT_EQ(corpus->GetSentence(987654).status().code(), StatusCode::kNotFound);
}

TEST(TimelineBuildTest, EachDateCarriesTheEvidenceThatChoseIt) {
  auto corpus = Build(kArticles);
  TimelineOptions options;
  options.dates = 3;
  auto built = BuildTimeline(*corpus, options);
  ASSERT_TRUE(built.ok()) << built.status().message();
  const Timeline& t = *built;
  ASSERT_EQ(t.dates.size(), 3u);  // in date order
  const TimelineDate& summit = t.dates[1];
  ASSERT_EQ(summit.date, (CivilDate{2023, 3, 3}));
  EXPECT_EQ(summit.evidence.articles, 2);  // "Sommet" and "Ouverture" name it
  EXPECT_EQ(summit.evidence.sentences, 2);
  EXPECT_EQ(summit.evidence.published, 1);  // "Ouverture"
  EXPECT_EQ(summit.evidence.count_rank, 1u);
  EXPECT_GE(summit.evidence.topic_share, 0);
  EXPECT_GT(summit.score, 0);
  // A date known only as a publication day: no sentence names it.
  const TimelineDate& first = t.dates[0];
  ASSERT_EQ(first.date, (CivilDate{2023, 3, 1}));
  EXPECT_EQ(first.evidence.articles, 0);
  EXPECT_EQ(first.evidence.published, 1);
  EXPECT_LT(first.evidence.topic_share, 0);
  const auto json = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kJson));
  const auto& e = json["dates"][1]["evidence"];
  EXPECT_EQ(e["articles"].get<int>(), 2);
  EXPECT_EQ(e["sentences"].get<int>(), 2);
  EXPECT_EQ(e["published"].get<int>(), 1);
  EXPECT_EQ(e["count_rank"].get<int>(), 1);
  EXPECT_TRUE(e.contains("topic_share"));
  EXPECT_FALSE(json["dates"][0]["evidence"].contains("topic_share"));
}

TEST(TimelineBuildTest, HtmlEscapesText) {
  Timeline t;
  t.title = "<b>x</b>";
  TimelineDate d;
  d.date = CivilDate{2023, 1, 1};
  d.sentences = {{"a < b & \"c\"", false, {}}};
  t.dates.push_back(d);
  const std::string html = FormatTimeline(t, TimelineFormat::kHtml);
  EXPECT_NE(html.find("a &lt; b &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<b>x</b>"), std::string::npos);
}

// Links come only from web addresses: a source's URL from the input
// ("javascript:" in a canonical link, a record, a WARC target) shows as
// text, never as a link, in every writer that makes links.
TEST(TimelineBuildTest, OnlyWebAddressesBecomeLinks) {
  Timeline t;
  t.title = "Valmorin";
  TimelineSentence s{"Le pont a été inauguré [voir](javascript:alert(0)) <i>hier</i>.", false, {}};
  for (const char* url : {"javascript:alert(1)", " JaVa\tScRiPt:alert(2)",
                          "data:text/html,<script>alert(3)</script>", "https://example.org/ok"}) {
    s.sources.push_back({"page.html", url, CivilDate{2021, 3, 3}, "Pont"});
  }
  TimelineDate d;
  d.date = CivilDate{2021, 3, 3};
  d.score = 4;
  d.sentences = {s};
  t.dates.push_back(d);
  const std::string html = FormatTimeline(t, TimelineFormat::kHtml);
  EXPECT_NE(html.find("<a href=\"https://example.org/ok\">"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a href=\"java"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a href=\" Ja"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a href=\"data"), std::string::npos) << html;
  EXPECT_NE(html.find("javascript:alert(1) (2021-03-03)"), std::string::npos);  // as text

  const std::string md = FormatTimeline(t, TimelineFormat::kMarkdown);
  EXPECT_NE(md.find("[https://example.org/ok (2021-03-03)](https://example.org/ok)"),
            std::string::npos)
      << md;
  // Every link destination in the Markdown ("](" not escaped) is the web address.
  for (size_t at = md.find("]("); at != std::string::npos; at = md.find("](", at + 1)) {
    if (md[at - 1] == '\\') continue;
    EXPECT_EQ(md.compare(at + 2, 22, "https://example.org/ok"), 0) << md.substr(at);
  }
  // The page's own text cannot make a link or HTML either.
  EXPECT_NE(md.find("\\[voir\\](javascript:alert(0)) \\<i\\>hier\\</i\\>"), std::string::npos)
      << md;

  const auto tljs = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kTimelineJs));
  const std::string body = tljs["events"][0]["text"]["text"].get<std::string>();
  EXPECT_EQ(body.find("href"), std::string::npos) << body;  // its source is javascript:
  t.dates[0].sentences[0].sources.erase(t.dates[0].sentences[0].sources.begin(),
                                        t.dates[0].sentences[0].sources.begin() + 3);
  const auto safe = nlohmann::json::parse(FormatTimeline(t, TimelineFormat::kTimelineJs));
  EXPECT_NE(safe["events"][0]["text"]["text"].get<std::string>().find(
                "<a href=\"https://example.org/ok\">"),
            std::string::npos);
}

}  // namespace
}  // namespace dateline
