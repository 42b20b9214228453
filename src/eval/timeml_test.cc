#include "eval/timeml.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dateline::eval {
namespace {

std::string Doc(const std::string& text, const std::string& dct = "") {
  return "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d</DOCID>\n" + dct + "\n<TEXT>" + text +
         "</TEXT>\n<TLINK lid=\"l1\" relType=\"BEFORE\" />\n</TimeML>\n";
}

TimemlDocument MustParse(const std::string& xml) {
  TimemlParseResult r = ParseTimeml(xml, "doc.tml");
  EXPECT_TRUE(r.ok) << r.error;
  return r.document;
}

std::string SpanText(const TimemlDocument& d, const GoldTimex& t) {
  return d.text.substr(t.begin, t.end - t.begin);
}

// ---------------------------------------------------------------------------
// Reading

TEST(ParseTimemlTest, StripsTagsAndRecordsSpans) {
  const TimemlDocument d = MustParse(
      Doc("Il <EVENT eid=\"e1\" class=\"OCCURRENCE\">part</EVENT> <TIMEX3 tid=\"t2\" type=\"DATE\" "
          "value=\"1999-05-18\">demain</TIMEX3> pour <TIMEX3 tid=\"t3\" type=\"DURATION\" "
          "value=\"P3W\" mod=\"APPROX\">environ trois semaines</TIMEX3>.",
          "<DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" tid=\"t1\" type=\"DATE\" "
          "value=\"1999-05-17\" /></DCT>"));
  EXPECT_EQ(d.name, "doc.tml");
  EXPECT_EQ(d.dct, "1999-05-17");
  EXPECT_EQ(d.text, "Il part demain pour environ trois semaines.");
  ASSERT_EQ(d.timexes.size(), 2u);
  EXPECT_EQ(SpanText(d, d.timexes[0]), "demain");
  EXPECT_EQ(d.timexes[0].tid, "t2");
  EXPECT_EQ(d.timexes[0].type, "DATE");
  EXPECT_EQ(d.timexes[0].value, "1999-05-18");
  EXPECT_EQ(d.timexes[0].mod, "");
  EXPECT_EQ(SpanText(d, d.timexes[1]), "environ trois semaines");
  EXPECT_EQ(d.timexes[1].type, "DURATION");
  EXPECT_EQ(d.timexes[1].value, "P3W");
  EXPECT_EQ(d.timexes[1].mod, "APPROX");
}

TEST(ParseTimemlTest, DctWithTextContentAndTime) {
  const TimemlDocument d =
      MustParse(Doc("Nothing.",
                    "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-11-20T19:30\" "
                    "functionInDocument=\"CREATION_TIME\">1998-11-20 19:30</TIMEX3></DCT>"));
  EXPECT_EQ(d.dct, "1998-11-20T19:30");
  EXPECT_EQ(d.text, "Nothing.");  // the DCT's own text is not part of TEXT
  EXPECT_TRUE(d.timexes.empty());
}

TEST(ParseTimemlTest, NoDctIsAllowed) {
  const TimemlDocument d = MustParse(Doc("x"));
  EXPECT_EQ(d.dct, "");
}

TEST(ParseTimemlTest, UnescapesEntitiesAndOffsetsAreBytes) {
  const TimemlDocument d =
      MustParse(Doc("AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos; &#233;t&#xE9; "
                    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999-08\" quant=\"EVERY\" "
                    "freq=\"1M\">ao&#251;t</TIMEX3> &#x1F600;."));
  EXPECT_EQ(d.text, "AT&T <b> \"q\" 'a' \xC3\xA9t\xC3\xA9 ao\xC3\xBBt \xF0\x9F\x98\x80.");
  ASSERT_EQ(d.timexes.size(), 1u);
  const GoldTimex& t = d.timexes[0];
  EXPECT_EQ(t.begin, d.text.find("ao"));
  EXPECT_EQ(t.end - t.begin, 5u);  // "août" is 4 characters, 5 bytes
  EXPECT_EQ(SpanText(d, t), "ao\xC3\xBBt");
  EXPECT_EQ(t.quant, "EVERY");
  EXPECT_EQ(t.freq, "1M");
}

TEST(ParseTimemlTest, UnescapesAttributeValuesAndAcceptsSingleQuotes) {
  const TimemlDocument d =
      MustParse(Doc("<TIMEX3 tid='t1' type = 'DATE' value='X&amp;Y'>z</TIMEX3>"));
  ASSERT_EQ(d.timexes.size(), 1u);
  EXPECT_EQ(d.timexes[0].tid, "t1");
  EXPECT_EQ(d.timexes[0].value, "X&Y");
}

TEST(ParseTimemlTest, SkipsEmptyTimexAndKeepsCdataAndIgnoresComments) {
  const TimemlDocument d = MustParse(
      Doc("a<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1999\" /><!-- <TIMEX3> -->b"
          "<![CDATA[<c>&amp;]]><TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2000\">2000</TIMEX3>"));
  EXPECT_EQ(d.text, "ab<c>&amp;2000");
  ASSERT_EQ(d.timexes.size(), 1u);
  EXPECT_EQ(d.timexes[0].tid, "t2");
  EXPECT_EQ(SpanText(d, d.timexes[0]), "2000");
}

TEST(ParseTimemlTest, TagsInsideTimexAreStripped) {
  const TimemlDocument d = MustParse(
      Doc("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999-W20\">the <SIGNAL sid=\"s1\">same"
          "</SIGNAL> week</TIMEX3>"));
  ASSERT_EQ(d.timexes.size(), 1u);
  EXPECT_EQ(SpanText(d, d.timexes[0]), "the same week");
}

TEST(ParseTimemlTest, IgnoresTimexOutsideText) {
  const std::string xml =
      "<TimeML><TITLE><TIMEX3 tid=\"t5\" type=\"DATE\" value=\"1998\">1998</TIMEX3></TITLE>"
      "<TEXT>x</TEXT></TimeML>";
  const TimemlDocument d = MustParse(xml);
  EXPECT_EQ(d.text, "x");
  EXPECT_TRUE(d.timexes.empty());
}

// Malformed files fail with the name, line and column of the fault.
void ExpectError(const std::string& xml, const std::string& expected) {
  TimemlParseResult r = ParseTimeml(xml, "bad.tml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, expected);
  EXPECT_TRUE(r.document.text.empty());
  EXPECT_TRUE(r.document.timexes.empty());
}

TEST(ParseTimemlErrorTest, UnknownEntity) {
  ExpectError("<TimeML>\n<TEXT>\nab &nbsp; c</TEXT></TimeML>",
              "bad.tml:3:4: unknown entity &nbsp;");
}

TEST(ParseTimemlErrorTest, BareAmpersandAndLessThan) {
  ExpectError("<TEXT>a & b</TEXT>", "bad.tml:1:9: '&' that starts no entity (write &amp;)");
  ExpectError("<TEXT>a < b</TEXT>", "bad.tml:1:9: '<' that starts no tag (write &lt;)");
}

TEST(ParseTimemlErrorTest, InvalidUtf8AndBinary) {
  ExpectError("<TEXT>\nab\xC3(</TEXT>", "bad.tml:2:3: invalid UTF-8");
  ExpectError(std::string("<TEXT>a\0b</TEXT>", 16),
              "bad.tml:1:8: control character 0x00 (binary data?)");
}

TEST(ParseTimemlErrorTest, NestedUnbalancedAndUnclosedTimex) {
  ExpectError("<TEXT><TIMEX3 tid=\"t1\">a<TIMEX3 tid=\"t2\">b</TIMEX3></TIMEX3></TEXT>",
              "bad.tml:1:25: TIMEX3 nested in the TIMEX3 opened at 1:7");
  ExpectError("<TEXT>a</TIMEX3></TEXT>", "bad.tml:1:8: </TIMEX3> without an open TIMEX3");
  ExpectError("<TEXT>\n<TIMEX3 tid=\"t1\">a</TEXT>",
              "bad.tml:2:1: TIMEX3 not closed before </TEXT>");
}

TEST(ParseTimemlErrorTest, MissingOrUnclosedText) {
  ExpectError("<TimeML><DOCID>x</DOCID></TimeML>\n", "bad.tml:2:1: no TEXT element");
  ExpectError("<TEXT>abc", "bad.tml:1:10: TEXT element not closed");
  ExpectError("<TEXT>a</TEXT><TEXT>b</TEXT>", "bad.tml:1:15: a second TEXT element");
}

TEST(ParseTimemlErrorTest, UnterminatedMarkup) {
  ExpectError("<TEXT>a <TIMEX3 tid=\"t1", "bad.tml:1:17: malformed attribute in <TIMEX3");
  ExpectError("<TEXT>a <EVENT eid=\"e1\"", "bad.tml:1:9: unterminated tag <EVENT");
  ExpectError("<TEXT>a <!-- b</TEXT>", "bad.tml:1:9: unterminated comment");
  ExpectError("<TEXT><EVENT eid=e1>a</EVENT></TEXT>",
              "bad.tml:1:14: malformed attribute in <EVENT");
  ExpectError("<TEXT>a</TEXT x>", "bad.tml:1:15: malformed tag </TEXT");
}

TEST(ReadTimemlFileTest, ReportsUnreadableFile) {
  TimemlParseResult r = ReadTimemlFile("/nonexistent/dir/x.tml");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("/nonexistent/dir/x.tml"), std::string::npos) << r.error;
}

TEST(ReadTimemlFileTest, ReadsFixtureAndFindsFilesRecursively) {
  const std::string dir = DATELINE_SOURCE_DIR "/tests/data/timeml/mini";
  std::string error;
  const std::vector<std::string> files = FindTimemlFiles(dir, error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], dir + "/news/a.tml");
  EXPECT_EQ(files[1], dir + "/news/sub/b.tml");
  EXPECT_EQ(files[2], dir + "/zz_broken.tml");

  TimemlParseResult a = ReadTimemlFile(files[0]);
  ASSERT_TRUE(a.ok) << a.error;
  EXPECT_EQ(a.document.dct, "2001-03-09");
  ASSERT_EQ(a.document.timexes.size(), 3u);
  EXPECT_EQ(SpanText(a.document, a.document.timexes[2]), "dans deux semaines");

  TimemlParseResult broken = ReadTimemlFile(files[2]);
  EXPECT_FALSE(broken.ok);
  EXPECT_EQ(broken.error.rfind(files[2] + ":", 0), 0u) << broken.error;

  const std::vector<std::string> missing = FindTimemlFiles(dir + "/nope", error);
  EXPECT_TRUE(missing.empty());
  EXPECT_NE(error.find("nope"), std::string::npos);
}

// ---------------------------------------------------------------------------
// Scoring

TimeExpression Sys(size_t begin, size_t end, TimexType type, const std::string& value,
                   std::string_view rule = "r") {
  TimeExpression e;
  e.begin = begin;
  e.end = end;
  e.type = type;
  e.value = value;
  e.rule = rule;
  return e;
}

// "le 3 mai et pendant deux jours puis lundi ."
//  gold: "le 3 mai" [0,8) DATE 1999-05-03, "deux jours" [20,30) DURATION P2D,
//        "lundi" [36,41) DATE 1999-05-10
TimemlDocument ThreeGold() {
  return MustParse(
      Doc("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999-05-03\">le 3 mai</TIMEX3> et pendant "
          "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2D\">deux jours</TIMEX3> puis "
          "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1999-05-10\">lundi</TIMEX3> ."));
}

TEST(ScoreDocumentTest, FixtureOffsets) {
  const TimemlDocument d = ThreeGold();
  ASSERT_EQ(d.text, "le 3 mai et pendant deux jours puis lundi .");
  ASSERT_EQ(d.timexes.size(), 3u);
  EXPECT_EQ(d.timexes[1].begin, 20u);
  EXPECT_EQ(d.timexes[2].begin, 36u);
}

TEST(ScoreDocumentTest, PerfectSystem) {
  const TimemlDocument d = ThreeGold();
  const DocumentScore s = ScoreDocument(
      d, {Sys(0, 8, TimexType::kDate, "1999-05-03"), Sys(20, 30, TimexType::kDuration, "P2D"),
          Sys(36, 41, TimexType::kDate, "1999-05-10")});
  EXPECT_EQ(s.counts.gold, 3);
  EXPECT_EQ(s.counts.system, 3);
  EXPECT_EQ(s.counts.relaxed, 3);
  EXPECT_EQ(s.counts.strict, 3);
  EXPECT_EQ(s.counts.type, 3);
  EXPECT_EQ(s.counts.value, 3);
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(s.gold_match, (std::vector<int>{0, 1, 2}));
  const TimemlScores scores = ComputeScores(s.counts);
  EXPECT_DOUBLE_EQ(scores.value.f1, 1.0);
  EXPECT_DOUBLE_EQ(scores.strict.precision, 1.0);
}

TEST(ScoreDocumentTest, RelaxedStrictTypeAndValue) {
  const TimemlDocument d = ThreeGold();
  // "3 mai" overlaps gold 1 (relaxed, not strict, right value);
  // "pendant deux jours" overlaps gold 2 with the wrong type and value;
  // "puis" overlaps nothing; "lundi" is missed.
  const std::vector<TimeExpression> sys = {Sys(3, 8, TimexType::kDate, "1999-05-03"),
                                           Sys(12, 30, TimexType::kDate, "1999-05-02"),
                                           Sys(31, 35, TimexType::kDate, "1999-05-04")};
  const DocumentScore s = ScoreDocument(d, sys);
  EXPECT_EQ(s.counts.relaxed, 2);
  EXPECT_EQ(s.counts.strict, 0);
  EXPECT_EQ(s.counts.type, 1);
  EXPECT_EQ(s.counts.value, 1);
  EXPECT_EQ(s.gold_match, (std::vector<int>{0, 1, -1}));
  ASSERT_EQ(s.errors.size(), 4u);
  EXPECT_EQ(s.errors[0].kind, TimemlError::Kind::kWrongType);
  EXPECT_EQ(s.errors[1].kind, TimemlError::Kind::kWrongValue);
  EXPECT_EQ(s.errors[2].kind, TimemlError::Kind::kFalseAlarm);
  EXPECT_EQ(s.errors[2].system, 2);
  EXPECT_EQ(s.errors[3].kind, TimemlError::Kind::kMiss);
  EXPECT_EQ(s.errors[3].gold, 2);

  const TimemlScores scores = ComputeScores(s.counts);
  EXPECT_DOUBLE_EQ(scores.relaxed.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(scores.relaxed.recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(scores.relaxed.f1, 2.0 / 3);
  EXPECT_DOUBLE_EQ(scores.strict.f1, 0.0);
  EXPECT_DOUBLE_EQ(scores.value.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(scores.type.recall, 1.0 / 3);
}

TEST(ScoreDocumentTest, MatchingIsOneToOne) {
  const TimemlDocument d = ThreeGold();
  // Two system spans inside one gold span: the second is a false alarm.
  DocumentScore s = ScoreDocument(
      d, {Sys(0, 2, TimexType::kDate, "1999-05-03"), Sys(3, 8, TimexType::kDate, "1999-05-03")});
  EXPECT_EQ(s.counts.relaxed, 1);
  EXPECT_EQ(s.counts.system, 2);
  EXPECT_EQ(s.gold_match[0], 0);
  // One system span over two gold spans takes the first only.
  s = ScoreDocument(d, {Sys(20, 41, TimexType::kDuration, "P2D")});
  EXPECT_EQ(s.counts.relaxed, 1);
  EXPECT_EQ(s.counts.value, 1);
  EXPECT_EQ(s.gold_match, (std::vector<int>{-1, 0, -1}));
  // ...and a second one then takes the next free gold span it overlaps.
  s = ScoreDocument(
      d, {Sys(36, 41, TimexType::kDate, "1999-05-10"), Sys(20, 41, TimexType::kDuration, "P2D")});
  EXPECT_EQ(s.gold_match, (std::vector<int>{-1, 1, 0}));
}

TEST(ScoreDocumentTest, SystemOrderDoesNotMatter) {
  const TimemlDocument d = ThreeGold();
  const DocumentScore s = ScoreDocument(
      d, {Sys(36, 41, TimexType::kDate, "1999-05-10"), Sys(0, 8, TimexType::kDate, "1999-05-03")});
  EXPECT_EQ(s.gold_match, (std::vector<int>{1, -1, 0}));
  EXPECT_EQ(s.counts.value, 2);
}

TEST(ScoreDocumentTest, TouchingSpansDoNotOverlap) {
  const TimemlDocument d = ThreeGold();
  const DocumentScore s =
      ScoreDocument(d, {Sys(8, 12, TimexType::kDate, "X"), Sys(30, 36, TimexType::kDate, "X"),
                        Sys(5, 5, TimexType::kDate, "X")});  // empty spans overlap nothing
  EXPECT_EQ(s.counts.relaxed, 0);
  EXPECT_EQ(s.errors.size(), 6u);
}

TEST(ScoreDocumentTest, StrictIgnoresOuterWhitespace) {
  const TimemlDocument d = MustParse(
      Doc("du <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999\"> 1999\xC2\xA0</TIMEX3> au"));
  ASSERT_EQ(d.text, "du  1999\xC2\xA0 au");
  const DocumentScore s = ScoreDocument(d, {Sys(3, 8, TimexType::kDate, "1999")});
  EXPECT_EQ(s.counts.strict, 1);
  const DocumentScore wider = ScoreDocument(d, {Sys(0, 8, TimexType::kDate, "1999")});
  EXPECT_EQ(wider.counts.relaxed, 1);
  EXPECT_EQ(wider.counts.strict, 0);
}

TEST(ScoreDocumentTest, SpanBeyondTextIsSafe) {
  const TimemlDocument d = ThreeGold();
  const std::vector<TimeExpression> sys = {Sys(40, 500, TimexType::kDate, "1999-05-10")};
  const DocumentScore s = ScoreDocument(d, sys);
  EXPECT_EQ(s.counts.relaxed, 1);
  EXPECT_EQ(s.counts.strict, 0);
  EXPECT_EQ(FormatTimemlError(d, sys, {TimemlError::Kind::kMiss, 0, -1}, "x", 10),
            "MISS x gold=\"le 3 mai\" value=1999-05-03 | [[le 3 mai]] et p");
}

TEST(ScoresTest, EmptyCountsGiveZeros) {
  const TimemlScores s = ComputeScores(TimemlCounts{});
  EXPECT_EQ(s.relaxed.precision, 0.0);
  EXPECT_EQ(s.relaxed.recall, 0.0);
  EXPECT_EQ(s.relaxed.f1, 0.0);
}

TEST(ScoresTest, HarmonicMean) {
  const PrecisionRecall pr = MakePrecisionRecall(3, 4, 6);
  EXPECT_DOUBLE_EQ(pr.precision, 0.75);
  EXPECT_DOUBLE_EQ(pr.recall, 0.5);
  EXPECT_DOUBLE_EQ(pr.f1, 0.6);
}

TEST(AccumulatorTest, MicroAveragesOverDocuments) {
  TimemlAccumulator total;
  TimemlCounts a;
  a.gold = 1;
  a.system = 1;
  a.relaxed = a.strict = a.type = a.value = 1;
  TimemlCounts b;
  b.gold = 9;
  b.system = 3;
  b.relaxed = 3;
  b.value = 0;
  total.Add(a);
  total.Add(b);
  EXPECT_EQ(total.documents(), 2);
  EXPECT_EQ(total.counts().gold, 10);
  EXPECT_EQ(total.counts().relaxed, 4);
  const TimemlScores s = total.Scores();
  EXPECT_DOUBLE_EQ(s.relaxed.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.relaxed.recall, 0.4);
  // Micro: 1 right value of 4 system and 10 gold spans (a macro average
  // would give precision 0.5).
  EXPECT_DOUBLE_EQ(s.value.precision, 0.25);
  EXPECT_DOUBLE_EQ(s.value.recall, 0.1);

  TimemlAccumulator merged;
  merged.Add(a);
  merged.Add(total);
  EXPECT_EQ(merged.documents(), 3);
  EXPECT_EQ(merged.counts().gold, 11);
  EXPECT_EQ(merged.counts().value, 2);
}

// ---------------------------------------------------------------------------
// Running a tagger over a set

TEST(TimemlDctTest, KeepsWhatParses) {
  std::optional<DayTime> dct = TimemlDct("1998-03-03T09:55:00");
  ASSERT_TRUE(dct.has_value());
  EXPECT_EQ(dct->date, (CivilDate{1998, 3, 3}));
  EXPECT_EQ(dct->hour, 9);
  EXPECT_EQ(dct->minute, 55);
  dct = TimemlDct("1999-05-17");
  ASSERT_TRUE(dct.has_value());
  EXPECT_EQ(dct->hour, -1);
  dct = TimemlDct("2004-06-15T08:30:00.000-05:00");  // zone: keep the minutes
  ASSERT_TRUE(dct.has_value());
  EXPECT_EQ(dct->date, (CivilDate{2004, 6, 15}));
  EXPECT_EQ(dct->minute, 30);
  dct = TimemlDct("2004-06-15TMO");  // a part of day: keep the day
  ASSERT_TRUE(dct.has_value());
  EXPECT_EQ(dct->hour, -1);
  EXPECT_FALSE(TimemlDct("").has_value());
  EXPECT_FALSE(TimemlDct("1999-13-01").has_value());
}

TEST(RunTimemlSetTest, ScoresGoodFilesReportsBadOnesAndIgnoresThreadCount) {
  const std::unique_ptr<Tagger> tagger = Tagger::Create();
  const std::string dir = DATELINE_SOURCE_DIR "/tests/data/timeml/mini";
  TimemlRunOptions options;
  options.error_lines = true;
  options.name_prefix = "set/";
  options.threads = 1;
  const TimemlRunResult one = RunTimemlSet(*tagger, dir, options);
  options.threads = 3;
  const TimemlRunResult three = RunTimemlSet(*tagger, dir, options);

  ASSERT_EQ(one.failures.size(), 1u);
  EXPECT_EQ(one.failures[0], dir + "/zz_broken.tml:5:63: '&' that starts no entity (write &amp;)");
  EXPECT_EQ(one.total.documents(), 2);
  const TimemlCounts& c = one.total.counts();
  EXPECT_EQ(c.gold, 6);
  // Every disagreement gets exactly one line.
  const int64_t expected_lines =
      (c.gold - c.relaxed) + (c.system - c.relaxed) + (c.relaxed - c.value) + (c.relaxed - c.type);
  EXPECT_EQ(static_cast<int64_t>(one.error_lines.size()), expected_lines);
  for (const std::string& line : one.error_lines) {
    EXPECT_TRUE(line.find(" set/news/a.tml ") != std::string::npos ||
                line.find(" set/news/sub/b.tml ") != std::string::npos)
        << line;
  }
  EXPECT_EQ(one.text_bytes,
            static_cast<int64_t>(ReadTimemlFile(dir + "/news/a.tml").document.text.size() +
                                 ReadTimemlFile(dir + "/news/sub/b.tml").document.text.size()));

  EXPECT_EQ(three.failures, one.failures);
  EXPECT_EQ(three.error_lines, one.error_lines);
  EXPECT_EQ(three.total.counts().value, c.value);
  EXPECT_EQ(three.total.counts().system, c.system);
}

TEST(RunTimemlSetTest, MissingDirectoryIsAFailureNotACrash) {
  const std::unique_ptr<Tagger> tagger = Tagger::Create();
  const TimemlRunResult run = RunTimemlSet(*tagger, "/nonexistent/timeml", {});
  ASSERT_EQ(run.failures.size(), 1u);
  EXPECT_EQ(run.failures[0], "/nonexistent/timeml: no such file or directory");
  EXPECT_EQ(run.total.documents(), 0);
}

// ---------------------------------------------------------------------------
// Error lines

TEST(FormatTimemlErrorTest, OneLinePerErrorWithContext) {
  const TimemlDocument d =
      MustParse(Doc("Le\n<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999-05-03\">3 mai</TIMEX3>, "
                    "l'\xC3\xA9t\xC3\xA9"
                    " <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1999-SU\">prochain</TIMEX3>."));
  const std::vector<TimeExpression> sys = {Sys(0, 2, TimexType::kDate, "", ""),
                                           Sys(3, 8, TimexType::kDuration, "P3D", "fr.dur")};
  const DocumentScore s = ScoreDocument(d, sys);
  ASSERT_EQ(s.errors.size(), 4u);
  std::vector<std::string> lines;
  for (const TimemlError& e : s.errors) lines.push_back(FormatTimemlError(d, sys, e, "a.tml", 8));
  EXPECT_EQ(lines[0], "FALSE a.tml sys=\"Le\" value=- rule=- | [[Le]] 3 m");
  EXPECT_EQ(lines[1],
            "TYPE a.tml gold=\"3 mai\" gold=DATE sys=DURATION rule=fr.dur | "
            "Le [[3 mai]], l'");
  EXPECT_EQ(lines[2],
            "VALUE a.tml gold=\"3 mai\" gold=1999-05-03 sys=P3D rule=fr.dur | "
            "Le [[3 mai]], l'");
  EXPECT_EQ(lines[3],
            "MISS a.tml gold=\"prochain\" value=1999-SU | "
            "\xC3\xA9t\xC3\xA9 [[prochain]].");
}

TEST(FormatTimemlErrorTest, ShowsSystemExtentWhenItDiffers) {
  const TimemlDocument d = ThreeGold();
  const std::vector<TimeExpression> sys = {Sys(3, 8, TimexType::kDate, "1999-05-04", "en.md")};
  const DocumentScore s = ScoreDocument(d, sys);
  ASSERT_EQ(s.errors.size(), 3u);
  EXPECT_EQ(
      FormatTimemlError(d, sys, s.errors[0], "b"),
      "VALUE b gold=\"le 3 mai\" gold=1999-05-03 sys=1999-05-04 rule=en.md sys_span=\"3 mai\" "
      "| [[le 3 mai]] et pendant deux jours puis lu");
}

}  // namespace
}  // namespace dateline::eval
