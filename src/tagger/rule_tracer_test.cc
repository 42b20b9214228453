// Tests of the rule tracer with a small rule set written here.
#include "tagger/rule_tracer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dateline {
namespace {

namespace fs = std::filesystem;

constexpr char kRules[] = R"(
lexicon month
  janvier = 1
  fevrier | fev = 2
lexicon weekday
  lundi = 1
  samedi = 6
define day = [12][0-9]|3[01]|0?[1-9]
cue future = \w+ra
cue past = a \w+e
rule d.full
  match {day} {month}
  day {day}
  month {month}
rule d.weekday
  match {weekday}
  weekday {weekday}
rule d.age
  match \d+ ans
  negative
)";

class RuleTracerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline_tracer_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "xx");
    std::ofstream(dir_ / "xx" / "a.rules") << kRules;
    tracer_ = std::make_unique<RuleTracer>(dir_.string());
  }
  void TearDown() override { fs::remove_all(dir_); }

  TagOptions Options() const {
    TagOptions options;
    options.language = "xx";
    options.dct = ParseDayTime("2023-02-22");  // a Wednesday
    return options;
  }

  fs::path dir_;
  std::unique_ptr<RuleTracer> tracer_;
};

TEST_F(RuleTracerTest, SaysWhichEntriesAndCuesEachExpressionUsed) {
  const std::string text = "Il viendra samedi, il a 38 ans, le 3 fev puis lundi.";
  const RuleTracer::Result r = tracer_->Trace(text, Options());
  ASSERT_EQ(r.expressions.size(), 3u);
  ASSERT_EQ(r.trace.partials.size(), 3u);
  EXPECT_EQ(r.expressions[0].rule, "d.weekday");
  EXPECT_EQ(r.expressions[0].value, "2023-02-25");  // "viendra": the coming Saturday
  ASSERT_EQ(r.trace.partials[0].hits.size(), 1u);
  EXPECT_EQ(r.trace.partials[0].hits[0].lexicon, "weekday");
  EXPECT_EQ(r.trace.partials[0].hits[0].spelling, "samedi");
  EXPECT_EQ(r.trace.partials[0].cue, "viendra");
  EXPECT_EQ(r.trace.partials[0].cue_tense, Tense::kFuture);
  // The abbreviation is reported as written, not as its value.
  EXPECT_EQ(r.expressions[1].rule, "d.full");
  ASSERT_EQ(r.trace.partials[1].hits.size(), 1u);
  EXPECT_EQ(r.trace.partials[1].hits[0].spelling, "fev");
  // The negative rule's span is a claim.
  ASSERT_EQ(r.trace.claims.size(), 1u);
  EXPECT_EQ(r.trace.claims[0].rule, "d.age");
  EXPECT_EQ(text.substr(r.trace.claims[0].begin, r.trace.claims[0].end - r.trace.claims[0].begin),
            "38 ans");
}

TEST_F(RuleTracerTest, TagsLikeTheTagger) {
  const std::string text = "Il a parle lundi, le 3 fevrier et samedi.";
  auto tagger = Tagger::CreateFromDirectory(dir_.string());
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  const std::vector<TimeExpression> expected = *(*tagger)->Tag(text, Options());
  const RuleTracer::Result r = tracer_->Trace(text, Options());
  ASSERT_EQ(r.expressions.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.expressions[i].begin, expected[i].begin);
    EXPECT_EQ(r.expressions[i].cp_begin, expected[i].cp_begin);
    EXPECT_EQ(r.expressions[i].value, expected[i].value);
  }
}

// The anchor looks at the partials around each one (a clock time takes the
// day named after it; in narratives a year far ahead of the story is an
// aside), so the tracer must anchor a chunk as a whole, as Tag does.
TEST(RuleTracerBuiltInTest, AnchorsLikeTheTaggerWhereNeighboursMatter) {
  const RuleTracer tracer("");
  const std::unique_ptr<Tagger> tagger = Tagger::Create();
  struct Case {
    const char* language;
    AnchorMode mode;
    const char* text;
  };
  const Case cases[] = {
      {"fr", AnchorMode::kNews, "Vers 15 h 30, hier, un incendie a éclaté."},
      {"en", AnchorMode::kNarratives,
       "In 1914 the war began. Papers found in 2003 tell of it. On July 29 the army moved."},
  };
  for (const Case& c : cases) {
    TagOptions options;
    options.language = c.language;
    options.mode = c.mode;
    if (c.mode == AnchorMode::kNews) options.dct = ParseDayTime("2023-02-22");
    const std::vector<TimeExpression> expected = *tagger->Tag(c.text, options);
    const RuleTracer::Result r = tracer.Trace(c.text, options);
    ASSERT_EQ(r.expressions.size(), expected.size()) << c.text;
    ASSERT_EQ(r.trace.partials.size(), expected.size()) << c.text;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(r.expressions[i].begin, expected[i].begin) << c.text;
      EXPECT_EQ(r.expressions[i].value, expected[i].value) << c.text;
    }
  }
}

TEST_F(RuleTracerTest, DisabledRulesAreLeftOut) {
  const std::vector<std::string_view> names = tracer_->RuleNames("xx");
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[1], "d.weekday");
  std::vector<bool> disabled = {false, true, false};
  const RuleTracer::Result r = tracer_->Trace("samedi, le 3 fevrier", Options(), &disabled);
  ASSERT_EQ(r.expressions.size(), 1u);
  EXPECT_EQ(r.expressions[0].rule, "d.full");
  // Without the negative rule, nothing claims "38 ans" (and no rule tags it).
  disabled = {false, false, true};
  EXPECT_TRUE(tracer_->Trace("il a 38 ans", Options(), &disabled).trace.claims.empty());
}

TEST_F(RuleTracerTest, RefusesAutoAndUnknownLanguages) {
  TagOptions options = Options();
  options.language = "auto";
  EXPECT_THROW(tracer_->Trace("samedi", options), std::invalid_argument);
  EXPECT_TRUE(tracer_->RuleNames("zz").empty());
}

}  // namespace
}  // namespace dateline
