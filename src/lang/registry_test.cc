#include <gtest/gtest.h>
#include <re2/re2.h>

#include "dateline/language.h"

namespace dateline {
namespace {

TEST(LanguageRegistryTest, BuiltInPacksLoadWithTheirWords) {
  const LanguageRegistry& languages = LanguageRegistry::BuiltIn();
  EXPECT_EQ(languages.TaggableCodes(), (std::vector<std::string>{"en", "fr"}));
  const LanguagePack& fr = **languages.Find("fr");
  EXPECT_EQ(fr.name(), "French");
  EXPECT_EQ(fr.stemmer(), "french");
  EXPECT_TRUE(fr.IsStopWord("était"));
  EXPECT_FALSE(fr.IsStopWord("pont"));
  EXPECT_TRUE(fr.IsAbbreviation("mme"));
  EXPECT_TRUE(fr.has_tagger_rules());
  const LanguagePack& de = **languages.Find("de");
  EXPECT_FALSE(de.has_tagger_rules());
  bool maerz = false;
  for (const MonthName& m : de.month_names()) maerz |= m.name == "märz" && m.month == 3;
  EXPECT_TRUE(maerz);
}

TEST(LanguageRegistryTest, EveryBuiltInDebrisPatternCompiles) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  size_t patterns = 0;
  for (const LanguagePack& pack : LanguageRegistry::BuiltIn().packs()) {
    for (const DebrisPattern& d : pack.debris()) {
      RE2 re(d.pattern, options);
      EXPECT_TRUE(re.ok()) << pack.code() << ": " << d.pattern << ": " << re.error();
      ++patterns;
    }
  }
  EXPECT_GT(patterns, 20u);
}

TEST(LanguageRegistryTest, UnknownLanguageIsAnErrorNamingTheKnownOnes) {
  const auto pack = LanguageRegistry::BuiltIn().Find("xx");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(pack.status().message().find("unknown language 'xx' (known: de, en, es, fr"),
            std::string::npos)
      << pack.status().message();
  // Codes are exact: no case folding into a silently different pack.
  EXPECT_FALSE(LanguageRegistry::BuiltIn().Find("FR").ok());
  const auto untagged = LanguageRegistry::BuiltIn().FindTaggable("it");
  ASSERT_FALSE(untagged.ok());
  EXPECT_NE(untagged.status().message().find("no tagger rules for language 'it'"),
            std::string::npos);
}

TEST(LanguageRegistryTest, NeutralPackKnowsNoWords) {
  const auto und = LanguageRegistry::BuiltIn().Find("und");
  ASSERT_TRUE(und.ok());
  EXPECT_EQ((*und)->code(), "und");
  EXPECT_FALSE((*und)->IsStopWord("the"));
  EXPECT_FALSE((*und)->has_tagger_rules());
}

TEST(LanguageRegistryTest, PackErrorsNameFileAndLine) {
  auto bad = LanguageRegistry::FromFiles({{"xx/pack.txt", "name X\n\n[months]\n13 smarch\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "xx/pack.txt:4: expected a month number 1..12 and its names");
  bad = LanguageRegistry::FromFiles({{"xx/pack.txt", "name X\n[colours]\nred\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("xx/pack.txt:2: unknown section [colours]"),
            std::string::npos)
      << bad.status().message();
  bad = LanguageRegistry::FromFiles({{"xx/pack.txt", "name X\n[debris]\nkeep this\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("xx/pack.txt:3"), std::string::npos);
}

TEST(LanguageRegistryTest, AMonthNameMeansOneMonthAcrossPacks) {
  const auto clash = LanguageRegistry::FromFiles(
      {{"aa/pack.txt", "name A\n[months]\n3 mar\n"}, {"bb/pack.txt", "name B\n[months]\n5 mar\n"}});
  ASSERT_FALSE(clash.ok());
  EXPECT_NE(clash.status().message().find("'mar' is month 3"), std::string::npos)
      << clash.status().message();
  const auto same = LanguageRegistry::FromFiles(
      {{"aa/pack.txt", "name A\n[months]\n3 mar\n"}, {"bb/pack.txt", "name B\n[months]\n3 mar\n"}});
  EXPECT_TRUE(same.ok());
}

TEST(LanguageRegistryTest, AFolderOfRulesAloneIsAPackNamedByItsCode) {
  const auto languages = LanguageRegistry::FromFiles({{"xx/a.rules", "# rules\n"}});
  ASSERT_TRUE(languages.ok()) << languages.status().message();
  const LanguagePack& xx = **(*languages)->Find("xx");
  EXPECT_EQ(xx.name(), "xx");
  EXPECT_TRUE(xx.has_tagger_rules());
  EXPECT_FALSE(LanguageRegistry::FromFiles({{"Fr/a.rules", ""}}).ok());  // not an ISO code
}

}  // namespace
}  // namespace dateline
