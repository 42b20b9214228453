// The corpus store: idempotent adds, copies, sentence dating, search.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "dateline/corpus.h"
#include "dateline/language.h"
#include "pipeline/sentences.h"

namespace dateline {
namespace {

TimeExpression Expr(const std::string& text, const std::string& phrase, const std::string& value,
                    TimexType type = TimexType::kDate) {
  TimeExpression e;
  e.begin = text.find(phrase);
  e.end = e.begin + phrase.size();
  e.type = type;
  e.value = value;
  return e;
}

CorpusDocument Doc(const std::string& title, const std::string& text, const std::string& day) {
  CorpusDocument d;
  d.source = title + ".txt";
  d.title = title;
  d.text = text;
  d.published = ParseCivilDate(day);
  d.language = "fr";
  return d;
}

// The store keeps the sentences it is given: here, as the pipeline splits
// and dates them.
StatusOr<AddResult> Add(Corpus& corpus, CorpusDocument doc,
                        const std::vector<TimeExpression>& expressions) {
  doc.expressions = expressions;
  const LanguagePack& pack = **LanguageRegistry::BuiltIn().Find("fr");
  doc.sentences = DatedSentences(doc.text, 0, expressions, doc.published, pack.abbreviations());
  return corpus.Add(doc);
}

std::unique_ptr<Corpus> Open(const std::string& path) {
  auto corpus = Corpus::Open(path);
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

TimexValue Day(const std::string& value) { return *TimexValue::Parse(value); }

std::string Text(const std::optional<CivilDate>& day) { return day ? FormatCivilDate(*day) : ""; }

const std::string kVisit =
    "Le président biélorusse se rendra en Chine le 28 février pour une visite d'État. "
    "Il rencontrera son homologue chinois à Pékin pendant trois jours de discussions. "
    "La Biélorussie dépend de la Russie financièrement et politiquement depuis longtemps.";

TEST(CorpusStoreTest, DatesSentencesByFirstDayExpressionElseWeaklyByArticle) {
  auto corpus = Open(":memory:");
  const auto doc = Doc("Visite", kVisit, "2023-02-25");
  const std::vector<TimeExpression> exprs = {
      Expr(kVisit, "le 28 février", "2023-02-28"),
      Expr(kVisit, "trois jours", "P3D", TimexType::kDuration)};
  EXPECT_EQ((*Add(*corpus, doc, exprs)).outcome, AddOutcome::kAdded);
  EXPECT_EQ(corpus->SentenceCount(), 3u);
  const auto counts = *corpus->CountDates({});
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].date.ToString(), "2023-02-25");
  EXPECT_EQ(counts[0].weak, 2);
  EXPECT_EQ(counts[1].date.ToString(), "2023-02-28");
  EXPECT_EQ(counts[1].strong, 1);
  const auto on = *corpus->SentencesOn(Day("2023-02-28"), {});
  ASSERT_EQ(on.size(), 1u);
  EXPECT_FALSE(on[0].weak_date);
  EXPECT_NE(on[0].text.find("en Chine le 28 février"), std::string::npos);
}

TEST(CorpusStoreTest, SameContentTwiceIsStoredOnce) {
  auto corpus = Open(":memory:");
  const auto doc = Doc("Visite", kVisit, "2023-02-25");
  EXPECT_EQ((*Add(*corpus, doc, {})).outcome, AddOutcome::kAdded);
  auto again = doc;
  again.source = "elsewhere.txt";
  EXPECT_EQ((*Add(*corpus, again, {})).outcome, AddOutcome::kDuplicate);
  EXPECT_EQ(corpus->ArticleCount(), 1u);
  EXPECT_EQ(corpus->SentenceCount(), 3u);
}

TEST(CorpusStoreTest, NearDuplicateBecomesACopyListedAsSource) {
  auto corpus = Open(":memory:");
  const auto first = (*Add(*corpus, Doc("Visite", kVisit, "2023-02-25"), {}));
  std::string edited = kVisit;
  edited.replace(edited.find("Pékin"), std::string("Pékin").size(), "Beijing");
  auto copy = Doc("Loukachenko en Chine", edited, "2023-02-26");
  copy.url = "https://example.org/copie";
  const auto second = (*Add(*corpus, copy, {}));
  EXPECT_EQ(second.outcome, AddOutcome::kCopy);
  EXPECT_EQ(second.canonical_id, first.article_id);
  EXPECT_EQ(corpus->SentenceCount(), 3u);  // copies add sources, not sentences
  const auto article = corpus->GetArticle(second.article_id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->origin.article_id, first.article_id);
  ASSERT_EQ(article->copies.size(), 1u);
  EXPECT_EQ(article->copies[0].url, "https://example.org/copie");
}

TEST(CorpusStoreTest, SearchIgnoresAccentsAndCase) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"), {}).ok());
  ASSERT_TRUE(Add(*corpus,
                  Doc("Autre", "Un texte sans rapport sur la météo de Lyon et ses orages violents.",
                      "2023-02-26"),
                  {})
                  .ok());
  const auto hits = *corpus->Search("bielorussie", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].origin.title, "Visite");
  EXPECT_EQ(Text(hits[0].origin.published), "2023-02-25");
  EXPECT_TRUE((*corpus->Search("Tokyo", 10)).empty());
}

TEST(CorpusStoreTest, FilterRestrictsByQueryAndDates) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"),
                  {Expr(kVisit, "le 28 février", "2023-02-28")})
                  .ok());
  SentenceFilter f;
  f.query = "Chine";
  f.from = CivilDate{2023, 2, 27};
  const auto counts = *corpus->CountDates(f);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].date.ToString(), "2023-02-28");
  f.query = "Tokyo";
  EXPECT_TRUE((*corpus->CountDates(f)).empty());
}

TEST(CorpusStoreTest, YearlessDayOfAnUndatedArticleIsKeptAsXxxx) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(
      Add(*corpus, Doc("Visite", kVisit, ""), {Expr(kVisit, "le 28 février", "XXXX-02-28")}).ok());
  const auto counts = *corpus->CountDates({});
  ASSERT_EQ(counts.size(), 1u);  // the other sentences have no date at all
  EXPECT_EQ(counts[0].date.ToString(), "XXXX-02-28");
}

TEST(CorpusStoreTest, PersistsAcrossOpensAndPassesIntegrityCheck) {
  const auto dir = std::filesystem::temp_directory_path() / "dateline_store_test";
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "sub" / "c.db").string();
  {
    auto corpus = Open(path);
    corpus->BeginBatch();
    ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"), {}).ok());
    corpus->CommitBatch();
    corpus->BeginBatch();
    ASSERT_TRUE(Add(*corpus,
                    Doc("Perdu", "Ce texte ne sera jamais validé dans le magasin de données.", ""),
                    {})
                    .ok());
    corpus->RollbackBatch();
  }
  auto corpus = Open(path);
  EXPECT_EQ(corpus->ArticleCount(), 1u);
  EXPECT_EQ(corpus->CheckIntegrity(), "ok");
  std::filesystem::remove_all(dir);
}

// Runs `sql` on the store file directly, as an older or newer dateline would
// have left it.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string Counts(const std::vector<DateCount>& counts) {
  std::string out;
  for (const auto& c : counts) {
    out += c.date.ToString() + " " + std::to_string(c.strong) + "/" + std::to_string(c.weak) + "/" +
           std::to_string(c.strong_articles) + "; ";
  }
  return out;
}

class CorpusStoreFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dateline_store_file_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    path_ = (dir_ / "c.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(CorpusStoreFileTest, VersionOneStoreGetsItsDateTalliesOnOpen) {
  const std::string other = "Le 3 mars, la Biélorussie a reçu une délégation venue de Pékin.";
  std::string before, published_before;
  {
    auto corpus = Open(path_);
    ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"),
                    {Expr(kVisit, "le 28 février", "2023-02-28")})
                    .ok());
    ASSERT_TRUE(Add(*corpus, Doc("Délégation", other, "2023-03-04"),
                    {Expr(other, "Le 3 mars", "2023-03-03")})
                    .ok());
    SentenceFilter f;
    f.query = "Pékin";
    before = Counts(*corpus->CountDates(f));
    published_before = FormatCivilDate((*corpus->PublicationDates(f)).front());
  }
  ASSERT_NE(before.find("2023-03-03 1/0/1"), std::string::npos) << before;
  // What a version 1 store looked like: no tallies table, user_version 0.
  RawExec(path_, "DROP TABLE article_dates; PRAGMA user_version = 0;");
  auto corpus = Open(path_);
  SentenceFilter f;
  f.query = "Pékin";
  EXPECT_EQ(Counts(*corpus->CountDates(f)), before);
  EXPECT_EQ(FormatCivilDate((*corpus->PublicationDates(f)).front()), published_before);
  EXPECT_EQ((*corpus->SentencesOn(Day("2023-03-03"), f)).size(), 1u);
  EXPECT_EQ(corpus->CheckIntegrity(), "ok");
}

TEST_F(CorpusStoreFileTest, StoreFromANewerVersionIsRefusedWithItsPath) {
  { Add(*Open(path_), Doc("Visite", kVisit, "2023-02-25"), {}); }
  RawExec(path_, "PRAGMA user_version = 99;");
  const auto corpus = Corpus::Open(path_);
  ASSERT_FALSE(corpus.ok());
  EXPECT_NE(corpus.status().message().find(path_), std::string::npos) << corpus.status().message();
  EXPECT_NE(corpus.status().message().find("newer"), std::string::npos)
      << corpus.status().message();
}

TEST(CorpusStoreTest, LanguageFilterUsesEachArticlesLanguage) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"),
                  {Expr(kVisit, "le 28 février", "2023-02-28")})
                  .ok());
  auto en = Doc("Visit", "The Belarusian president will visit China on February 28 for talks.",
                "2023-02-26");
  en.language = "en";
  ASSERT_TRUE(Add(*corpus, en, {Expr(en.text, "February 28", "2023-02-28")}).ok());
  SentenceFilter f;
  f.language = "en";
  const auto counts = *corpus->CountDates(f);
  EXPECT_EQ(Counts(counts), "2023-02-28 1/0/1; ");
  EXPECT_EQ(*corpus->PublicationDates(f), (std::vector<CivilDate>{{2023, 2, 26}}));
  const auto on = *corpus->SentencesOn(Day("2023-02-28"), f);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(Text(on[0].article_published), "2023-02-26");
  f.language = "";
  EXPECT_EQ(Counts(*corpus->CountDates(f)), "2023-02-25 0/2/0; 2023-02-28 2/0/2; ");
}

TEST(CorpusStoreTest, ALineRepeatedVerbatimByThreeArticlesIsBoilerplate) {
  auto corpus = Open(":memory:");
  const std::string furniture = "Daté du jeudi 12 novembre.";
  const std::vector<std::string> bodies = {
      "Le président a rencontré les syndicats le 3 mars à Minsk pour parler des salaires.",
      "Les agriculteurs ont bloqué la route de Brest pendant toute la matinée du 4 mars.",
      "Une panne a privé la capitale d'électricité le 5 mars durant plusieurs heures."};
  const std::vector<std::string> phrases = {"le 3 mars", "du 4 mars", "le 5 mars"};
  const std::vector<std::string> days = {"2023-03-03", "2023-03-04", "2023-03-05"};
  auto add = [&](size_t i) {
    const std::string text = bodies[i] + " " + furniture;
    ASSERT_TRUE(
        Add(*corpus, Doc("Article " + std::to_string(i), text, "2023-03-06"),
            {Expr(text, phrases[i], days[i]), Expr(text, "jeudi 12 novembre", "2023-11-12")})
            .ok());
  };
  add(0);
  add(1);
  // Two articles sharing a line may quote the same statement: still counted.
  EXPECT_NE(Counts(*corpus->CountDates({})).find("2023-11-12 2/0/2"), std::string::npos);
  add(2);
  // The third makes it furniture, taken out of the earlier articles' counts
  // too, and no longer offered as a sentence of its date.
  const std::string counts = Counts(*corpus->CountDates({}));
  EXPECT_EQ(counts.find("2023-11-12"), std::string::npos) << counts;
  EXPECT_NE(counts.find("2023-03-03"), std::string::npos) << counts;
  EXPECT_TRUE((*corpus->SentencesOn(Day("2023-11-12"), {})).empty());
  EXPECT_EQ(corpus->SentenceCount(), 6u);  // stored all the same
  // Asked for, boilerplate is still there to read.
  SentenceFilter with;
  with.include_boilerplate = true;
  EXPECT_EQ((*corpus->SentencesOn(Day("2023-11-12"), with)).size(), 3u);
  EXPECT_EQ((*corpus->Sentences(with)).size(), 6u);
  EXPECT_EQ((*corpus->Sentences({})).size(), 3u);
}

TEST(CorpusStoreTest, SentencesComeInStorageOrderWithTheirPositions) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"),
                  {Expr(kVisit, "le 28 février", "2023-02-28")})
                  .ok());
  const std::string other =
      "Les syndicats ont manifesté samedi à Minsk contre la réforme. Ils reviendront lundi.";
  ASSERT_TRUE(Add(*corpus, Doc("Syndicats", other, "2023-03-05"), {}).ok());
  const auto all = *corpus->Sentences({});
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].date.ToString(), "2023-02-28");
  EXPECT_EQ(all[0].position, 0);
  EXPECT_EQ(all[2].position, 2);
  EXPECT_EQ(all[3].position, 0);
  EXPECT_EQ(all[3].article_published, (CivilDate{2023, 3, 5}));
  EXPECT_TRUE(all[4].weak_date);
  SentenceFilter f;
  f.query = "syndicats";
  EXPECT_EQ((*corpus->Sentences(f)).size(), 2u);
  f.from = CivilDate{2023, 3, 6};
  EXPECT_TRUE((*corpus->Sentences(f)).empty());
  EXPECT_EQ((*corpus->SentencesOn(Day("2023-03-05"), {}))[1].position, 1);
  SentenceFilter leads;
  leads.max_position = 1;
  const auto first = *corpus->SentencesOn(Day("2023-03-05"), leads);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].position, 0);
}

TEST(CorpusStoreTest, UnopenableStoreFailsWithItsPath) {
  const auto corpus = Corpus::Open("/proc/no/such/dir/c.db");
  ASSERT_FALSE(corpus.ok());
  EXPECT_NE(corpus.status().message().find("/proc/no/such/dir"), std::string::npos);
}

TEST(CorpusStoreTest, ReadOnlyStoreMustExistAndRefusesWrites) {
  const auto missing = Corpus::Open("/tmp/dateline-no-such-store.db", {.read_only = true});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  const auto dir = std::filesystem::temp_directory_path() /
                   ("dateline_read_only_test_" + std::to_string(::getpid()));
  const std::string path = (dir / "c.db").string();
  ASSERT_TRUE(Add(*Open(path), Doc("Visite", kVisit, "2023-02-25"), {}).ok());
  auto reader = Corpus::Open(path, {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->ArticleCount(), 1u);
  EXPECT_EQ((*(*reader)->Search("Chine", 10)).size(), 1u);
  const auto added =
      Add(**reader, Doc("Autre", "Un autre texte assez long pour être gardé.", ""), {});
  EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
  std::filesystem::remove_all(dir);
}

TEST(CorpusStoreTest, MalformedFullTextQueryIsAnInvalidArgument) {
  auto corpus = Open(":memory:");
  ASSERT_TRUE(Add(*corpus, Doc("Visite", kVisit, "2023-02-25"), {}).ok());
  const auto found = corpus->Search("\"Chine", 10);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kInvalidArgument) << found.status().message();
}

}  // namespace
}  // namespace dateline
