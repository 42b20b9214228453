// End-to-end tests of `dateline eval tls`: held constants under --loto and
// the usage errors around them.
#include <gtest/gtest.h>

#include <string>

#include "cli_test_util.h"

namespace dateline {
namespace {

using testing::RunDateline;
using testing::TempFile;

// Two articles of a made-up story and a reference timeline of its two days.
constexpr char kArticles[] =
    R"({"id": "a1", "time": "2024-03-04", "text": "The harbour bridge closed on 2 March 2024 after a crack was found in its deck. Engineers said on 3 March 2024 that repairs would take weeks."}
{"id": "a2", "time": "2024-03-05", "text": "The harbour bridge closed on 2 March 2024 and ferries doubled their crossings. On 3 March 2024 the city asked engineers for a repair plan."}
)";
constexpr char kReference[] =
    "2024-03-02\nThe harbour bridge closes after a crack is found.\n"
    "--------------------------------\n"
    "2024-03-03\nEngineers say repairs will take weeks.\n"
    "--------------------------------\n";

TEST(EvalTlsCommandTest, HeldConstantsAreUsedInEveryFold) {
  TempFile articles("bridge/articles.jsonl", kArticles);
  TempFile reference("bridge.txt", kReference);
  const std::string topic = std::filesystem::path(articles.path()).parent_path().string();
  const auto r = RunDateline("eval tls --baseline count --loto " + topic + " " + reference.path() +
                             " --set topic_weight=1 --set max_tokens=40");
  ASSERT_EQ(r.status, 0) << r.err;
  // The fold of the only topic and the choice on all topics both hold them.
  size_t held = 0;
  for (size_t at = r.out.find("topic_weight=1 "); at != std::string::npos;
       at = r.out.find("topic_weight=1 ", at + 1)) {
    ++held;
  }
  EXPECT_EQ(held, 2u) << r.out;
  EXPECT_NE(r.out.find("max_tokens=40 "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("topic_weight=3"), std::string::npos) << r.out;
}

TEST(EvalTlsCommandTest, BadHeldConstantsAreUsageErrors) {
  auto r = RunDateline("eval tls --loto --set top_weight=1 a b");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no constant named 'top_weight' (known: span_margin_days, "),
            std::string::npos)
      << r.err;
  r = RunDateline("eval tls --loto --set topic_weight=high a b");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--set wants NAME=NUMBER, got 'topic_weight=high'"), std::string::npos)
      << r.err;
  r = RunDateline("eval tls --loto --set topic_weight=1x a b");
  EXPECT_EQ(r.status, 2);
  r = RunDateline("eval tls --set topic_weight=1 a b");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--set needs --loto"), std::string::npos) << r.err;
}

TEST(EvalTlsCommandTest, AnOddArgumentThatIsNoDataRootIsNamedBeforeAnyOutput) {
  TempFile articles("lonely/articles.jsonl", kArticles);
  const std::string topic = std::filesystem::path(articles.path()).parent_path().string();
  const auto r = RunDateline("eval tls " + topic);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(topic + ": no reference/ folder in it, so not a data root"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace dateline
