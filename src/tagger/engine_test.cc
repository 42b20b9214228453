// Tests of the engine with small rule sets written here, so they do not
// depend on the shipped rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "dateline/tagger.h"
#include "tagger/anchor.h"
#include "tagger/partial.h"
#include "tagger/template.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class RuleDir {
 public:
  RuleDir() {
    path_ = fs::temp_directory_path() /
            ("dateline_rules_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::create_directories(path_ / "xx");
  }
  ~RuleDir() { fs::remove_all(path_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(path_ / "xx" / name) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

constexpr char kRules[] = R"(
lexicon month
  janvier = 1
  fevrier = 2
lexicon weekday
  lundi = 1
  samedi = 6
lexicon numbers
  deux = 2
  trois = 3
  vingt = 20
  cent | cents = *100
lexicon premod
  debut = START
  plus de = MORE_THAN DURATION
define day = [12][0-9]|3[01]|0?[1-9]
define num = \d+(?:[.,]\d+)?|(?:(?:deux|trois|vingt|cents?)[- ]?)+
cue future = \w+ra
cue past = a \w+e

rule d.full
  match {day} {month}(?: {year})?
  day {day}
  month {month}
  year {year}
define year = 20\d\d
rule d.weekday
  match {weekday}
  weekday {weekday}
rule d.month
  match {month}
  month {month}
rule d.yesterday
  match hier
  shift day -1
rule d.eve
  match la veille
  shift day -1
  ref yes
rule d.ago
  match il y a {num} ans
  shift year -{num|num}
rule d.days
  match {num} jours
  value P{num|num}D
rule d.age
  match {num} ans
  negative
rule d.age_long
  match age de {num} ans
  negative
)";

TagOptions Options(const char* dct, AnchorMode mode = AnchorMode::kNews) {
  TagOptions options;
  options.language = "xx";
  if (dct) options.dct = ParseDayTime(dct);
  options.mode = mode;
  return options;
}

// The tagger of a rule folder; a folder that does not compile fails the test.
std::unique_ptr<Tagger> Load(const std::string& dir) {
  auto tagger = Tagger::CreateFromDirectory(dir);
  EXPECT_TRUE(tagger.ok()) << tagger.status().message();
  return tagger.ok() ? std::move(tagger).value() : nullptr;
}

std::vector<std::string> Values(const Tagger& tagger, std::string_view text,
                                const TagOptions& options) {
  std::vector<std::string> values;
  const auto found = tagger.Tag(text, options);
  EXPECT_TRUE(found.ok()) << found.status().message();
  if (!found.ok()) return values;
  for (const auto& e : *found) {
    values.push_back(std::string(text.substr(e.begin, e.end - e.begin)) + "=" + e.value +
                     (e.mod.empty() ? "" : "/" + e.mod));
  }
  return values;
}

TEST(EngineTest, AnchorsOnTheDct) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(
      Values(*tagger, "Il partira samedi, hier il y a deux ans.", Options("2023-02-22")),
      (std::vector<std::string>{"samedi=2023-02-25", "hier=2023-02-21", "il y a deux ans=2021"}));
  // Without a DCT, relative expressions stay underspecified.
  EXPECT_EQ(Values(*tagger, "hier, le 3 fevrier", Options(nullptr)),
            (std::vector<std::string>{"hier=XXXX-XX-XX", "3 fevrier=XXXX-02-03"}));
}

TEST(EngineTest, TenseCuesChooseTheDirection) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  // DCT Wednesday 2023-02-22: "lundi" with a future verb is the coming one.
  EXPECT_EQ(Values(*tagger, "Il viendra lundi.", Options("2023-02-22")),
            (std::vector<std::string>{"lundi=2023-02-27"}));
  EXPECT_EQ(Values(*tagger, "Il a parle lundi.", Options("2023-02-22")),
            (std::vector<std::string>{"lundi=2023-02-20"}));
}

TEST(EngineTest, TenseNamesReadBackAsTheirTense) {
  for (Tense t : {Tense::kNone, Tense::kPast, Tense::kPresent, Tense::kFuture, Tense::kIntent}) {
    bool ok = false;
    EXPECT_EQ(ParseTense(TenseName(t), &ok), t) << TenseName(t);
    EXPECT_TRUE(ok) << TenseName(t);
  }
  bool ok = true;
  EXPECT_EQ(ParseTense("pluperfect", &ok), Tense::kNone);
  EXPECT_FALSE(ok);
}

TEST(EngineTest, AnUnknownCueTenseIsRefusedWithItsLine) {
  RuleDir dir;
  dir.Write("a.rules", "cue pluperfect = avait \\w+\n");
  auto tagger = Tagger::CreateFromDirectory(dir.path());
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("cue must be past, present, future, intent or none"),
            std::string::npos)
      << tagger.status().message();
  EXPECT_NE(tagger.status().message().find("a.rules:1"), std::string::npos)
      << tagger.status().message();
}

TEST(EngineTest, GuessedPastDoesNotReachBackAlmostAYear) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  // DCT 2023-12-20: a past cue puts "fevrier" in February 2023 (ten months
  // back) only when it is not the coming February, two months ahead.
  EXPECT_EQ(Values(*tagger, "Il a parle le 3 fevrier.", Options("2023-12-20")),
            (std::vector<std::string>{"3 fevrier=2024-02-03"}));
  // Nine months back stays in the past.
  EXPECT_EQ(Values(*tagger, "Il a parle le 3 fevrier.", Options("2023-11-20")),
            (std::vector<std::string>{"3 fevrier=2023-02-03"}));
  // A future cue is trusted: January 2024 even though January 2023 is nearer.
  EXPECT_EQ(Values(*tagger, "Il viendra en janvier.", Options("2023-02-22")),
            (std::vector<std::string>{"janvier=2024-01"}));
  // Narratives keep the year of the story.
  EXPECT_EQ(Values(*tagger, "Le 10 janvier 2021 puis il a parle le 3 fevrier.",
                   Options("2021-12-20", AnchorMode::kNarratives)),
            (std::vector<std::string>{"10 janvier 2021=2021-01-10", "3 fevrier=2021-02-03"}));
}

TEST(EngineTest, WordsMarkedAsNoCueAreSkipped) {
  // "a grande" looks like the past cue "a \w+e" and is nearer "lundi" than
  // the future "viendra"; declared `cue none`, it no longer counts.
  const std::string text = "Il viendra voir la fete a grande echelle lundi.";
  RuleDir plain;
  plain.Write("a.rules", kRules);
  EXPECT_EQ(Values(*Load(plain.path()), text, Options("2023-02-22")),
            (std::vector<std::string>{"lundi=2023-02-20"}));
  RuleDir with_none;
  with_none.Write("a.rules", std::string(kRules) + "cue none = a grande echelle\n");
  EXPECT_EQ(Values(*Load(with_none.path()), text, Options("2023-02-22")),
            (std::vector<std::string>{"lundi=2023-02-27"}));
}

TEST(EngineTest, NegativeRulesClaimTheirSpan) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  EXPECT_TRUE(Values(*tagger, "Il est age de 38 ans.", Options("2023-02-22")).empty());
}

TEST(EngineTest, NumberWordsAndPremodifiers) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(
      Values(*tagger, "depuis plus de trois cents jours, debut fevrier", Options("2023-02-22")),
      (std::vector<std::string>{"plus de trois cents jours=P300D/MORE_THAN",
                                "debut fevrier=2023-02/START"}));
  EXPECT_EQ(Values(*tagger, "vingt-deux jours, 1,5 jours", Options(nullptr)),
            (std::vector<std::string>{"vingt-deux jours=P22D", "1,5 jours=P1.5D"}));
}

TEST(EngineTest, ReferenceRulesAnchorOnTheLastDay) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(Values(*tagger, "Le 10 janvier 2023, comme la veille.", Options("2023-02-22")),
            (std::vector<std::string>{"10 janvier 2023=2023-01-10", "la veille=2023-01-09"}));
}

TEST(EngineTest, NarrativesAnchorOnTheText) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(Values(*tagger, "Le 10 janvier 2021, puis le 3 fevrier.",
                   Options("2023-02-22", AnchorMode::kNarratives)),
            (std::vector<std::string>{"10 janvier 2021=2021-01-10", "3 fevrier=2021-02-03"}));
}

TEST(EngineTest, NarrativesMoveFromDecemberToTheNextJanuary) {
  RuleDir dir;
  dir.Write("a.rules", R"(
lexicon month
  janvier = 1
  mars = 3
  decembre = 12
define year = 19\d\d
rule n.month_year
  match {month} {year}
  month {month}
  year {year}
rule n.month
  match {month}
  month {month}
)");
  auto tagger = Load(dir.path());
  const TagOptions narrative = Options("2009-12-22", AnchorMode::kNarratives);
  EXPECT_EQ(Values(*tagger, "en decembre 1941, puis en janvier", narrative),
            (std::vector<std::string>{"decembre 1941=1941-12", "janvier=1942-01"}));
  // Other months keep the year of the story.
  EXPECT_EQ(Values(*tagger, "en mars 1941, puis en janvier", narrative),
            (std::vector<std::string>{"mars 1941=1941-03", "janvier=1941-01"}));
}

TEST(EngineTest, ModeRestrictsARuleToOneAnchoringMode) {
  RuleDir dir;
  dir.Write("a.rules", R"(
rule n.ancien
  match ancien
  value PAST_REF
  mode narratives
rule n.hier
  match hier
  shift day -1
  mode news
)");
  auto tagger = Load(dir.path());
  EXPECT_EQ(Values(*tagger, "l'ancien maire, hier", Options("2023-02-22", AnchorMode::kNarratives)),
            (std::vector<std::string>{"ancien=PAST_REF"}));
  EXPECT_EQ(Values(*tagger, "l'ancien maire, hier", Options("2023-02-22")),
            (std::vector<std::string>{"hier=2023-02-21"}));
  RuleDir bad;
  bad.Write("a.rules", "rule n.x\n  match x\n  value PAST_REF\n  mode story\n");
  EXPECT_FALSE(Tagger::CreateFromDirectory(bad.path()).ok());
}

TEST(EngineTest, WrittenAsksHowTheFirstLetterWasWritten) {
  RuleDir dir;
  dir.Write("a.rules", R"(
rule w.avril
  match avril
  month 4
rule w.avril_lower
  match avril
  written lower
  negative
  priority 1
rule w.mars
  match mars
  month 3
  written capital
)");
  auto tagger = Load(dir.path());
  // Patterns see folded text; `written` looks at the original.
  EXPECT_EQ(Values(*tagger, "Avril, AVRIL, avril", Options("2023-02-22")),
            (std::vector<std::string>{"Avril=2023-04", "AVRIL=2023-04"}));
  EXPECT_EQ(Values(*tagger, "Mars, mars", Options("2023-02-22")),
            (std::vector<std::string>{"Mars=2023-03"}));
  RuleDir bad;
  bad.Write("a.rules", "rule n.x\n  match x\n  value PAST_REF\n  written upper\n");
  auto refused = Tagger::CreateFromDirectory(bad.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(), "xx/a.rules:4: written is 'lower' or 'capital'");
}

TEST(EngineTest, MatchesAccentedAndCasedText) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  const std::string text = "Dès le 3 Février 2023.";
  const auto found = *tagger->Tag(text, Options(nullptr));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "3 Février 2023");
  EXPECT_EQ(found[0].value, "2023-02-03");
}

constexpr char kContextRules[] = R"(
lexicon month
  avril = 4
  mai = 5
define day = [12][0-9]|3[01]|0?[1-9]
define num = \d+
cue future = \w+ra
rule c.day_month
  match {day} {month}
  day {day}
  month {month}
rule c.range_start
  match {day}
  after (?:au|a) {day:d2} {month}
  day {day}
  month {month}
rule c.age
  match {num} ans
  after ,
  negative
rule c.years
  match {num} ans
  value P{num}Y
rule c.pentecost
  match pentecote
  easter 49
rule c.friday
  match vendredi
  weekday 5
  dir auto-past
rule c.year_ago
  match un an plus tot
  shift year -1
  gran context
rule c.quarter
  match le troisieme trimestre 1988
  year 1988
  quarter 3
rule c.month_year
  match {month} {year}
  month {month}
  year {year}
define year = 19\d\d
rule c.that_year
  match cette annee-la
  shift year 0
  ref yes
rule c.period_of_year
  match la periode {year}
  year {year}
  gran context
rule c.eve
  match la veille
  shift day -1
  ref yes
)";

TEST(EngineTest, ContextDecidesWithoutJoiningTheExtent) {
  RuleDir dir;
  dir.Write("a.rules", kContextRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(Values(*tagger, "du 19 au 23 avril", Options("1999-05-17")),
            (std::vector<std::string>{"19=1999-04-19", "23 avril=1999-04-23"}));
  EXPECT_EQ(Values(*tagger, "Jean, 87 ans, pendant 30 ans.", Options("1999-05-17")),
            (std::vector<std::string>{"30 ans=P30Y"}));
}

TEST(EngineTest, NewsReferenceRulesTakeTheGranularityTheyNeed) {
  RuleDir dir;
  dir.Write("a.rules", kContextRules);
  auto tagger = Load(dir.path());
  // "cette annee-la" after "avril 1998" is 1998, though no day was named;
  // "la veille" still needs a day, so it falls back on the DCT.
  EXPECT_EQ(Values(*tagger, "en avril 1998 puis cette annee-la, la veille", Options("2000-01-28")),
            (std::vector<std::string>{"avril 1998=1998-04", "cette annee-la=1998",
                                      "la veille=2000-01-27"}));
}

TEST(EngineTest, AYearWithContextGranularityTakesThePeriodLastNamed) {
  RuleDir dir;
  dir.Write("a.rules", kContextRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(
      Values(*tagger, "le troisieme trimestre 1988, la periode 1987", Options("1989-10-02")),
      (std::vector<std::string>{"le troisieme trimestre 1988=1988-Q3", "la periode 1987=1987-Q3"}));
  // After a year alone, the year.
  EXPECT_EQ(Values(*tagger, "la periode 1987", Options("1989-10-02")),
            (std::vector<std::string>{"la periode 1987=1987"}));
}

TEST(EngineTest, EasterDirectionDefaultsAndContextGranularity) {
  RuleDir dir;
  dir.Write("a.rules", kContextRules);
  auto tagger = Load(dir.path());
  EXPECT_EQ(Values(*tagger, "la pentecote", Options("1999-05-18")),
            (std::vector<std::string>{"pentecote=1999-05-23"}));
  // Wednesday 1999-05-19: no tense cue, so the past Friday; a future cue wins.
  EXPECT_EQ(Values(*tagger, "vendredi", Options("1999-05-19")),
            (std::vector<std::string>{"vendredi=1999-05-14"}));
  EXPECT_EQ(Values(*tagger, "il viendra vendredi", Options("1999-05-19")),
            (std::vector<std::string>{"vendredi=1999-05-21"}));
  EXPECT_EQ(
      Values(*tagger, "le troisieme trimestre 1988, un an plus tot", Options("1989-10-02")),
      (std::vector<std::string>{"le troisieme trimestre 1988=1988-Q3", "un an plus tot=1987-Q3"}));
}

TEST(EngineTest, RuleErrorsNameFileAndLine) {
  RuleDir dir;
  dir.Write("bad.rules", "lexicon month\n  janvier = 1\n\nrule r\n  match {mois}\n");
  auto tagger = Tagger::CreateFromDirectory(dir.path());
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tagger.status().message(), "xx/bad.rules:4: unknown lexicon or define '{mois}'");
  RuleDir dir2;
  dir2.Write("bad.rules", "rule r\n  match a(b\n");
  EXPECT_FALSE(Tagger::CreateFromDirectory(dir2.path()).ok());
  RuleDir dir3;
  dir3.Write("bad.rules", "rule r\n  match abc\n  year {y}\n");
  auto tagger3 = Tagger::CreateFromDirectory(dir3.path());
  ASSERT_FALSE(tagger3.ok());
  EXPECT_NE(tagger3.status().message().find("bad.rules:3"), std::string::npos)
      << tagger3.status().message();
}

TEST(EngineTest, UnknownLanguageIsAnError) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  TagOptions options;
  options.language = "de";
  const auto found = tagger->Tag("hier", options);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(found.status().message().find("'de'"), std::string::npos) << found.status().message();
}

TEST(EngineTest, HugeSingleLineAndBinaryInput) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  // 3 MiB without a newline: chunked scanning still finds every expression.
  std::string text;
  while (text.size() < (size_t{3} << 20)) text += "mot hier mot ";
  const auto found = *tagger->Tag(text, Options("2023-02-22"));
  EXPECT_EQ(found.size(), text.size() / 13);
  // Streamed, chunk by chunk: the same expressions, in order, in several
  // chunks of bounded size.
  std::vector<TimeExpression> streamed;
  size_t chunks = 0, largest = 0;
  ASSERT_TRUE(tagger
                  ->Tag(text, Options("2023-02-22"),
                        [&](std::string_view, std::vector<TimeExpression>& chunk) {
                          ++chunks;
                          largest = std::max(largest, chunk.size());
                          streamed.insert(streamed.end(), chunk.begin(), chunk.end());
                        })
                  .ok());
  EXPECT_GE(chunks, 3u);
  EXPECT_LT(largest, found.size() / 2);
  ASSERT_EQ(streamed.size(), found.size());
  for (size_t i = 0; i < found.size(); i += 997) {
    EXPECT_EQ(streamed[i].begin, found[i].begin);
    EXPECT_EQ(streamed[i].cp_end, found[i].cp_end);
    EXPECT_EQ(streamed[i].value, found[i].value);
  }
  std::string binary;
  for (int i = 0; i < 100000; ++i) binary += static_cast<char>((i * 7919) & 0xFF);
  EXPECT_TRUE(tagger->Tag(binary, Options("2023-02-22")).ok());
}

TEST(EngineTest, SharedBetweenThreads) {
  RuleDir dir;
  dir.Write("a.rules", kRules);
  auto tagger = Load(dir.path());
  const std::string text = "Il viendra lundi, hier, le 3 fevrier 2023.";
  const auto expected = Values(*tagger, text, Options("2023-02-22"));
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i)
        ok[t] += Values(*tagger, text, Options("2023-02-22")) == expected;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 200);
}

TEST(EngineTest, EveryEmittedValueValidates) {
  Partial bad;
  bad.month = 2;
  bad.day = 30;
  bad.year = 2023;
  Partial good;
  good.value = "P3D";
  const auto out = AnchorPartials({bad, good}, ParseDayTime("2023-02-22"), AnchorMode::kNews);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, "P3D");
  EXPECT_EQ(out[0].type, TimexType::kDuration);
}

TEST(TemplateTest, NumberWords) {
  const LexiconMap numbers = {{"trois", "3"},    {"vingt", "20"},        {"cent", "*100"},
                              {"cents", "*100"}, {"mille", "*1000"},     {"et", "+"},
                              {"un", "1"},       {"quatre vingt", "80"}, {"dix", "10"}};
  EXPECT_EQ(ParseNumber("trois cents", &numbers), "300");
  EXPECT_EQ(ParseNumber("vingt-trois", &numbers), "23");
  EXPECT_EQ(ParseNumber("vingt et un", &numbers), "21");
  EXPECT_EQ(ParseNumber("quatre-vingt-dix", &numbers), "90");
  EXPECT_EQ(ParseNumber("trois mille cent", &numbers), "3100");
  EXPECT_EQ(ParseNumber("30,4", &numbers), "30.4");
  EXPECT_EQ(ParseNumber("007", &numbers), "7");
  EXPECT_EQ(ParseNumber("douze", &numbers), std::nullopt);
}

TEST(DctTest, Parses) {
  EXPECT_TRUE(ParseDayTime("2023-02-25"));
  auto dct = ParseDayTime("2023-02-25T14:15");
  ASSERT_TRUE(dct);
  EXPECT_EQ(dct->hour, 14);
  EXPECT_TRUE(ParseDayTime("1998-03-03 09:55:00"));
  EXPECT_FALSE(ParseDayTime("2023-02-30"));
  EXPECT_FALSE(ParseDayTime("25/02/2023"));
  EXPECT_FALSE(ParseDayTime("2023-02-25T25:00"));
  EXPECT_FALSE(ParseDayTime("2023-02-25x"));
}

}  // namespace
}  // namespace dateline
