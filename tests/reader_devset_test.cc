// Regression floors for the reader on the shared dev sets. The floors are
// the figures reached when they were set; a drop below one fails. Skipped
// when the shared data is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "dateline/reader.h"
#include "eval/date_eval.h"
#include "eval/extraction_eval.h"
#include "util/io.h"

namespace dateline {
namespace {

std::string SharedData() {
  const char* env = std::getenv("DATELINE_SHARED");
  return std::string(env ? env : DATELINE_SOURCE_DIR "/../shared") + "/data";
}

// Pages are read on two threads (CI has two cores).
template <typename Fn>
void ForEach(size_t n, Fn fn) {
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < n; i += 2) fn(i);
    });
  }
  for (auto& th : threads) th.join();
}

TEST(ReaderDevset, WcxbWordF1) {
  std::string dir = SharedData() + "/extraction/wcxb-dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " missing";
  std::vector<std::string> errors;
  std::vector<eval::ExtractionGold> gold = eval::LoadWcxb(dir, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(gold.size(), 1497u);
  Reader reader;
  std::vector<std::string> texts(gold.size());
  ForEach(gold.size(), [&](size_t i) {
    ReadResult in = ReadInput(gold[i].html_path);
    ReadHints hints;
    hints.path = gold[i].html_path;
    if (!in.ok) return;
    auto a = reader.Read(in.data, hints);
    if (a.ok()) texts[i] = std::move(a->text);
  });
  eval::ExtractionScorer scorer;
  for (size_t i = 0; i < gold.size(); ++i) scorer.Add(gold[i], texts[i]);
  eval::ExtractionReport r = scorer.Report();
  EXPECT_GE(r.mean_f1, 0.864);
  EXPECT_GE(r.article_f1, 0.947);
  // Pages that are not articles: listings, shops and threads.
  const std::pair<const char*, double> by_type[] = {{"collection", 0.727}, {"documentation", 0.929},
                                                    {"forum", 0.776},      {"listing", 0.699},
                                                    {"product", 0.661},    {"service", 0.836}};
  for (const auto& [type, floor] : by_type) {
    ASSERT_TRUE(r.by_type.count(type)) << type;
    EXPECT_GE(r.by_type.at(type).mean_f1, floor) << type;
  }
}

TEST(ReaderDevset, HtmldateAccuracy) {
  std::string gold_path = SharedData() + "/extraction/htmldate-dev/gold.json";
  if (!std::filesystem::exists(gold_path)) GTEST_SKIP() << gold_path << " missing";
  std::vector<eval::DateGold> gold;
  std::string error;
  ASSERT_TRUE(eval::LoadDateGold(gold_path, gold, error)) << error;
  Reader reader;
  std::vector<std::string> dates(gold.size());
  ForEach(gold.size(), [&](size_t i) {
    ReadResult in = ReadInput(gold[i].file);
    ReadHints hints;  // no URL: the markup only
    hints.content_type = "text/html";
    if (!in.ok) return;
    const auto a = reader.Read(in.data, hints);
    if (a.ok() && a->published) dates[i] = FormatDayTime(*a->published);
  });
  eval::DateCounts counts;
  for (size_t i = 0; i < gold.size(); ++i) counts.Add(dates[i], gold[i].date);
  EXPECT_GE(counts.accuracy(), 0.942);
}

TEST(ReaderDevset, SeedsReadAsText) {
  std::string dir = SharedData() + "/seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " missing";
  Reader reader;
  struct Expect {
    const char* prefix;
    const char* published;
  } expects[] = {
      {"001_", ""}, {"002_", "2023-03-31T12:29:07"}, {"003_", "2023-02-25T14:15"}, {"004_", ""}};
  for (const auto& e : expects) {
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      if (f.path().filename().string().rfind(e.prefix, 0) != 0) continue;
      ReadResult in = ReadInput(f.path().string());
      ASSERT_TRUE(in.ok) << in.error;
      ReadHints hints;
      hints.path = f.path().string();
      const auto read = reader.Read(in.data, hints);
      ASSERT_TRUE(read.ok()) << read.status().message();
      const Article& a = *read;
      EXPECT_EQ(a.published ? FormatDayTime(*a.published) : "", e.published) << f.path();
      EXPECT_EQ(a.lang, "fr");
      for (const char* debris : {"[ad_", "Source link", "PARTAGEZ", "Leave a Reply", "#Loukachenko",
                                 "likes", "Aller au contenu", "1 commentaire", "Partagez cet"}) {
        EXPECT_EQ(a.text.find(debris), std::string::npos) << debris << " in " << f.path();
      }
      EXPECT_GT(a.text.size(), 1200u) << f.path();
    }
  }
}

}  // namespace
}  // namespace dateline
