// A timeline over partitions equals the one store's: the demo corpus (with
// its near-duplicate reprints), an exact duplicate and a line of page
// furniture spread over partitions, split every way, under several filters.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dateline/corpus_partition.h"
#include "dateline/distributed_timeline.h"
#include "dateline/ingest.h"
#include "dateline/pipeline.h"
#include "dateline/timeline.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = Pipeline::Create().value().release();
  return *pipeline;
}

// The demo as JSONL records (pages as `html`, texts as `text` with the day
// of their name), then an exact repeat of one and three short notes sharing
// a line of furniture: what a crawl gives.
std::vector<std::string> Records() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(DATELINE_SOURCE_DIR "/demo")) {
    if (e.path().extension() == ".txt" || e.path().extension() == ".html")
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const fs::path& p : files) {
    std::ifstream in(p);
    std::stringstream body;
    body << in.rdbuf();
    nlohmann::json r = {{"id", p.filename().string()}};
    if (p.extension() == ".html") {
      r["html"] = body.str();
    } else {
      r["text"] = body.str();
      r["time"] = p.filename().string().substr(0, 10);
    }
    lines.push_back(r.dump());
  }
  lines.push_back(lines[3]);
  const char* notes[] = {"Le pont de Valmorin sera inspecté le 12 mars par les ingénieurs.",
                         "La mairie de Valmorin rouvrira la passerelle le 2 avril au matin.",
                         "Les ferries de Valmorin reprendront leur service le 9 mars."};
  for (int i = 0; i < 3; ++i) {
    nlohmann::json r = {
        {"id", "note" + std::to_string(i)},
        {"time", "2024-03-0" + std::to_string(i + 1)},
        {"text",
         std::string(notes[i]) + "\nAbonnez-vous à notre lettre du 5 mars pour tout savoir.\n"}};
    lines.push_back(r.dump());
  }
  return lines;
}

std::vector<CorpusDocument> Documents() {
  std::vector<CorpusDocument> docs;
  const std::vector<std::string> lines = Records();
  for (size_t i = 0; i < lines.size(); ++i) {
    auto doc = AnnotateRecordForStore(SharedPipeline(), lines[i],
                                      "demo.jsonl:" + std::to_string(i + 1), "demo.jsonl", "");
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    if (doc.ok()) docs.push_back(std::move(doc).value());
  }
  return docs;
}

StatusOr<Timeline> OneStore(const std::vector<CorpusDocument>& docs,
                            const TimelineOptions& options) {
  auto corpus = std::move(Corpus::Open(":memory:")).value();
  for (const CorpusDocument& d : docs) EXPECT_TRUE(corpus->Add(d).ok());
  return BuildTimeline(*corpus, options);
}

// The rounds of corpus_partition.h and distributed_timeline.h, in process,
// over `parts` contiguous partitions.
StatusOr<Timeline> Partitioned(const std::vector<CorpusDocument>& docs, size_t parts,
                               const TimelineOptions& options, int* rounds = nullptr) {
  std::vector<std::unique_ptr<TimelinePartition>> partitions;
  for (size_t p = 0; p < parts; ++p) {
    partitions.push_back(std::make_unique<TimelinePartition>());
    for (size_t i = docs.size() * p / parts; i < docs.size() * (p + 1) / parts; ++i) {
      partitions.back()->Add(docs[i]);
    }
  }
  PartitionPlanner planner;
  for (const auto& p : partitions) EXPECT_TRUE(planner.AddDigest(p->Digest()).ok());
  for (size_t p = 0; p < parts; ++p) EXPECT_TRUE(partitions[p]->ApplyPlan(planner.Plan(p)).ok());
  DistributedTimeline timeline(planner.Catalog(), options);
  for (const auto& p : partitions) {
    StatusOr<std::string> tallies = p->Tallies(options.filter);
    if (!tallies.ok()) return tallies.status();
    EXPECT_TRUE(timeline.AddTallies(*tallies).ok());
  }
  for (int round = 1; round < 50; ++round) {
    StatusOr<std::optional<Timeline>> built = timeline.Build();
    if (!built.ok()) return built.status();
    if (*built) {
      if (rounds) *rounds = round;
      return **built;
    }
    const std::string asked = timeline.Requests();
    EXPECT_FALSE(asked.empty());
    for (const auto& p : partitions) {
      StatusOr<std::string> answer = p->Sentences(asked, options.filter);
      if (!answer.ok()) return answer.status();
      EXPECT_TRUE(timeline.AddSentences(*answer).ok());
    }
  }
  return Status::Internal("no timeline after 50 rounds");
}

TEST(DistributedTimelineTest, EqualsTheOneStoreTimelineHoweverSplit) {
  const std::vector<CorpusDocument> docs = Documents();
  ASSERT_GT(docs.size(), 20u);
  std::vector<TimelineOptions> cases(5);
  cases[1].filter.query = "Valmorin";
  cases[1].dates = 3;
  cases[1].sentences = 1;
  cases[2].filter.query = "pont OR bridge";
  cases[2].filter.from = CivilDate{2024, 3, 5};
  cases[2].filter.to = CivilDate{2024, 4, 30};
  cases[3].filter.language = "en";
  cases[3].sentences = 3;
  cases[4].dates = 40;  // more than the corpus has: every date read
  for (size_t c = 0; c < cases.size(); ++c) {
    StatusOr<Timeline> expected = OneStore(docs, cases[c]);
    ASSERT_TRUE(expected.ok()) << expected.status().message();
    ASSERT_FALSE(expected->dates.empty()) << c;
    const std::string want = FormatTimeline(*expected, TimelineFormat::kJson);
    for (size_t parts : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, docs.size()}) {
      int rounds = 0;
      StatusOr<Timeline> got = Partitioned(docs, parts, cases[c], &rounds);
      ASSERT_TRUE(got.ok()) << got.status().message();
      EXPECT_EQ(FormatTimeline(*got, TimelineFormat::kJson), want)
          << "case " << c << ", " << parts << " partitions";
      // The shortlist is fetched at once, not a round a date.
      EXPECT_LE(rounds, 4) << "case " << c;
    }
  }
}

TEST(DistributedTimelineTest, CopiesAndFurnitureAreDecidedOverAllPartitions) {
  const std::vector<CorpusDocument> docs = Documents();
  TimelineOptions options;
  options.dates = 40;
  options.sentences = 5;
  StatusOr<Timeline> got = Partitioned(docs, docs.size(), options);
  ASSERT_TRUE(got.ok()) << got.status().message();
  bool copies = false;
  for (const TimelineDate& d : got->dates) {
    for (const TimelineSentence& s : d.sentences) {
      EXPECT_EQ(s.text.find("Abonnez-vous"), std::string::npos);  // furniture
      EXPECT_GT(s.sentence_id, 0);
      copies |= s.sources.size() > 1;  // a reprint in another partition
    }
  }
  EXPECT_TRUE(copies);
}

TEST(DistributedTimelineTest, RetaggedContentIsNumberedAsInOneStore) {
  // The same content again, tagged another way: the store replaces its
  // sentences and numbers them after the highest left. The article whose
  // sentence leads the timeline is re-tagged twice (the second time its
  // sentences are the highest, so their ids are freed and taken again), then
  // another article.
  std::vector<CorpusDocument> docs = Documents();
  TimelineOptions options;
  options.dates = 40;
  options.sentences = 5;
  StatusOr<Timeline> before = OneStore(docs, options);
  ASSERT_TRUE(before.ok() && !before->dates.empty());
  const std::string shown = before->dates[0].sentences[0].sources[0].source;
  size_t lead = 0;
  while (lead < docs.size() && docs[lead].source != shown) ++lead;
  ASSERT_LT(lead, docs.size());
  for (const auto& [i, rules] :
       std::vector<std::pair<size_t, std::string>>{{lead, "+a"}, {lead, "+b"}, {1, "+a"}}) {
    CorpusDocument again = docs[i];
    again.annotator += rules;
    docs.push_back(std::move(again));
  }
  StatusOr<Timeline> expected = OneStore(docs, options);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  // The lead sentence is there, under its new id.
  EXPECT_EQ(expected->dates[0].sentences[0].text, before->dates[0].sentences[0].text);
  EXPECT_NE(expected->dates[0].sentences[0].sentence_id, before->dates[0].sentences[0].sentence_id);
  for (size_t parts : {size_t{2}, size_t{5}, docs.size()}) {
    StatusOr<Timeline> got = Partitioned(docs, parts, options);
    ASSERT_TRUE(got.ok()) << got.status().message();
    EXPECT_EQ(FormatTimeline(*got, TimelineFormat::kJson),
              FormatTimeline(*expected, TimelineFormat::kJson))
        << parts << " partitions";
  }
}

TEST(DistributedTimelineTest, AMalformedQueryFailsAsInOneStore) {
  const std::vector<CorpusDocument> docs = Documents();
  TimelineOptions options;
  options.filter.query = "\"unterminated";
  EXPECT_EQ(OneStore(docs, options).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Partitioned(docs, 2, options).status().code(), StatusCode::kInvalidArgument);
}

TEST(DistributedTimelineTest, MalformedBlobsAreRefused) {
  PartitionPlanner planner;
  EXPECT_EQ(planner.AddDigest("\x05garbage").code(), StatusCode::kInvalidArgument);
  // A count of billions in a few bytes is refused, not allocated for.
  EXPECT_EQ(planner.AddDigest("\xff\xff\xff\xff\x0f").code(), StatusCode::kInvalidArgument);
  TimelinePartition partition;
  EXPECT_EQ(partition.ApplyPlan("\x01").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(partition.Tallies({}).status().code(), StatusCode::kInvalidArgument);  // no plan
  DistributedTimeline timeline("\x03", {});
  EXPECT_EQ(timeline.AddTallies("").code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dateline
