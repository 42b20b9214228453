#include "eval/tls_baseline.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "dateline/calendar.h"
#include "util/status_macros.h"

namespace dateline::eval {
namespace {

// Three years, the longest of them: a sentence dated further from its
// article is more likely a wrong year than a reference.
constexpr int64_t kWindowDays = 3 * 366;

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

StatusOr<TlsTimeline> CountBaselineTimeline(const Corpus& corpus, const TlsSize& size,
                                            const TlsTokenizer& tok) {
  SentenceFilter all;
  all.include_boilerplate = true;
  DL_ASSIGN_OR_RETURN(std::vector<CorpusSentence> stored, corpus.Sentences(all));
  std::map<CivilDate, std::vector<CorpusSentence>> by_day;
  for (CorpusSentence& s : stored) {
    const std::optional<CivilDate> day = s.date.date();
    if (s.weak_date || !day) continue;
    if (s.article_published &&
        std::llabs(ToDays(*day) - ToDays(*s.article_published)) > kWindowDays) {
      continue;
    }
    by_day[*day].push_back(std::move(s));
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
