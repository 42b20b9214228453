#include "eval/tls_baseline.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "dateline/calendar.h"

namespace dateline::eval {
namespace {

// Three years, the longest of them: a sentence dated further from its
// article is more likely a wrong year than a reference.
constexpr int64_t kWindowDays = 3 * 366;

bool ParseDay(std::string_view s, CivilDate& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(s.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(s.substr(8, 2)).c_str());
  if (!IsValidDate(y, m, d)) return false;
  out = {y, m, d};
  return true;
}

using Counts = std::unordered_map<std::string, double>;

Counts UnitCounts(const std::vector<std::string>& words) {
  Counts c;
  for (const auto& w : words) c[w] += 1;
  double n = 0;
  for (const auto& [w, x] : c) n += x * x;
  n = std::sqrt(n);
  for (auto& [w, x] : c) x /= n;
  return c;
}

double Dot(const Counts& a, const Counts& b) {
  const Counts& small = a.size() < b.size() ? a : b;
  const Counts& large = a.size() < b.size() ? b : a;
  double s = 0;
  for (const auto& [w, x] : small) {
    auto it = large.find(w);
    if (it != large.end()) s += x * it->second;
  }
  return s;
}

}  // namespace

TlsTimeline CountBaselineTimeline(const Corpus& corpus, const TlsSize& size,
                                  const TlsTokenizer& tok) {
  SentenceFilter all;
  all.include_boilerplate = true;
  std::map<CivilDate, std::vector<CorpusSentence>> by_day;
  for (CorpusSentence& s : corpus.Sentences(all)) {
    CivilDate day, published;
    if (s.weak_date || !ParseDay(s.date, day)) continue;
    if (ParseDay(s.article_published, published) &&
        std::llabs(ToDays(day) - ToDays(published)) > kWindowDays) {
      continue;
    }
    by_day[day].push_back(std::move(s));
  }
  std::vector<const std::pair<const CivilDate, std::vector<CorpusSentence>>*> days;
  for (const auto& entry : by_day) days.push_back(&entry);
  std::stable_sort(days.begin(), days.end(), [](const auto* a, const auto* b) {
    return a->second.size() > b->second.size();
  });
  if (days.size() > size.dates) days.resize(size.dates);
  TlsTimeline out;
  for (const auto* entry : days) {
    const std::vector<CorpusSentence>& sentences = entry->second;
    std::vector<Counts> vectors;
    Counts centroid;
    for (const CorpusSentence& s : sentences) {
      const std::vector<std::string> words = tok.Tokenize(s.text);
      vectors.push_back(words.empty() ? Counts() : UnitCounts(words));
      for (const auto& [w, x] : vectors.back()) centroid[w] += x;
    }
    std::vector<size_t> order(sentences.size());
    std::vector<double> score(sentences.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i, score[i] = Dot(vectors[i], centroid);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return score[a] > score[b]; });
    auto& picked = out[entry->first];
    for (size_t i = 0; i < order.size() && picked.size() < size.sentences; ++i) {
      picked.push_back(sentences[order[i]].text);
    }
  }
  return out;
}

}  // namespace dateline::eval
