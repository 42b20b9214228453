// Ingest of files, JSONL and WARC with bad input, and a killed ingest.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "util/gzip_for_tests.h"

namespace dateline {
namespace {

using test_util::GzipMember;

namespace fs = std::filesystem;

class CorpusIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_ingest_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    fs::create_directories((dir_ / "in" / name).parent_path());
    std::ofstream(dir_ / "in" / name, std::ios::binary) << content;
  }
  std::string In(const std::string& name = "") const { return (dir_ / "in" / name).string(); }
  std::string Db() const { return (dir_ / "store" / "c.db").string(); }
  fs::path dir_;
};

std::unique_ptr<Corpus> Open(const std::string& path) {
  auto corpus = Corpus::Open(path);
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

IngestSummary RunOk(Ingester& ingester) {
  auto summary = ingester.Run();
  EXPECT_TRUE(summary.ok()) << summary.status().message();
  return summary.ok() ? *summary : IngestSummary{};
}

std::string Text(const std::optional<CivilDate>& day) { return day ? FormatCivilDate(*day) : ""; }

TEST_F(CorpusIngestTest, BrokenJsonlLinesAreReportedWithFileAndLineAndSkipped) {
  Write(
      "records.jsonl",
      "{\"id\":\"a\",\"url\":\"https://example.org/"
      "a\",\"time\":\"2023-02-25\",\"title\":\"Visite\","
      "\"text\":\"Le président se rendra en Chine mardi pour une visite d'État de trois jours.\"}\n"
      "{\"id\":\"b\", broken\n"
      "{\"id\":\"c\",\"title\":\"Vide\"}\n"
      "{\"id\":\"d\",\"time\":\"2023-03-01\",\"html\":\"<html><body><article><h1>Pluie</h1><p>Il "
      "a plu toute la journée sur la capitale et les routes ont été coupées par les eaux.</p>"
      "</article></body></html>\"}\n");
  auto corpus = Open(Db());
  Ingester ingester(*corpus, {});
  ingester.AddSource(In("records.jsonl"));
  const IngestSummary s = RunOk(ingester);
  EXPECT_EQ(s.ingested, 2u);
  ASSERT_EQ(s.problems.size(), 2u);
  EXPECT_EQ(s.problems[0], In("records.jsonl") + ":2: not a JSON object");
  EXPECT_NE(s.problems[1].find(":3: record has neither"), std::string::npos);
  const auto hits = *corpus->Search("Chine", 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].origin.url, "https://example.org/a");
  EXPECT_EQ(Text(hits[0].origin.published), "2023-02-25");
}

// Progress comes after each batch commit as well as after each file, with
// the days the committed articles' sentences refer to, so that a live page
// knows what changed while one large file is still being read.
TEST_F(CorpusIngestTest, ProgressReportsEachCommitWithTheDaysItChanged) {
  std::string records;
  for (int i = 1; i <= 5; ++i) {
    records += "{\"id\":\"r" + std::to_string(i) + "\",\"time\":\"2023-03-0" + std::to_string(i) +
               "\",\"title\":\"Crue " + std::to_string(i) + "\",\"text\":\"La rivière numéro " +
               std::to_string(i * 37) + " a débordé le 1" + std::to_string(i) +
               " février 2023 dans la vallée voisine, selon les pompiers du canton.\"}\n";
  }
  Write("records.jsonl", records);
  auto corpus = Open(Db());
  std::vector<IngestProgress> calls;
  IngestOptions options;
  options.language = "fr";
  options.batch_size = 2;
  options.progress = [&](const IngestProgress& p) { calls.push_back(p); };
  Ingester ingester(*corpus, options);
  ingester.AddSource(In("records.jsonl"));
  const IngestSummary s = RunOk(ingester);
  EXPECT_EQ(s.ingested, 5u);
  // Commits after records 2 and 4, the file's end, and the last commit (record 5).
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_EQ(calls[0].committed, 2u);
  EXPECT_EQ(calls[0].inputs_done, 0u);
  std::vector<std::string> days;
  for (const CivilDate& d : calls[0].changed_days) days.push_back(FormatCivilDate(d));
  EXPECT_EQ(days, (std::vector<std::string>{"2023-02-11", "2023-02-12"}));
  EXPECT_EQ(calls[2].inputs_done, 1u);
  EXPECT_TRUE(calls[2].changed_days.empty());
  EXPECT_EQ(calls[3].committed, 5u);
  ASSERT_EQ(calls[3].changed_days.size(), 1u);
  EXPECT_EQ(FormatCivilDate(calls[3].changed_days[0]), "2023-02-15");
}

// A file can go by another name than its path (an upload the server
// spooled): sources, messages and the date in the name follow the name.
TEST_F(CorpusIngestTest, AFileNamedOtherwiseIsStoredAndReportedUnderItsName) {
  Write("spool-1.txt",
        "Les eaux montent\n\nLa rivière a débordé hier dans la vallée, selon les "
        "pompiers du canton, et les routes sont coupées.\n");
  Write("spool-2.jsonl", "{\"id\":\"x\", broken\n");
  auto corpus = Open(Db());
  IngestOptions options;
  options.language = "fr";
  Ingester ingester(*corpus, options);
  ingester.AddSource(In("spool-1.txt"), "2023-03-06-crue.txt");
  ingester.AddSource(In("spool-2.jsonl"), "upload.jsonl");
  const IngestSummary s = RunOk(ingester);
  EXPECT_EQ(s.ingested, 1u);
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0], "upload.jsonl:1: not a JSON object");
  const auto hits = *corpus->Search("rivière", 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].origin.source, "2023-03-06-crue.txt");
  EXPECT_EQ(Text(hits[0].origin.published), "2023-03-06");  // from the name's date
}

TEST_F(CorpusIngestTest, UnreadableInputsAreListedAndTheRestGoesOn) {
  Write("2023-02-25/ok.txt",
        "Titre du jour\n\nLes ministres se sont réunis samedi à Minsk pour "
        "discuter du budget de l'année prochaine.\n");
  Write("bad.txt.gz", std::string("\x1f\x8b\x08\x00garbage that is not deflate", 30));
  auto corpus = Open(Db());
  Ingester ingester(*corpus, {});
  ingester.AddSource(In());
  ingester.AddSource(In("missing.txt"));
  const IngestSummary s = RunOk(ingester);
  EXPECT_EQ(s.ingested, 1u);
  EXPECT_EQ(s.skipped, 2u);
  bool gzip = false, missing = false;
  for (const auto& p : s.problems) {
    gzip |= p.find("bad.txt.gz") != std::string::npos;
    missing |= p == In("missing.txt") + ": no such file or folder";
  }
  EXPECT_TRUE(gzip);
  EXPECT_TRUE(missing);
  // The publication date comes from the YYYY-MM-DD folder name.
  const auto hits = *corpus->Search("Minsk", 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(Text(hits[0].origin.published), "2023-02-25");
}

TEST_F(CorpusIngestTest, ReadsWarcResponsesAndIsIdempotent) {
  const std::string html =
      "<html><head><title>Sommet</title></head><body><article><h1>Sommet de Genève</h1><p>Le "
      "sommet des ministres de l'énergie s'est ouvert lundi à Genève avec vingt délégations "
      "venues de toute l'Europe.</p></article></body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  const std::string warc =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
      "https://example.org/sommet\r\nContent-Type: application/http; "
      "msgtype=response\r\nContent-Length: " +
      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n" +
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort";
  Write("crawl.warc", warc);
  for (int run = 0; run < 2; ++run) {
    auto corpus = Open(Db());
    Ingester ingester(*corpus, {});
    ingester.AddSource(In("crawl.warc"));
    const IngestSummary s = RunOk(ingester);
    EXPECT_EQ(s.ingested, run == 0 ? 1u : 0u);
    EXPECT_EQ(s.duplicates, run == 0 ? 0u : 1u);
    ASSERT_EQ(s.problems.size(), 1u);  // the truncated second record
    EXPECT_NE(s.problems[0].find("truncated WARC record"), std::string::npos);
    EXPECT_EQ(corpus->ArticleCount(), 1u);
  }
  auto corpus = Open(Db());
  const auto hits = *corpus->Search("geneve", 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].origin.url, "https://example.org/sommet");
}

// A WARC response record holding a page of distinct words.
std::string WarcPage(int i, std::mt19937& rng) {
  std::uniform_int_distribution<int> letter('a', 'z');
  std::string text;
  for (int w = 0; w < 40; ++w) {
    text += ' ';
    for (int c = 0; c < 6; ++c) text += static_cast<char>(letter(rng));
  }
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article>"
      "<p>Page " +
      std::to_string(i) + text + ".</p></article></body></html>";
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/" +
         std::to_string(i) + "\r\nContent-Type: application/http; msgtype=response\r\n" +
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// Common Crawl's layout, one gzip member per record: a damaged byte costs
// its record, not the file.
TEST_F(CorpusIngestTest, DamagedWarcGzLosesOneRecord) {
  std::mt19937 rng(11);
  std::string file;
  size_t damaged_member = 0;
  for (int i = 0; i < 10; ++i) {
    if (i == 4) damaged_member = file.size();
    file += GzipMember(WarcPage(i, rng));
  }
  file[damaged_member + 40] ^= 0x10;
  Write("crawl.warc.gz", file);
  auto corpus = Open(Db());
  Ingester ingester(*corpus, {});
  ingester.AddSource(In("crawl.warc.gz"));
  const IngestSummary s = RunOk(ingester);
  EXPECT_EQ(s.ingested, 9u);
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].rfind(In("crawl.warc.gz") + ": byte ", 0), 0u) << s.problems[0];
  EXPECT_NE(s.problems[0].find("gzip member at byte " + std::to_string(damaged_member)),
            std::string::npos)
      << s.problems[0];
  EXPECT_EQ(corpus->Search("Page", 20)->size(), 9u);
}

// Random distinct texts: no two are near-duplicates.
void WriteRandomArticles(const fs::path& dir, int count) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> letter('a', 'z');
  for (int i = 0; i < count; ++i) {
    std::string text = "Article " + std::to_string(i) + "\n\n";
    for (int s = 0; s < 3; ++s) {
      text += "Phrase";
      for (int w = 0; w < 12; ++w) {
        text += ' ';
        for (int c = 0; c < 6; ++c) text += static_cast<char>(letter(rng));
      }
      text += ".\n\n";
    }
    std::ofstream(dir / ("a" + std::to_string(10000 + i) + ".txt")) << text;
  }
}

int RunIngest(const std::string& db, const std::string& folder, bool kill_midway) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execl(DATELINE_BINARY, DATELINE_BINARY, "ingest", "--lang", "fr", "--db", db.c_str(),
          folder.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  if (kill_midway) {
    // Wait until some batches are committed, then kill without warning.
    for (int i = 0; i < 500; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::error_code ec;
      if (fs::exists(db, ec)) {
        auto corpus = Corpus::Open(db, {.read_only = true});
        if (corpus.ok() && (*corpus)->ArticleCount() > 0) break;
      }
    }
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST_F(CorpusIngestTest, KilledIngestLeavesAConsistentStoreAndARerunCompletesIt) {
  constexpr int kArticles = 3000;
  WriteRandomArticles(dir_ / "in", kArticles);
  fs::create_directories(dir_ / "store");
  const int status = RunIngest(Db(), In(), true);
  EXPECT_TRUE(WIFSIGNALED(status) || WIFEXITED(status));
  size_t after_kill = 0;
  {
    auto corpus = Open(Db());
    EXPECT_EQ(corpus->CheckIntegrity(), "ok");
    after_kill = corpus->ArticleCount();
    EXPECT_EQ(corpus->SentenceCount(),
              after_kill * 3);  // 3 sentences each; the first line is the title
  }
  std::printf("articles stored when killed: %zu of %d\n", after_kill, kArticles);
  const int rerun = RunIngest(Db(), In(), false);
  ASSERT_TRUE(WIFEXITED(rerun));
  EXPECT_EQ(WEXITSTATUS(rerun), 0);
  auto corpus = Open(Db());
  EXPECT_EQ(corpus->CheckIntegrity(), "ok");
  EXPECT_EQ(corpus->ArticleCount(), static_cast<size_t>(kArticles));
  EXPECT_EQ(corpus->SentenceCount(), static_cast<size_t>(kArticles) * 3);
}

}  // namespace
}  // namespace dateline
