// End-to-end tests of `dateline tag`: formats, exit statuses, bad input.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_util.h"

namespace dateline {
namespace {

using testing::RunDateline;
using testing::TempFile;

constexpr char kText[] = "Le ministre a annoncé hier soir qu'il partira samedi pour trois jours.";

TEST(TagCommandTest, InlineFormat) {
  auto r = RunDateline("tag --lang fr --dct 2023-02-22", kText);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "Le ministre a annoncé <d>2023-02-21TEV</d> qu'il partira <d>2023-02-25</d> pour "
            "<d>P3D</d>.");
}

TEST(TagCommandTest, WithoutDctValuesStayUnderspecified) {
  auto r = RunDateline("tag --lang fr", "Il est parti hier, en décembre.");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "Il est parti <d>XXXX-XX-XX</d>, en <d>XXXX-12</d>.");
}

TEST(TagCommandTest, JsonlCountsCodePoints) {
  auto r = RunDateline("tag --lang fr --dct 2023-02-22 --format jsonl", kText);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 3u);
  // "Le ministre a annoncé " is 22 code points (23 bytes).
  EXPECT_EQ(objects[0]["begin"], 22);
  EXPECT_EQ(objects[0]["end"], 31);
  EXPECT_EQ(objects[0]["text"], "hier soir");
  EXPECT_EQ(objects[0]["type"], "TIME");
  EXPECT_EQ(objects[2]["value"], "P3D");
  EXPECT_EQ(objects[2]["type"], "DURATION");
}

TEST(TagCommandTest, TimeMlFormatEscapesText) {
  auto r = RunDateline("tag --lang en --dct 2023-02-22 --format timeml", "R&D <b> yesterday");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "R&amp;D &lt;b&gt; <TIMEX3 tid=\"t1\" type=\"DATE\" "
            "value=\"2023-02-21\">yesterday</TIMEX3>");
}

TEST(TagCommandTest, InvalidUtf8FailsThatFileOnly) {
  TempFile good("good.txt", "hier");
  TempFile bad("bad.txt", std::string("hier \xC3\x28 demain"));
  auto r = RunDateline("tag --lang fr --dct 2023-02-22 " + bad.path() + " " + good.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(bad.path() + ": invalid UTF-8 at byte 5"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "<d>2023-02-21</d>");
}

TEST(TagCommandTest, UsageErrors) {
  auto r = RunDateline("tag --dct 2023-02-30", "hier");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--dct"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  r = RunDateline("tag --lang xx", "hier");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown language 'xx' (known: "), std::string::npos) << r.err;
  r = RunDateline("tag --lang de", "gestern");  // a pack for the reader, no tagger rules
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no tagger rules for language 'de' (tagged: en, fr)"), std::string::npos)
      << r.err;
  r = RunDateline("tag --format yaml", "hier");
  EXPECT_EQ(r.status, 2);
}

TEST(TagCommandTest, EmptyInputGivesNothing) {
  auto r = RunDateline("tag --lang fr", "");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
}

TEST(TagCommandTest, MissingFileIsReportedAndOthersGoOn) {
  TempFile good("good.txt", "demain");
  auto r = RunDateline("tag --lang fr --dct 2023-02-22 /nonexistent/x.txt " + good.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("/nonexistent/x.txt"), std::string::npos);
  EXPECT_EQ(r.out, "<d>2023-02-23</d>");
}

TEST(TagCommandTest, BinaryInputDoesNotCrash) {
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary += static_cast<char>((i * 131) % 128);
  auto r = RunDateline("tag --lang en", binary);
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(TagCommandTest, BadRulesDirectoryNamesTheProblem) {
  TempFile rules("en/bad.rules", "rule r\n  match (\n");
  const std::string dir = rules.path().substr(0, rules.path().rfind("/en/"));
  auto r = RunDateline("tag --lang en --rules " + dir, "today");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("en/bad.rules:1"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TagCommandTest, HtmlIsReadFirstAndItsDateBecomesTheDct) {
  const std::string html =
      "<!DOCTYPE html><html lang=\"fr\"><head><title>Visite</title>"
      "<meta property=\"article:published_time\" content=\"2023-02-25T10:00:00+01:00\">"
      "</head><body><nav><a href=\"/\">Accueil</a></nav><article><h1>Visite d'Etat</h1>"
      "<p>Le président a annoncé samedi qu'il se rendra en Chine la semaine prochaine, "
      "a indiqué le ministère dans un communiqué publié dans la matinée.</p>"
      "<p>La visite durera trois jours et comprendra plusieurs rencontres officielles avec "
      "les dirigeants du pays hôte.</p></article></body></html>";
  TempFile page("visite.html", html);
  auto r = testing::RunDateline("tag --format jsonl " + page.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"samedi\",\"type\":\"DATE\",\"value\":\"2023-02-25\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"value\":\"2023-W09\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Accueil"), std::string::npos);
  // An explicit --dct wins over the page's date.
  r = testing::RunDateline("tag --dct 2023-03-04 --format jsonl " + page.path());
  EXPECT_NE(r.out.find("\"value\":\"2023-03-04\""), std::string::npos) << r.out;
}

TEST(TagCommandTest, ReadFlagTakesTheDateScrapedTextStates) {
  const std::string text =
      "Aller au contenu principal\n\nSommet régional\ninformation fournie par Reuters "
      "25/02/2023 à 14:15\n\nLe ministre a déclaré samedi avoir eu la veille un entretien "
      "avec son homologue, au terme d'une semaine de consultations.\n";
  TempFile scraped("scraped.txt", text);
  auto r = testing::RunDateline("tag --read --lang fr --format jsonl " + scraped.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"la veille\",\"type\":\"DATE\",\"value\":\"2023-02-24\""),
            std::string::npos)
      << r.out;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // shadow memory would dwarf what is measured
#else
constexpr bool kSanitized = false;
#endif

// A single line of 32 MB: the input is held once (the tagged text) and the
// output and the expressions are streamed, so peak memory stays near the
// input's size, not a multiple of it.
TEST(TagCommandTest, HugeSingleLineIsTaggedInBoundedMemory) {
  if (kSanitized) GTEST_SKIP() << "memory is not measured under AddressSanitizer";
  const std::string sentence =
      "Le ministre a annoncé hier soir qu'il partira samedi pour trois jours, le 3 mars 2023. ";
  TempFile big("line.txt", "");
  size_t bytes = 0;
  {
    std::ofstream out(big.path(), std::ios::binary);
    for (; bytes < (size_t{32} << 20); bytes += sentence.size()) out << sentence;
  }
  // A child's peak RSS counts the memory of the process it was forked from
  // (Linux carries it over exec), so the bound can be checked only from a
  // small test process: one test per process, as ctest runs them.
  const size_t limit = bytes + (size_t{96} << 20);
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  if (static_cast<size_t>(self.ru_maxrss) * 1024 > limit) {
    GTEST_SKIP() << "this test process already peaked at " << (self.ru_maxrss >> 10)
                 << " MB; run the test alone (ctest does) to measure the child's memory";
  }
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string output = big.path() + ".out";
    if (!std::freopen(output.c_str(), "w", stdout)) _exit(126);
    execl(DATELINE_BINARY, DATELINE_BINARY, "tag", "--lang", "fr", "--dct", "2023-02-22",
          "--format", "jsonl", big.path().c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  ASSERT_EQ(wait4(pid, &status, 0, &usage), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  const size_t peak = static_cast<size_t>(usage.ru_maxrss) * 1024;
  std::printf("tag, %zu MB single line: peak RSS %zu MB\n", bytes >> 20, peak >> 20);
  // The input once, and the start-up's rules and tables (about 60 MB).
  EXPECT_LE(peak, limit);
  std::ifstream out(big.path() + ".out");
  size_t lines = 0;
  for (std::string line; std::getline(out, line);) ++lines;
  EXPECT_EQ(lines,
            (bytes / sentence.size()) * 4);  // hier soir, samedi, trois jours, le 3 mars 2023
  std::remove((big.path() + ".out").c_str());
}

}  // namespace
}  // namespace dateline
