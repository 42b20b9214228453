#include "dateline/pipeline.h"

#include <gtest/gtest.h>

#include <thread>

#include "dateline/output.h"

namespace dateline {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pipeline_ = std::move(Pipeline::Create()).value().release(); }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  static StatusOr<AnnotatedDocument> Annotate(std::string_view bytes, AnnotateOptions options) {
    return pipeline_->Annotate(bytes, options);
  }
  static std::string Span(const AnnotatedDocument& doc, const TimeExpression& e) {
    return doc.text.substr(e.begin, e.end - e.begin);
  }
  static Pipeline* pipeline_;
};
Pipeline* PipelineTest::pipeline_ = nullptr;

const char kPage[] =
    "<html lang=\"fr\"><head><title>Le pont rouvrira samedi</title>"
    "<meta property=\"article:published_time\" content=\"2024-05-16T09:30:00\"></head>"
    "<body><article><h1>Le pont rouvrira samedi</h1>"
    "<p>La préfecture a annoncé mardi dernier que le pont de l'Arle rouvrirait à la circulation "
    "samedi, après trois semaines de travaux sur la pile centrale.</p>"
    "<p>Les riverains pourront de nouveau traverser à pied dès le 20 mai.</p>"
    "</article></body></html>";

TEST_F(PipelineTest, PageIsReadThenTaggedOnItsOwnDate) {
  AnnotateOptions options;
  options.path = "pont.html";
  const auto doc = Annotate(kPage, options);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->language, "fr");
  EXPECT_EQ(doc->language_source, LanguageSource::kDetected);
  ASSERT_TRUE(doc->dct);
  EXPECT_EQ(FormatDayTime(*doc->dct), "2024-05-16T09:30:00");
  EXPECT_EQ(doc->dct_source, DctSource::kPage);
  EXPECT_EQ(doc->article.date_evidence, DateEvidence::kMeta);
  // The title is tagged with the text, before it.
  EXPECT_EQ(doc->title(), "Le pont rouvrira samedi");
  EXPECT_EQ(doc->body_begin, doc->title().size() + 2);
  ASSERT_FALSE(doc->expressions.empty());
  EXPECT_EQ(Span(*doc, doc->expressions[0]), "samedi");
  EXPECT_EQ(doc->expressions[0].value, "2024-05-18");
  bool last_tuesday = false;
  for (const auto& e : doc->expressions) last_tuesday |= e.value == "2024-05-14";
  EXPECT_TRUE(last_tuesday);
}

TEST_F(PipelineTest, SentencesAreDatedByTheirFirstDayElseWeaklyByTheDct) {
  AnnotateOptions options;
  options.path = "pont.html";
  const auto doc = Annotate(kPage, options);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 3u);
  EXPECT_TRUE(doc->sentences[0].in_title);
  EXPECT_EQ(doc->sentences[0].date->ToString(), "2024-05-18");
  EXPECT_EQ(doc->sentences[1].date->ToString(), "2024-05-14");  // "mardi dernier" comes first
  EXPECT_FALSE(doc->sentences[1].weak_date);
  EXPECT_EQ(doc->sentences[2].date->ToString(), "2024-05-20");
  const std::string sentence =
      doc->text.substr(doc->sentences[2].begin, doc->sentences[2].end - doc->sentences[2].begin);
  EXPECT_EQ(sentence, "Les riverains pourront de nouveau traverser à pied dès le 20 mai.");
  AnnotateOptions text;
  text.kind = InputKind::kText;
  text.language = "fr";
  text.dct = ParseDayTime("2024-05-16");
  const auto plain = Annotate("Rien de daté ici. Le pont reste fermé.", text);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->sentences.size(), 2u);
  EXPECT_TRUE(plain->sentences[0].weak_date);
  EXPECT_EQ(plain->sentences[0].date->ToString(), "2024-05-16");
}

TEST_F(PipelineTest, GivenLanguageAndDctWin) {
  AnnotateOptions options;
  options.path = "pont.html";
  options.language = "fr";
  options.dct = ParseDayTime("2024-06-01");
  const auto doc = Annotate(kPage, options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->language_source, LanguageSource::kGiven);
  EXPECT_EQ(doc->dct_source, DctSource::kGiven);
  EXPECT_EQ(doc->expressions[0].value, "2024-06-01");  // "samedi" of the given week
}

TEST_F(PipelineTest, UnknownLanguageIsAnErrorNotADefault) {
  AnnotateOptions options;
  options.language = "xx";
  const auto doc = Annotate("Il partira samedi.", options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PipelineTest, UndeterminedLanguageTagsNothingAndSaysSo) {
  AnnotateOptions options;
  options.path = "n.txt";
  const auto doc = Annotate("2024 / 3", options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->language, "und");
  EXPECT_EQ(doc->language_source, LanguageSource::kUndetermined);
  EXPECT_TRUE(doc->expressions.empty());
  ASSERT_FALSE(doc->warnings.empty());
  EXPECT_NE(doc->warnings[0].find("n.txt: language not determined"), std::string::npos);
}

TEST_F(PipelineTest, FunctionWordsGuessTheLanguageOfShortText) {
  const auto doc = Annotate("Le ministre et la presse sont partis samedi.", {});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->language, "fr");
  EXPECT_NE(doc->language_source, LanguageSource::kUndetermined);
  ASSERT_EQ(doc->expressions.size(), 1u);
  EXPECT_EQ(Span(*doc, doc->expressions[0]), "samedi");
  EXPECT_TRUE(doc->expressions[0].value.starts_with("XXXX"));  // no DCT: underspecified
}

TEST_F(PipelineTest, LanguageWithoutRulesIsReadButNotTagged) {
  AnnotateOptions options;
  options.language = "de";
  options.kind = InputKind::kText;
  const auto doc = Annotate("Die Brücke wird am Samstag wieder geöffnet.", options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->language, "de");
  EXPECT_TRUE(doc->expressions.empty());
  ASSERT_FALSE(doc->warnings.empty());
  EXPECT_NE(doc->warnings[0].find("no tagger rules for language 'de'"), std::string::npos);
}

TEST_F(PipelineTest, TextIsTakenAsItIsAndMustBeUtf8) {
  AnnotateOptions options;
  options.kind = InputKind::kText;
  options.language = "fr";
  options.title = "Publié le 3 mars 2021";
  options.dct = ParseDayTime("2021-03-04");
  // As a scraped page the first line would be taken for a date line and
  // dropped; as text it stays, and the title is the caller's.
  const auto doc = Annotate("Le 3 mars 2021, le pont s'est effondré.\nFin.", options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->body(), "Le 3 mars 2021, le pont s'est effondré.\nFin.");
  EXPECT_TRUE(doc->article.text.empty());  // held once, in doc->text
  EXPECT_EQ(doc->title(), "Publié le 3 mars 2021");
  EXPECT_EQ(doc->expressions.size(), 2u);
  options.path = "record:7";
  const auto bad = Annotate("Le pont \xff s'est effondré.", options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().message(), "record:7: invalid UTF-8 at byte 8");
}

TEST_F(PipelineTest, CodePointSpansMatchTheText) {
  AnnotateOptions options;
  options.kind = InputKind::kText;
  options.language = "fr";
  options.dct = ParseDayTime("2023-02-22");
  const std::string text = "Été 2022 : « hier » et février, à 14 h 30.";
  const auto doc = Annotate(text, options);
  ASSERT_TRUE(doc.ok());
  ASSERT_FALSE(doc->expressions.empty());
  std::u32string wide;
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char b = text[pos];
    char32_t cp = b;
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (n > 1) cp = b & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (text[pos + k] & 0x3F);
    wide += cp;
    pos += n;
  }
  for (const auto& e : doc->expressions) {
    const std::u32string by_cp = wide.substr(e.cp_begin, e.cp_end - e.cp_begin);
    std::u32string by_byte;
    for (size_t k = 0; k < e.cp_end - e.cp_begin; ++k) by_byte += wide[e.cp_begin + k];
    EXPECT_EQ(by_cp, by_byte);
    EXPECT_EQ(e.cp_end - e.cp_begin,
              std::u32string(wide.begin() + e.cp_begin, wide.begin() + e.cp_end).size());
  }
  // "hier" starts after "Été 2022 : « " (13 code points, 16 bytes).
  bool found = false;
  for (const auto& e : doc->expressions) {
    if (Span(*doc, e) == "hier") {
      found = true;
      EXPECT_EQ(e.begin, 16u);
      EXPECT_EQ(e.cp_begin, 13u);
      EXPECT_EQ(e.cp_end, 17u);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(PipelineTest, ReaderErrorsComeBackAsStatuses) {
  AnnotateOptions options;
  options.path = "image.html";
  std::string gif = "GIF89a";
  gif += std::string("\x01\x00\x02\x03", 4);
  const auto doc = Annotate(gif, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(doc.status().message(), "image.html: binary data at byte 7, not a page");
  options.max_bytes = 10;
  const auto big = Annotate(std::string(100, 'a'), options);
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
}

TEST_F(PipelineTest, SharedByThreadsGivesTheSameDocuments) {
  AnnotateOptions options;
  options.path = "pont.html";
  const std::string expected = FormatDocumentJson(*Annotate(kPage, options), "p");
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        same[t] += FormatDocumentJson(*Annotate(kPage, options), "p") == expected;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(same[t], 20);
}

TEST_F(PipelineTest, ReadOnlySkipsTagging) {
  AnnotateOptions options;
  options.path = "pont.html";
  options.tag = false;
  const auto doc = Annotate(kPage, options);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->expressions.empty());
  EXPECT_TRUE(doc->sentences.empty());
  EXPECT_EQ(doc->language, "fr");
}

TEST_F(PipelineTest, AnnotateAllGivesWhatAnnotateGivesInOrderOnAnyNumberOfThreads) {
  // Distinct inputs (a page, texts with their own DCTs, one that fails) so
  // that a result landing at the wrong index shows.
  std::vector<std::string> texts;
  for (int day = 1; day <= 28; ++day) {
    texts.push_back("Le pont rouvrira samedi, a-t-on appris le " + std::to_string(day) + " mars.");
  }
  std::vector<AnnotateInput> inputs;
  for (size_t i = 0; i < texts.size(); ++i) {
    AnnotateInput in{texts[i], {}};
    in.options.kind = InputKind::kText;
    in.options.language = "fr";
    in.options.dct = DayTime{CivilDate{2024, 3, static_cast<int>(i) + 1}};
    inputs.push_back(in);
  }
  inputs.push_back({kPage, {}});
  inputs.back().options.path = "pont.html";
  const std::string bad = "Le pont \xff s'est effondré.";
  inputs.push_back({bad, {}});
  inputs.back().options.kind = InputKind::kText;
  inputs.back().options.path = "bad.txt";

  std::vector<std::string> expected;
  for (const AnnotateInput& in : inputs) {
    const auto doc = Annotate(in.bytes, in.options);
    expected.push_back(doc.ok() ? FormatDocumentJson(*doc, "x") : doc.status().message());
  }
  for (size_t threads : {1, 3, 0}) {
    const std::vector<StatusOr<AnnotatedDocument>> all = pipeline_->AnnotateAll(inputs, threads);
    ASSERT_EQ(all.size(), inputs.size());
    for (size_t i = 0; i < all.size(); ++i) {
      const std::string got =
          all[i].ok() ? FormatDocumentJson(*all[i], "x") : all[i].status().message();
      EXPECT_EQ(got, expected[i]) << "input " << i << " on " << threads << " threads";
    }
    EXPECT_EQ(all.back().status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(all.back().status().message(), "bad.txt: invalid UTF-8 at byte 8");
  }
  // Each input keeps its own DCT: "samedi" from Tuesday 2024-03-05.
  const auto two = pipeline_->AnnotateAll(inputs, 2);
  ASSERT_TRUE(two[4].ok());
  EXPECT_EQ(two[4]->expressions[0].value, "2024-03-09");
  EXPECT_TRUE(pipeline_->AnnotateAll({}, 4).empty());
}

TEST(PipelineReadOnlyTest, BuildsNoTaggerAndRefusesToTag) {
  PipelineOptions reading;
  reading.tagger = false;
  auto pipeline = Pipeline::Create(reading);
  ASSERT_TRUE(pipeline.ok());
  AnnotateOptions options;
  options.path = "pont.html";
  options.tag = false;
  const auto doc = (*pipeline)->Annotate(kPage, options);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->article.title, "Le pont rouvrira samedi");
  options.tag = true;
  EXPECT_EQ((*pipeline)->Annotate(kPage, options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dateline
