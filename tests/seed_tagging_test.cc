// The four scraped seed articles of ../shared/data/seeds, tagged with their
// publication dates, against gold we wrote by reading them: every listed
// expression must be found with its value, and the listed false alarms must
// not be. Skips when the shared data is not there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "dateline/tagger.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct SeedGold {
  const char* prefix;  // file name prefix in seeds/
  const char* dct;
  std::vector<std::pair<std::string, std::string>> expected;  // text, value
  std::vector<std::string> not_expressions;
};

const std::vector<SeedGold>& Gold() {
  static const std::vector<SeedGold> gold = {
      {"001_",
       "2023-02-25",
       {{"la semaine prochaine", "2023-W09"},
        {"28 février", "2023-02-28"},
        {"2 mars", "2023-03-02"},
        {"samedi", "2023-02-25"},
        {"septembre dernier", "2022-09"},
        {"ce mois-ci", "2023-02"},
        {"vendredi", "2023-02-24"},
        {"1991", "1991"},
        {"début avril", "2023-04"}},
       {}},
      {"002_",
       "2023-03-31",
       {{"2023-03-31", "2023-03-31"}, {"2 jours", "P2D"}, {"60 ans", "P60Y"}},
       {"00:28:48", "2084"}},
      {"003_",
       "2023-02-25T14:15",
       {{"25/02/2023", "2023-02-25"},
        {"25 février", "2023-02-25"},
        {"samedi", "2023-02-25"},
        {"la veille", "2023-02-24"},
        {"hier soir", "2023-02-24TEV"},
        {"2020", "2020"},
        {"cette semaine", "2023-W08"},
        {"mardi", "2023-02-28"},
        {"trois jours", "P3D"},
        {"vendredi", "2023-02-24"}},
       {"nouvellement"}},
      {"004_",
       "2023-04-05",
       {{"mercredi 5 avril", "2023-04-05"},
        {"deux jours", "P2D"},
        {"la semaine dernière", "2023-W13"},
        {"Le mois dernier", "2023-03"},
        {"demain", "2023-04-06"},
        {"février 2022", "2022-02"}},
       {}},
  };
  return gold;
}

fs::path SeedsDir() {
  const char* shared = std::getenv("DATELINE_SHARED");
  return fs::path(shared ? shared : DATELINE_SOURCE_DIR "/../shared") / "data" / "seeds";
}

std::string ReadSeed(const char* prefix) {
  for (const auto& entry : fs::directory_iterator(SeedsDir())) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      return buffer.str();
    }
  }
  return "";
}

TEST(SeedTaggingTest, SeedArticlesComeOutRight) {
  if (!fs::is_directory(SeedsDir())) {
    GTEST_SKIP() << "no seed articles at " << SeedsDir() << " (../shared/data is not here)";
  }
  auto tagger = Tagger::Create();
  for (const SeedGold& seed : Gold()) {
    const std::string text = ReadSeed(seed.prefix);
    ASSERT_FALSE(text.empty()) << seed.prefix;
    TagOptions options;
    options.language = "fr";
    options.dct = ParseDayTime(seed.dct);
    std::set<std::pair<std::string, std::string>> found;
    const auto tagged = tagger->Tag(text, options);
    ASSERT_TRUE(tagged.ok()) << tagged.status().message();
    for (const TimeExpression& e : *tagged) {
      found.emplace(text.substr(e.begin, e.end - e.begin), e.value);
    }
    for (const auto& [expression, value] : seed.expected) {
      EXPECT_TRUE(found.count({expression, value}))
          << seed.prefix << ": expected \"" << expression << "\" = " << value;
    }
    for (const std::string& wrong : seed.not_expressions) {
      for (const auto& [expression, value] : found) {
        EXPECT_NE(expression, wrong) << seed.prefix << ": false alarm \"" << wrong << "\"";
      }
    }
  }
}

}  // namespace
}  // namespace dateline
