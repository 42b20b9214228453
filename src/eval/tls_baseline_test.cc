#include "eval/tls_baseline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dateline/language.h"
#include "pipeline/sentences.h"

namespace dateline::eval {
namespace {

namespace fs = std::filesystem;

// Adds an article whose sentences are dated by the (phrase, value) pairs.
void Add(Corpus& corpus, const std::string& name, const std::string& text,
         const std::string& published,
         const std::vector<std::pair<std::string, std::string>>& dates) {
  CorpusDocument doc;
  doc.source = name;
  doc.title = name;
  doc.text = text;
  doc.published = ParseCivilDate(published);
  doc.language = "fr";
  for (const auto& [phrase, value] : dates) {
    TimeExpression e;
    e.begin = text.find(phrase);
    e.end = e.begin + phrase.size();
    e.value = value;
    doc.expressions.push_back(e);
  }
  // Split and dated as the pipeline does.
  doc.sentences = DatedSentences(doc.text, 0, doc.expressions, doc.published,
                                 (*LanguageRegistry::BuiltIn().Find("fr"))->abbreviations());
  ASSERT_TRUE(corpus.Add(doc).ok());
}

TEST(TlsBaselineTest, RanksDaysBySentencesAndPicksTheCentralOnes) {
  auto corpus = std::move(Corpus::Open(":memory:")).value();
  // 2023-03-03 is named by three sentences, 2023-03-05 by two, 2023-03-04
  // by one; one article alone names 2023-03-05 twice (the baseline counts
  // sentences, not articles).
  Add(*corpus, "a",
      "Le sommet des ministres s'ouvre le 3 mars à Genève. Le sommet des ministres du 3 mars "
      "portera sur le gaz. La délégation arrive le 4 mars.",
      "2023-03-01",
      {{"le 3 mars", "2023-03-03"}, {"du 3 mars", "2023-03-03"}, {"le 4 mars", "2023-03-04"}});
  Add(*corpus, "b",
      "Le 3 mars, les pêcheurs ont bloqué le port de Marseille. Le 5 mars, un accord est signé. "
      "Le texte du 5 mars prévoit des achats communs.",
      "2023-03-06",
      {{"Le 3 mars", "2023-03-03"}, {"Le 5 mars", "2023-03-05"}, {"du 5 mars", "2023-03-05"}});
  // Too far from its article's date: a wrong year, not counted.
  Add(*corpus, "c", "Le traité du 3 mars 2015 reste en vigueur selon les juristes consultés.",
      "2023-03-02", {{"du 3 mars 2015", "2015-03-03"}});
  TlsOptions scoring;
  const TlsTokenizer tok(scoring);
  const TlsTimeline t = *CountBaselineTimeline(*corpus, {2, 1}, tok);
  ASSERT_EQ(t.size(), 2u);
  auto first = t.begin();
  EXPECT_EQ(first->first, (CivilDate{2023, 3, 3}));
  // The two sentences about the summit outweigh the fishermen.
  ASSERT_EQ(first->second.size(), 1u);
  EXPECT_NE(first->second[0].find("sommet"), std::string::npos);
  EXPECT_EQ(std::next(first)->first, (CivilDate{2023, 3, 5}));
  const TlsTimeline three = *CountBaselineTimeline(*corpus, {5, 1}, tok);
  EXPECT_EQ(three.size(), 3u);  // 2015-03-03 is out of the window
  EXPECT_EQ(three.count(CivilDate{2015, 3, 3}), 0u);
}

class TlsTasksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("dateline_tls_tasks_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& content) {
    fs::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  fs::path root_;
};

TEST_F(TlsTasksTest, FindsOneTaskPerTopicOrPerReferenceTimeline) {
  Write("reference/egypt.txt", "2011-01-25\nManifestations.\n----\n");
  Write("egypt/2011-01-25/a.txt", "Texte.\n");
  Write("reference/orphan.txt", "2011-01-25\nSans articles.\n----\n");
  std::string error;
  auto tasks = FindTlsTasks(root_.string(), error);
  ASSERT_EQ(tasks.size(), 1u) << error;
  EXPECT_EQ(tasks[0].name, "egypt");
  EXPECT_FALSE(tasks[0].restrict_to_span);

  fs::remove_all(root_);
  Write("reference/libya/tl5.txt", "2011-02-15\nUn.\n----\n");
  Write("reference/libya/tl6.txt", "2011-02-14\nDeux.\n----\n");
  Write("reference/mj/bbc.txt", "2009-06-25\nTrois.\n----\n");
  Write("libya/articles.jsonl", "");
  Write("mj/articles.jsonl", "");
  tasks = FindTlsTasks(root_.string(), error);
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].name, "libya/tl5");
  EXPECT_EQ(tasks[0].topic, "libya");
  EXPECT_TRUE(tasks[0].restrict_to_span);
  EXPECT_EQ(tasks[2].name, "mj");  // a topic with one reference keeps its name

  EXPECT_TRUE(FindTlsTasks((root_ / "missing").string(), error).empty());
  EXPECT_NE(error.find("missing"), std::string::npos);
}

TEST_F(TlsTasksTest, TimelineSeventeenTasksSeeOnlyArticlesWithinTheReferenceSpan) {
  Write("reference/storm/agency.txt",
        "2024-03-05\nThe storm reaches the coast .\n----\n"
        "2024-03-07\nThe bridge reopens .\n----\n");
  // One sentence a line, tokenised; the first record is out of the span.
  Write("storm/articles.jsonl",
        "{\"id\": \"s1\", \"time\": \"2024-03-01\", \"text\": \"Forecasters expect a storm on "
        "Tuesday .\"}\n"
        "{\"id\": \"s2\", \"time\": \"2024-03-05\", \"text\": \"The storm reached the coast on "
        "Tuesday .\\nwinds cut power to 4,000 homes .\"}\n"
        "{\"id\": \"s3\", \"time\": \"2024-03-07\", \"text\": \"March 7 2024 .\"}\n");
  std::string error;
  const auto tasks = FindTlsTasks(root_.string(), error);
  ASSERT_EQ(tasks.size(), 1u) << error;
  TlsRunOptions options;
  options.language = "en";
  const TlsPreparedTask p = PrepareTlsTask(tasks[0], options);
  ASSERT_TRUE(p.error.empty()) << p.error;
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.size.dates, 2u);
  EXPECT_EQ(p.corpus->ArticleCount(), 2u);  // s1 left out
  EXPECT_TRUE((*p.corpus->Search("forecasters", 5)).empty());
  // The tokenised lines stay sentences, and the short dated record is text.
  EXPECT_EQ((*p.corpus->Sentences({})).size(), 3u);
}

}  // namespace
}  // namespace dateline::eval
