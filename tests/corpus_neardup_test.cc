// Near-duplicate grouping on a generated set: reprints with light edits, cut
// paragraphs and changed headlines, mixed with distinct articles on the same
// topic (same vocabulary). Pairwise precision and recall must reach 0.95.
#include <gtest/gtest.h>

#include <random>

#include "dateline/corpus.h"

namespace dateline {
namespace {

// A shared topic vocabulary, so that distinct articles share most words.
const std::vector<std::string> kWords = {
    "gouvernement", "ministre",   "président",     "armée",        "manifestants",
    "capitale",     "accord",     "élections",     "opposition",   "réforme",
    "crise",        "frontière",  "sanctions",     "négociations", "sommet",
    "parlement",    "vote",       "police",        "rue",          "place",
    "ville",        "région",     "conflit",       "troupes",      "cessez-le-feu",
    "aide",         "réfugiés",   "économie",      "inflation",    "budget",
    "déclaration",  "conférence", "délégation",    "ambassade",    "victimes",
    "blessés",      "tirs",       "rassemblement", "grève",        "syndicats",
    "juges",        "tribunal",   "constitution",  "décret",       "le",
    "la",           "les",        "des",           "du",           "a",
    "ont",          "dans",       "pour",          "avec",         "sur",
    "après",        "et"};

std::string Sentence(std::mt19937& rng) {
  std::uniform_int_distribution<size_t> word(0, kWords.size() - 1), len(10, 18);
  std::string s;
  const size_t n = len(rng);
  for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + kWords[word(rng)];
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s + ".";
}

struct Generated {
  CorpusDocument doc;
  int group;
};

std::vector<std::string> Paragraphs(std::mt19937& rng, int count) {
  std::vector<std::string> out;
  for (int p = 0; p < count; ++p)
    out.push_back(Sentence(rng) + " " + Sentence(rng) + " " + Sentence(rng));
  return out;
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) out += p + "\n\n";
  return out;
}

// Changes about one word in 25 and some punctuation.
std::string LightEdit(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 24);
  std::uniform_int_distribution<size_t> word(0, kWords.size() - 1);
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string w = text.substr(start, end - start);
    if (pick(rng) == 0 && w.find('.') == std::string::npos && w.find('\n') == std::string::npos) {
      w = kWords[word(rng)];
    }
    out += w;
    if (end < text.size()) out += ' ';
    start = end + 1;
  }
  return out;
}

std::vector<Generated> Generate() {
  std::mt19937 rng(20230225);
  std::vector<Generated> out;
  for (int g = 0; g < 60; ++g) {
    const std::vector<std::string> paragraphs = Paragraphs(rng, 6);
    auto add = [&](const std::string& title, const std::string& text) {
      CorpusDocument d;
      d.source = "g" + std::to_string(g) + "_" + std::to_string(out.size());
      d.title = title;
      d.text = text;
      d.language = "fr";
      out.push_back({d, g});
    };
    add("Article " + std::to_string(g), Join(paragraphs));
    if (g % 3 == 0) continue;  // a third have no copies
    add("Article " + std::to_string(g), LightEdit(Join(paragraphs), rng));  // reprint, edits
    std::vector<std::string> cut(paragraphs.begin(), paragraphs.begin() + 4);
    add("Reprise : article " + std::to_string(g), Join(cut));  // cut paragraphs, new headline
    if (g % 2 == 0) {
      std::vector<std::string> mixed = paragraphs;
      mixed.erase(mixed.begin() + 1);
      add("Autre titre " + std::to_string(g), LightEdit(Join(mixed), rng));  // all at once
    }
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

TEST(CorpusNearDuplicateTest, PrecisionAndRecallOnGeneratedReprints) {
  const std::vector<Generated> set = Generate();
  auto corpus = std::move(Corpus::Open(":memory:")).value();
  std::vector<int64_t> canonical;
  for (const auto& g : set) {
    const auto added = corpus->Add(g.doc);
    ASSERT_TRUE(added.ok()) << added.status().message();
    const AddResult r = *added;
    ASSERT_NE(r.outcome, AddOutcome::kDuplicate);
    canonical.push_back(r.canonical_id);
  }
  int tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < set.size(); ++i) {
    for (size_t j = i + 1; j < set.size(); ++j) {
      const bool truth = set[i].group == set[j].group;
      const bool predicted = canonical[i] == canonical[j];
      tp += truth && predicted;
      fp += !truth && predicted;
      fn += truth && !predicted;
    }
  }
  ASSERT_GT(tp, 0);
  const double precision = double(tp) / (tp + fp), recall = double(tp) / (tp + fn);
  std::printf("near-duplicates: %zu articles, pairs tp %d fp %d fn %d, P %.3f R %.3f\n", set.size(),
              tp, fp, fn, precision, recall);
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

}  // namespace
}  // namespace dateline
