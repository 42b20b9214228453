// Timelines on the shared data: leave-one-topic-out floors over the dev
// topics and the Loukachenko seeds. Skipped when ../shared/data is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/timeline.h"
#include "eval/tls.h"
#include "eval/tls_baseline.h"
#include "eval/tls_loto.h"

namespace dateline {
namespace {

std::string SharedData() {
  const char* env = std::getenv("DATELINE_SHARED");
  return std::string(env && *env ? env : DATELINE_SOURCE_DIR "/../shared") + "/data";
}

// Leave one topic out over the eight dev topics (three French ML-Crisis
// topics, five English Timeline17 ones): every constant of the timeline is
// chosen without the topic it is scored on, so these floors are what a topic
// never tuned on got, not scores on tuned topics. Floors just below the
// held-back means measured last (date constants chosen together, headline
// lists out of scraped pages, 2026-12-06, night): French date F1 0.2756 AR1
// 0.0414 (count 0.2177 / 0.0277), English 0.6228 / 0.1175 (count 0.6052 /
// 0.0901); six of the eight topics above the count in both measures (not
// French yemen, AR1 0.0208 against 0.0230; not English egypt, whose date F1
// the count has at 1.0, as the system does). They move with the tagger and the
// reader, and with the other topics' tags (a fold's constants are chosen on
// them). About two and a half minutes in an optimised build: the sanitizer
// build leaves accuracy to it.
TEST(TimelineDataTest, LeaveOneTopicOutBeatsTheCountBaselineInEachLanguage) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "accuracy over the dev topics is measured by the optimised build";
#endif
  const std::string data = SharedData() + "/tls";
  if (!std::filesystem::exists(data + "/ml-crisis-fr") ||
      !std::filesystem::exists(data + "/t17-en")) {
    GTEST_SKIP() << "no shared timeline data at " << data;
  }
  std::vector<eval::TlsPreparedTask> prepared;
  for (const char* root : {"/ml-crisis-fr", "/t17-en"}) {
    std::string error;
    for (const eval::TlsTask& task : eval::FindTlsTasks(data + root, error)) {
      prepared.push_back(eval::PrepareTlsTask(task, eval::TlsRunOptions{}));
      ASSERT_TRUE(prepared.back().error.empty()) << prepared.back().error;
    }
    ASSERT_TRUE(error.empty()) << error;
  }
  std::vector<const eval::TlsPreparedTask*> tasks;
  std::vector<eval::TlsScores> count;
  for (const eval::TlsPreparedTask& p : prepared) {
    eval::TlsOptions scoring;
    scoring.language = p.language;
    const auto timeline =
        eval::CountBaselineTimeline(*p.corpus, p.size, eval::TlsTokenizer(scoring));
    ASSERT_TRUE(timeline.ok()) << timeline.status().message();
    tasks.push_back(&p);
    count.push_back(eval::ScoreTimeline(*timeline, {p.reference}, scoring));
  }
  const eval::TlsLotoResult result =
      eval::LeaveOneTopicOut(tasks, count, eval::TimelineKnobs(), nullptr);
  const eval::TlsLotoSummary summary = eval::SummarizeLoto(tasks, count, result);
  ASSERT_EQ(summary.topics.size(), 8u);
  ASSERT_EQ(summary.languages.size(), 2u);
  int above = 0;
  for (const eval::TlsLotoRow& row : summary.topics) {
    std::printf("held back %-10s date F1 %.4f AR1 %.4f | count %.4f %.4f\n", row.name.c_str(),
                row.system.date.f1, row.system.align1.f1, row.count.date.f1, row.count.align1.f1);
    if (row.system.date.f1 > row.count.date.f1 && row.system.align1.f1 > row.count.align1.f1) {
      ++above;
    }
  }
  // The bar: above the count in both measures on six topics of eight.
  EXPECT_GE(above, 6);
  const eval::TlsLotoRow& en = summary.languages[0];
  const eval::TlsLotoRow& fr = summary.languages[1];
  for (const eval::TlsLotoRow& row : summary.languages) {
    std::printf("mean %-15s date F1 %.4f AR1 %.4f | count %.4f %.4f\n", row.name.c_str(),
                row.system.date.f1, row.system.align1.f1, row.count.date.f1, row.count.align1.f1);
  }
  ASSERT_EQ(en.name, "en");
  ASSERT_EQ(fr.name, "fr");
  for (const eval::TlsLotoRow* row : {&en, &fr}) {
    EXPECT_GT(row->system.date.f1, row->count.date.f1) << row->name;
    EXPECT_GT(row->system.align1.f1, row->count.align1.f1) << row->name;
  }
  EXPECT_GE(fr.system.date.f1, 0.27);
  EXPECT_GE(fr.system.align1.f1, 0.037);
  EXPECT_GE(en.system.date.f1, 0.60);
  EXPECT_GE(en.system.align1.f1, 0.11);
}

bool HasSentence(const Timeline& t, const std::string& date, const std::string& word) {
  for (const auto& d : t.dates) {
    if (FormatCivilDate(d.date) != date) continue;
    for (const auto& s : d.sentences) {
      if (s.text.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

TEST(TimelineDataTest, LoukachenkoSeeds) {
  const std::string seeds = SharedData() + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no shared data at " << seeds;
  auto corpus = std::move(Corpus::Open(":memory:")).value();
  Ingester ingester(*corpus, {});
  for (const char* name : {"001_eeb3df5a88e7ea59.txt", "002_f75ccf0c9babfc33.txt",
                           "003_a52a542bea90e31b.txt", "004_1594615c32b51ef5.txt"}) {
    ingester.AddSource(seeds + "/" + name);
  }
  const auto summary = ingester.Run();
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_TRUE(summary->problems.empty());
  TimelineOptions options;
  options.filter.query = "Loukachenko";
  const auto built = BuildTimeline(*corpus, options);
  ASSERT_TRUE(built.ok()) << built.status().message();
  const Timeline& t = *built;
  EXPECT_TRUE(HasSentence(t, "2023-02-28", "Chine"));   // state visit to China
  EXPECT_TRUE(HasSentence(t, "2023-02-24", "parlé"));   // the call with Putin
  EXPECT_TRUE(HasSentence(t, "2023-04-05", "Moscou"));  // the Moscow talks
}

}  // namespace
}  // namespace dateline
