// Tests of the rule report on a small rule set and documents written here.
#include "eval/rule_stats.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dateline::eval {
namespace {

namespace fs = std::filesystem;

constexpr char kRules[] = R"(
lexicon weekday
  lundi = 1
  samedi = 6
cue future = \w+ra
rule d.weekday
  match {weekday}
  weekday {weekday}
rule d.yesterday
  match hier
  shift day -1
rule d.never
  match jamais-vu
  value PRESENT_REF
rule d.age
  match \d+ ans
  negative
)";

// DCT Wednesday 2023-02-22. Gold: "samedi" the coming Saturday, "hier" the
// 21st, "lundi" (which the rules take for the 20th) the 27th, and "38 ans"
// as a duration the negative rule hides.
constexpr char kTimeml[] = R"(<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-02-22" functionInDocument="CREATION_TIME"/></DCT>
<TEXT>Il viendra <TIMEX3 tid="t1" type="DATE" value="2023-02-25">samedi</TIMEX3>. Parti <TIMEX3 tid="t2" type="DATE" value="2023-02-21">hier</TIMEX3> et <TIMEX3 tid="t3" type="DATE" value="2023-02-27">lundi</TIMEX3>, pour <TIMEX3 tid="t4" type="DURATION" value="P38Y">38 ans</TIMEX3>.</TEXT>
</TimeML>
)";

class RuleStatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dateline_rule_stats_" + std::to_string(::getpid()));
    fs::create_directories(root_ / "rules" / "xx");
    std::ofstream(root_ / "rules" / "xx" / "a.rules") << kRules;
    fs::create_directories(root_ / "dev");
    std::ofstream(root_ / "dev" / "a.tml") << kTimeml;
    fs::create_directories(root_ / "plain" / "2023-02-22");
    std::ofstream(root_ / "plain" / "2023-02-22" / "x.txt") << "Hier, samedi et lundi.";
    std::ofstream(root_ / "plain" / "y.jsonl") << R"({"time": "2023-02-22", "text": "hier encore"})"
                                               << "\n"
                                               << R"({"text": "samedi"})"
                                               << "\n";
    tracer_ = std::make_unique<RuleTracer>((root_ / "rules").string());
  }
  void TearDown() override { fs::remove_all(root_); }

  RuleStatsReport Build(bool ablate) {
    std::vector<RuleStatsSet> sets = {
        {"dev", (root_ / "dev").string(), true, AnchorMode::kNews},
        {"plain", (root_ / "plain").string(), false, AnchorMode::kNews},
    };
    RuleStatsOptions options;
    options.ablate = ablate;
    options.threads = 2;
    return BuildRuleStats(*tracer_, "xx", sets, options);
  }

  fs::path root_;
  std::unique_ptr<RuleTracer> tracer_;
};

TEST_F(RuleStatsTest, CountsFiringsAndHitsPerSet) {
  const RuleStatsReport r = Build(false);
  EXPECT_TRUE(r.failures.empty());
  const KeyCounts& weekday_dev = r.rows.at("rule d.weekday")[0];
  EXPECT_EQ(weekday_dev.fired, 2);  // samedi, lundi
  EXPECT_EQ(weekday_dev.documents, 1);
  EXPECT_EQ(weekday_dev.relaxed, 2);
  EXPECT_EQ(weekday_dev.value, 1);  // lundi is taken for the past Monday
  // Unlabelled: the text file and two JSON records are three documents.
  const KeyCounts& weekday_plain = r.rows.at("rule d.weekday")[1];
  EXPECT_EQ(weekday_plain.fired, 3);
  EXPECT_EQ(weekday_plain.documents, 2);
  EXPECT_EQ(r.rows.at("rule d.yesterday")[1].documents, 2);
  // Lexicon entries and cues have rows of their own.
  EXPECT_EQ(r.rows.at("lexicon weekday:samedi")[0].value, 1);
  EXPECT_EQ(r.rows.at("cue future:viendra")[0].fired, 1);
  // The negative rule's claim hid a gold expression.
  EXPECT_EQ(r.rows.at("claim d.age")[0].fired, 1);
  EXPECT_EQ(r.rows.at("claim d.age")[0].relaxed, 1);
  // A rule that never fires still has a row, flagged.
  EXPECT_EQ(r.rows.at("rule d.never")[0].fired, 0);
  EXPECT_EQ(RuleStatsFlags(r, "rule d.never"), "silent");
  EXPECT_EQ(RuleStatsFlags(r, "claim d.age"), "one-doc");
}

TEST_F(RuleStatsTest, AblationMeasuresWhatEachRuleChanges) {
  const RuleStatsReport r = Build(true);
  // Without d.weekday: one right value and one wrong one gone.
  const KeyCounts& weekday = r.rows.at("rule d.weekday")[0];
  EXPECT_EQ(weekday.value_gain, 1);
  EXPECT_EQ(weekday.system_gain, 2);
  EXPECT_EQ(weekday.changed, 2);
  // Without the negative rule nothing else tags "38 ans": no change.
  EXPECT_EQ(r.rows.at("claim d.age")[0].changed, 0);
  // d.yesterday: the whole effect is one expression, and it fires in two
  // unlabelled documents, so it is not flagged one-expr.
  EXPECT_EQ(r.rows.at("rule d.yesterday")[0].changed, 1);
  EXPECT_EQ(RuleStatsFlags(r, "rule d.yesterday"), "");
  EXPECT_GT(RuleValueF1Gain(r, "rule d.yesterday", 0), 0);
  std::ostringstream table;
  WriteRuleStats(r, table);
  EXPECT_NE(table.str().find("dev:dF1"), std::string::npos);
  EXPECT_NE(table.str().find("\nrule\td.weekday\t2\t1\t2\t1\t1\t"), std::string::npos)
      << table.str();
}

}  // namespace
}  // namespace dateline::eval
