// Regression floors for the temporal tagger on the TimeML dev sets in
// shared/data/timeml, scored as `dateline eval timeml` scores them. A drop
// below a floor fails; the floors only ever go up. Without the shared data
// the tests skip.
//
// The end of the file checks the `dateline eval timeml` command itself on the
// small fixtures in tests/data/timeml (no shared data needed).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dateline/tagger.h"
#include "eval/timeml.h"

namespace dateline {
namespace {

// Floors, in percent. French TimeBank and TempEval-3 run in news mode,
// WikiWars in narratives mode. Reference: HeidelTime 2.2.1 scores value
// F1 72.3 / 72.7 / 84.0 and relaxed F1 90.8 / 88.8 / 92.2 on these sets
// (shared/docs/EVALUATION.md).
constexpr double kFrenchTimebankValueF1 = 89.2;
constexpr double kFrenchTimebankRelaxedF1 = 96.5;
constexpr double kTempEval3ValueF1 = 82.8;
constexpr double kTempEval3RelaxedF1 = 94.9;
constexpr double kWikiWarsValueF1 = 89.3;
constexpr double kWikiWarsRelaxedF1 = 95.1;

std::string SharedDir() {
  if (const char* env = std::getenv("DATELINE_SHARED"); env != nullptr && *env != '\0') {
    return env;
  }
  return DATELINE_SOURCE_DIR "/../shared";
}

const Tagger& BuiltInTagger() {
  static const std::unique_ptr<Tagger> tagger = Tagger::Create();
  return *tagger;
}

struct DevSet {
  const char* name;  // folder under data/timeml
  const char* language;
  AnchorMode mode;
  int64_t documents;  // what the set holds, to catch reading regressions
  int64_t gold;
  double value_f1_floor;
  double relaxed_f1_floor;
};

void CheckDevSet(const DevSet& set) {
  const std::string dir = SharedDir() + "/data/timeml/" + set.name;
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "shared data missing: " << dir << " (set DATELINE_SHARED)";
  }
  eval::TimemlRunOptions options;
  options.language = set.language;
  options.mode = set.mode;
  const eval::TimemlRunResult run = eval::RunTimemlSet(BuiltInTagger(), dir, options);
  for (const std::string& failure : run.failures) ADD_FAILURE() << failure;
  EXPECT_EQ(run.total.documents(), set.documents);
  EXPECT_EQ(run.total.counts().gold, set.gold);

  const eval::TimemlScores s = run.total.Scores();
  std::printf("%s: strict F1 %.1f, relaxed F1 %.1f (P %.1f R %.1f), type F1 %.1f, value F1 %.1f\n",
              set.name, 100 * s.strict.f1, 100 * s.relaxed.f1, 100 * s.relaxed.precision,
              100 * s.relaxed.recall, 100 * s.type.f1, 100 * s.value.f1);
  EXPECT_GE(100 * s.value.f1, set.value_f1_floor) << set.name << " value F1";
  EXPECT_GE(100 * s.relaxed.f1, set.relaxed_f1_floor) << set.name << " relaxed F1";
}

TEST(TaggerDevSetTest, FrenchTimebank) {
  CheckDevSet({"fr-timebank-dev", "fr", AnchorMode::kNews, 72, 252, kFrenchTimebankValueF1,
               kFrenchTimebankRelaxedF1});
}

TEST(TaggerDevSetTest, TempEval3TimebankAquaint) {
  CheckDevSet({"tempeval3-tbaq", "en", AnchorMode::kNews, 256, 1822, kTempEval3ValueF1,
               kTempEval3RelaxedF1});
}

TEST(TaggerDevSetTest, WikiWarsNarratives) {
  CheckDevSet({"wikiwars-dev", "en", AnchorMode::kNarratives, 16, 2139, kWikiWarsValueF1,
               kWikiWarsRelaxedF1});
}

// ---------------------------------------------------------------------------
// The command, on the fixtures

struct CommandOutput {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandOutput RunDateline(const std::string& args, const std::string& scratch) {
  const std::string out_path = scratch + "/stdout";
  const std::string err_path = scratch + "/stderr";
  const std::string command = std::string("'") + DATELINE_BINARY + "' " + args + " >'" + out_path +
                              "' 2>'" + err_path + "'";
  CommandOutput result;
  const int raw = std::system(command.c_str());
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = ReadAll(out_path);
  result.err = ReadAll(err_path);
  return result;
}

class EvalTimemlCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::filesystem::temp_directory_path() /
               ("dateline_eval_timeml_" + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch_);
  }
  void TearDown() override { std::filesystem::remove_all(scratch_); }

  std::filesystem::path scratch_;
  const std::string fixtures_ = DATELINE_SOURCE_DIR "/tests/data/timeml/mini";
};

TEST_F(EvalTimemlCommandTest, ScoresTheGoodFilesAndNamesTheBadOne) {
  const std::string errors = (scratch_ / "errors.txt").string();
  const CommandOutput r = RunDateline(
      "eval timeml --lang auto --errors '" + errors + "' '" + fixtures_ + "'", scratch_.string());
  EXPECT_EQ(r.status, 1) << r.err;  // one file is malformed
  EXPECT_NE(r.err.find("zz_broken.tml:5:63: '&' that starts no entity"), std::string::npos)
      << r.err;
  // The row for the set: 2 documents read, 6 gold expressions.
  std::istringstream table(r.out);
  std::string line;
  bool found = false;
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    std::string name;
    int64_t docs = 0, gold = 0;
    if (fields >> name >> docs >> gold && name == "mini") {
      found = true;
      EXPECT_EQ(docs, 2);
      EXPECT_EQ(gold, 6);
    }
  }
  EXPECT_TRUE(found) << r.out;

  // Every line of the report is one error of a known kind about a fixture.
  ASSERT_TRUE(std::filesystem::exists(errors));
  EXPECT_FALSE(std::filesystem::exists(errors + ".tmp"));
  std::istringstream report(ReadAll(errors));
  while (std::getline(report, line)) {
    const std::string kind = line.substr(0, line.find(' '));
    EXPECT_TRUE(kind == "MISS" || kind == "FALSE" || kind == "VALUE" || kind == "TYPE") << line;
    EXPECT_TRUE(line.find(" news/a.tml ") != std::string::npos ||
                line.find(" news/sub/b.tml ") != std::string::npos)
        << line;
    EXPECT_NE(line.find(" | "), std::string::npos) << line;
  }
}

TEST_F(EvalTimemlCommandTest, SeveralSetsGetATotalRow) {
  const CommandOutput r = RunDateline(
      "eval timeml '" + fixtures_ + "/news' '" + fixtures_ + "/news/sub'", scratch_.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nnews "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nsub "), std::string::npos) << r.out;
  const size_t total = r.out.find("\ntotal ");
  ASSERT_NE(total, std::string::npos) << r.out;
  std::istringstream fields(r.out.substr(total + 1));
  std::string name;
  int64_t docs = 0, gold = 0;
  fields >> name >> docs >> gold;
  EXPECT_EQ(docs, 3);  // b.tml is in both sets
  EXPECT_EQ(gold, 9);
}

TEST_F(EvalTimemlCommandTest, UnwritableReportFailsBeforeWork) {
  const CommandOutput r =
      RunDateline("eval timeml --errors /nonexistent-dir/errors.txt '" + fixtures_ + "/news'",
                  scratch_.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("/nonexistent-dir/errors.txt.tmp"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(EvalTimemlCommandTest, BadFlagsAreUsageErrors) {
  EXPECT_EQ(RunDateline("eval timeml --lang de '" + fixtures_ + "'", scratch_.string()).status, 2);
  EXPECT_EQ(RunDateline("eval timeml --mode poems '" + fixtures_ + "'", scratch_.string()).status,
            2);
  EXPECT_EQ(RunDateline("eval timeml", scratch_.string()).status, 2);
}

}  // namespace
}  // namespace dateline
