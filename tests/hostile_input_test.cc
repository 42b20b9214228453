// What a hostile or careless user feeds the command (issue "Hardening"):
// names and URLs that are not UTF-8, records whose fields say what is what,
// unknown languages, repeated ids, flags out of range, a store held by a
// writer.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_util.h"
#include "text/utf8.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using testing::RunDateline;
using testing::TempFile;

const char kPage[] =
    "<html><head><title>Le pont rouvre</title><link rel=\"canonical\" "
    "href=\"http://x/\xff\"></head><body><article><h1>Le pont rouvre</h1><p>Le pont de l'Arle "
    "a rouvert mardi 3 mars 2024 après deux semaines de travaux sur la pile centrale.</p>"
    "</article></body></html>";

bool AllLinesParse(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (nlohmann::json::parse(line, nullptr, false).is_discarded()) return false;
    ++n;
  }
  return n > 0;
}

TEST(HostileInputTest, FileNamesAndUrlsThatAreNotUtf8GiveValidJson) {
  TempFile page("caf\xe9.html", kPage);
  auto r = RunDateline("tag --format jsonl '" + page.path() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(FindInvalidUtf8(r.out), std::string::npos);
  EXPECT_TRUE(AllLinesParse(r.out)) << r.out;
  r = RunDateline("read --format json '" + page.path() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(FindInvalidUtf8(r.out), std::string::npos);
  EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << r.out;
  r = RunDateline("read --format json --url $'http://x/\\xff' '" + page.path() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << r.out;
}

TEST(HostileInputTest, AStoreHoldingSuchNamesStillGivesItsTimeline) {
  TempFile page("caf\xe9.html", kPage);
  const std::string db = fs::path(page.path()).parent_path().string() + "/s.db";
  auto r = RunDateline("ingest --db " + db + " '" + page.path() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* format : {"json", "timelinejs"}) {
    r = RunDateline(std::string("timeline --format ") + format + " --db " + db);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << format;
  }
}

TEST(HostileInputTest, RecordFieldsAreTakenAsTheySay) {
  // A first line under 160 bytes holding a date, a record of short lines and
  // an unpunctuated first line under a title: as scraped pages these lost
  // text; as records they are text.
  TempFile records(
      "r.jsonl",
      "{\"id\":\"a\",\"text\":\"Le 3 mars 2021, le pont de Valmorin s'est effondré.\\nLes "
      "secours sont arrivés dans l'heure.\"}\n"
      "{\"id\":\"b\",\"time\":\"2021-03-05\",\"text\":\"Pont fermé.\\nDéviation.\"}\n"
      "{\"id\":\"c\",\"title\":\"Le pont\",\"time\":\"2021-03-06\",\"text\":\"Réouverture prévue "
      "lundi\\nLes travaux dureront trois mois.\"}\n");
  const std::string db = fs::path(records.path()).parent_path().string() + "/s.db";
  auto r = RunDateline("ingest --lang fr --db " + db + " " + records.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("ingested 3"), std::string::npos) << r.err;
  r = RunDateline("timeline --format json --dates 10 --db " + db);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::string dates;
  for (const auto& d : j["dates"]) dates += d["date"].get<std::string>() + " ";
  EXPECT_NE(dates.find("2021-03-03"), std::string::npos) << dates;  // the event's own date
  EXPECT_NE(dates.find("2021-03-08"), std::string::npos) << dates;  // "lundi" after the 6th
}

TEST(HostileInputTest, UnknownLanguageIsRefusedBeforeAnythingIsStored) {
  TempFile page("p.html", kPage);
  const std::string db = fs::path(page.path()).parent_path().string() + "/s.db";
  for (const char* lang : {"xx", "FR"}) {
    auto r = RunDateline(std::string("ingest --lang ") + lang + " --db " + db + " " + page.path());
    EXPECT_EQ(r.status, 2) << lang;
    EXPECT_NE(r.err.find("unknown language"), std::string::npos) << r.err;
  }
  auto r = RunDateline("search --db " + db + " pont");
  EXPECT_EQ(r.out, "");  // nothing was stored
}

TEST(HostileInputTest, ARerunWithAnotherLanguageRetagsInsteadOfCountingDuplicates) {
  TempFile page("p.txt",
                "Le pont de l'Arle a rouvert mardi après deux semaines de travaux sur la pile.\n");
  const std::string db = fs::path(page.path()).parent_path().string() + "/s.db";
  auto r = RunDateline("ingest --lang en --db " + db + " " + page.path());
  ASSERT_EQ(r.status, 0) << r.err;
  r = RunDateline("ingest --lang fr --db " + db + " " + page.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("re-tagged 1"), std::string::npos) << r.err;
  r = RunDateline("ingest --lang fr --db " + db + " " + page.path());
  EXPECT_NE(r.err.find("duplicates 1, re-tagged 0"), std::string::npos) << r.err;
}

TEST(HostileInputTest, RepeatedRecordIdsAreSaid) {
  TempFile records("r.jsonl",
                   "{\"id\":\"a\",\"text\":\"Le pont a rouvert mardi après deux semaines.\"}\n"
                   "{\"id\":\"a\",\"text\":\"Le pont a fermé jeudi pour une inspection.\"}\n");
  const std::string db = fs::path(records.path()).parent_path().string() + "/s.db";
  auto r = RunDateline("ingest --lang fr --db " + db + " " + records.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("r.jsonl:2: id \"a\" already used at line 1; both records are kept"),
            std::string::npos)
      << r.err;
}

TEST(HostileInputTest, FlagsOutOfRangeAreUsageErrors) {
  for (const char* args : {"tag --dct ''", "read --max-bytes 0", "timeline --dates -1",
                           "timeline --sentences 0", "search --limit -5 x"}) {
    auto r = RunDateline(args, "x");
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_EQ(r.err.find("1.79e308"), std::string::npos) << r.err;
  }
}

TEST(HostileInputTest, ABinaryPageIsNamedOnce) {
  TempFile img("img.html", std::string("GIF89a\x01\x00\x02\x03", 10));
  auto r = RunDateline("tag " + img.path());
  EXPECT_EQ(r.status, 1);
  const std::string name = img.path();
  const size_t first = r.err.find(name);
  ASSERT_NE(first, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(name, first + 1), std::string::npos) << r.err;
}

TEST(HostileInputTest, SearchAndTimelineAnswerWhileAWriterHoldsTheStore) {
  TempFile page("p.html", kPage);
  const std::string db = fs::path(page.path()).parent_path().string() + "/s.db";
  ASSERT_EQ(RunDateline("ingest --db " + db + " " + page.path()).status, 0);
  // A writer in the middle of a long batch.
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE; DELETE FROM lsh;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto r = RunDateline("search --db " + db + " pont");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Le pont rouvre"), std::string::npos);
  r = RunDateline("timeline --db " + db);
  EXPECT_EQ(r.status, 0) << r.err;
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
}

TEST(HostileInputTest, QueriesAreBounded) {
  TempFile page("p.html", kPage);
  const std::string db = fs::path(page.path()).parent_path().string() + "/s.db";
  ASSERT_EQ(RunDateline("ingest --db " + db + " " + page.path()).status, 0);
  std::string query;
  for (int i = 0; i < 4000; ++i) query += "pont ";
  auto r = RunDateline("search --db " + db + " '" + query + "'");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("the limit is 1024 bytes and 64 terms"), std::string::npos) << r.err;
  r = RunDateline("timeline --db " + db + " --query '" + query + "'");
  EXPECT_EQ(r.status, 2) << r.err;
}

}  // namespace
}  // namespace dateline
