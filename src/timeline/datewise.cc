// Date selection and per-date sentence selection (DATEWISE).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "dateline/timeline.h"
#include "dateline/timeline_store.h"
#include "timeline/sentence_text.h"
#include "timeline/spread.h"
#include "timeline/terms.h"
#include "timeline/tuning.h"
#include "timeline/year_resolution.h"
#include "util/status_macros.h"

namespace dateline {
namespace {

using Vector = std::unordered_map<std::string, double>;

double Dot(const Vector& a, const Vector& b) {
  const Vector& small = a.size() < b.size() ? a : b;
  const Vector& large = a.size() < b.size() ? b : a;
  double s = 0;
  for (const auto& [k, v] : small) {
    auto it = large.find(k);
    if (it != large.end()) s += v * it->second;
  }
  return s;
}

void Normalize(Vector& v) {
  double n = 0;
  for (const auto& [k, x] : v) n += x * x;
  n = std::sqrt(n);
  if (n > 0) {
    for (auto& [k, x] : v) x /= n;
  }
}

struct Candidate {
  CorpusSentence sentence;
  std::vector<std::string> tokens;
  Vector vector;
  double score = 0;
};

// A candidate date, the stored dates that resolve to it, and its evidence.
struct DateChoice {
  CivilDate date;
  double score = 0;
  TimelineEvidence evidence;
  std::vector<TimexValue> stored;
};

// The terms of each language's sentences, made on first use.
class TermsByLanguage {
 public:
  explicit TermsByLanguage(const LanguageRegistry& languages) : languages_(languages) {}
  const Terms& For(const std::string& language) {
    auto it = terms_.find(language);
    if (it != terms_.end()) return *it->second;
    auto pack = languages_.Find(language);
    const LanguagePack& p = pack.ok() ? **pack : languages_.Neutral();
    return *terms_.emplace(language, std::make_unique<Terms>(p, false)).first->second;
  }

 private:
  const LanguageRegistry& languages_;
  std::map<std::string, std::unique_ptr<Terms>> terms_;
};

// True when `date` lies within the publication span of the articles,
// widened by `margin` days on both sides (always true when no article is
// dated or margin is negative).
bool InSpan(const CivilDate& date, const std::vector<CivilDate>& published, int margin) {
  if (published.empty() || margin < 0) return true;
  const int64_t d = ToDays(date);
  return d >= ToDays(published.front()) - margin && d <= ToDays(published.back()) + margin;
}

// Ranks dates: first those that sentences name explicitly, by the number of
// distinct articles doing so (per article, so that one live blog or comment
// thread repeating a date does not outweigh the rest; ties go to the earlier
// date), then dates known only as publication dates, by the number of
// articles published that day. A publication day thus always counts less
// than an explicit reference.
StatusOr<std::vector<DateChoice>> RankDates(const TimelineStore& corpus,
                                            const TimelineOptions& options) {
  DL_ASSIGN_OR_RETURN(const std::vector<CivilDate> published,
                      corpus.PublicationDates(options.filter));
  const std::optional<CivilDate> reference = MedianDay(published);
  DL_ASSIGN_OR_RETURN(const std::vector<DateCount> counts, corpus.CountDates(options.filter));
  std::map<CivilDate, DateChoice> by_date;
  for (const DateCount& c : counts) {
    const std::optional<CivilDate> date = ResolveYear(c.date, reference);
    if (!date) continue;
    if (options.filter.from && *date < *options.filter.from) continue;
    if (options.filter.to && *date > *options.filter.to) continue;
    if (!InSpan(*date, published, options.span_margin_days)) continue;
    DateChoice& choice = by_date[*date];
    choice.date = *date;
    choice.evidence.articles += c.strong_articles;
    choice.evidence.sentences += c.strong;
    choice.stored.push_back(c.date);
  }
  for (const CivilDate& day : published) {
    auto it = by_date.find(day);
    if (it != by_date.end()) ++it->second.evidence.published;
  }
  std::vector<DateChoice> ranked;
  for (auto& [date, choice] : by_date) {
    const TimelineEvidence& e = choice.evidence;
    choice.score = static_cast<double>(e.articles > 0 ? e.articles : e.published);
    ranked.push_back(std::move(choice));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const DateChoice& a, const DateChoice& b) {
    if ((a.evidence.articles > 0) != (b.evidence.articles > 0)) return a.evidence.articles > 0;
    return a.score > b.score;
  });
  for (size_t i = 0; i < ranked.size(); ++i) ranked[i].evidence.count_rank = i + 1;
  return ranked;
}

// Tokenises `sentences` into candidates (each in its own language's
// terms), leaving out those outside the token bounds.
void AddCandidates(std::vector<CorpusSentence> sentences, const TimelineTuning& tuning,
                   TermsByLanguage& terms, std::vector<Candidate>& out) {
  for (CorpusSentence& s : sentences) {
    Candidate c;
    c.tokens = terms.For(s.language).Of(s.text);
    if (c.tokens.size() < tuning.fallback_min_tokens || c.tokens.size() > tuning.max_tokens) {
      continue;
    }
    c.sentence = std::move(s);
    out.push_back(std::move(c));
  }
}

// Keeps the candidates of at least min_tokens when there are any.
void DropShort(std::vector<Candidate>& all, const TimelineTuning& tuning) {
  std::vector<Candidate> full;
  for (Candidate& c : all) {
    if (c.tokens.size() >= tuning.min_tokens) full.push_back(std::move(c));
  }
  if (!full.empty()) all = std::move(full);
}

StatusOr<std::vector<Candidate>> LoadCandidates(const TimelineStore& corpus,
                                                const TimelineOptions& options,
                                                const TimelineTuning& tuning,
                                                const DateChoice& choice, TermsByLanguage& terms) {
  std::vector<Candidate> all;
  for (const TimexValue& stored : choice.stored) {
    DL_ASSIGN_OR_RETURN(std::vector<CorpusSentence> sentences,
                        corpus.SentencesOn(stored, options.filter, tuning.max_candidates));
    AddCandidates(std::move(sentences), tuning, terms, all);
  }
  DropShort(all, tuning);
  return all;
}

// The first `tuning.next_day_leads` sentences of the articles published the
// day after `date` that name no day of their own.
StatusOr<std::vector<CorpusSentence>> NextDayLeads(const TimelineStore& corpus,
                                                   const TimelineOptions& options,
                                                   const TimelineTuning& tuning,
                                                   const CivilDate& date) {
  std::vector<CorpusSentence> leads;
  if (tuning.next_day_leads <= 0) return leads;
  SentenceFilter filter = options.filter;
  filter.max_position = tuning.next_day_leads;
  DL_ASSIGN_OR_RETURN(
      std::vector<CorpusSentence> next,
      corpus.SentencesOn(TimexValue::Day(AddDays(date, 1)), filter, tuning.max_candidates));
  for (CorpusSentence& s : next) {
    if (s.weak_date) leads.push_back(std::move(s));
  }
  return leads;
}

// Gives each candidate its TF-IDF vector (unit length) and adds it to
// `centroid`.
void Vectorize(std::vector<Candidate>& candidates, const std::unordered_map<std::string, int>& df,
               double documents, Vector& centroid) {
  for (Candidate& c : candidates) {
    for (const auto& t : c.tokens) c.vector[t] += 1.0;
    for (auto& [t, v] : c.vector) {
      auto it = df.find(t);
      const double d = it == df.end() ? 1.0 : it->second;
      v *= std::log((documents + 1.0) / d);
    }
    Normalize(c.vector);
    for (const auto& [t, v] : c.vector) centroid[t] += v;
  }
}

// Scores each candidate by cosine similarity to its date's centroid (what
// the date is about) plus similarity to the centroid of all dates (what the
// whole timeline is about, which keeps off-topic chatter out); sentences
// dated only by their article are discounted.
void ScoreByCentroid(std::vector<Candidate>& candidates, const Vector& topic,
                     const TimelineTuning& tuning) {
  Vector centroid;
  for (const Candidate& c : candidates) {
    for (const auto& [t, v] : c.vector) centroid[t] += v;
  }
  Normalize(centroid);
  for (Candidate& c : candidates) {
    c.score = (Dot(c.vector, centroid) + tuning.topic_weight * Dot(c.vector, topic)) *
              (c.sentence.weak_date ? tuning.weak_sentence_penalty : 1.0);
  }
}

// Greedy pick of the `k` best candidates: near-repeats of a picked one are
// dropped, and one from an article already picked competes discounted.
std::vector<const Candidate*> PickDiverse(const std::vector<Candidate>& candidates, size_t k,
                                          const TimelineTuning& tuning) {
  std::vector<const Candidate*> picked;
  std::vector<bool> gone(candidates.size(), false);
  while (picked.size() < k) {
    const Candidate* best = nullptr;
    double best_score = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (gone[i]) continue;
      const Candidate& c = candidates[i];
      bool same_article = false;
      for (const Candidate* p : picked) {
        if (p->sentence.text == c.sentence.text || Dot(p->vector, c.vector) > tuning.redundancy) {
          gone[i] = true;
          break;
        }
        if (p->sentence.article_id == c.sentence.article_id) same_article = true;
      }
      if (gone[i]) continue;
      const double score = c.score * (same_article ? tuning.same_article_penalty : 1.0);
      if (!best || score > best_score) best = &c, best_score = score;
    }
    if (!best) break;
    gone[static_cast<size_t>(best - candidates.data())] = true;
    picked.push_back(best);
  }
  return picked;
}

TimelineSource ToSource(const CorpusSource& s) { return {s.source, s.url, s.published, s.title}; }

StatusOr<std::vector<TimelineSource>> SourcesOf(
    const TimelineStore& corpus, int64_t article,
    std::map<int64_t, std::vector<TimelineSource>>& cache) {
  auto it = cache.find(article);
  if (it != cache.end()) return it->second;
  DL_ASSIGN_OR_RETURN(const CorpusArticle a, corpus.GetArticle(article));
  std::vector<TimelineSource> sources;
  sources.push_back(ToSource(a.origin));
  for (const auto& copy : a.copies) sources.push_back(ToSource(copy));
  cache[article] = sources;
  return sources;
}

// Mean, over the articles whose own sentences name the date, of how close
// the closest of them comes to the topic: high when every article speaks of
// the date in the timeline's terms, near 0 when it is named only by asides
// (a sidebar of other news, a different country's story). The topic is the
// sum of all candidate vectors, `topic_sum`, less the date's own: a date
// must resemble the others, not itself (which matters in small corpora).
double TopicShare(const std::vector<Candidate>& candidates, const Vector& topic_sum,
                  double topic_norm2) {
  // cos(c, T - O) from dot products, without copying the topic vector T
  // (the corpus vocabulary) for every date: O, the date's own sum, is small.
  Vector own;
  for (const Candidate& c : candidates) {
    for (const auto& [t, v] : c.vector) own[t] += v;
  }
  const double rest_norm =
      std::sqrt(std::max(0.0, topic_norm2 - 2 * Dot(topic_sum, own) + Dot(own, own)));
  if (rest_norm <= 0) return -1;
  std::map<int64_t, double> best;
  for (const Candidate& c : candidates) {
    if (c.sentence.weak_date) continue;
    double& b = best[c.sentence.article_id];
    b = std::max(b, (Dot(c.vector, topic_sum) - Dot(c.vector, own)) / rest_norm);
  }
  if (best.empty()) return -1;
  double sum = 0;
  for (const auto& [article, sim] : best) sum += sim;
  return sum / static_cast<double>(best.size());
}

// Re-ranks the shortlisted dates: explicit dates by the number of articles
// naming them times their topic share, relative to the shortlist's mean (a
// date named by five on-topic articles keeps about five), spread over
// events; then dates known only as publication days, as before. Sets each
// date's score and topic share; returns the order as indexes.
std::vector<size_t> RerankByTopic(std::vector<DateChoice>& dates,
                                  const std::vector<std::vector<Candidate>>& per_date,
                                  const Vector& topic_sum, const TimelineTuning& tuning) {
  std::vector<double> share(dates.size(), -1);
  const double topic_norm2 = Dot(topic_sum, topic_sum);
  double sum = 0, n = 0;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].evidence.articles == 0) continue;
    share[i] = TopicShare(per_date[i], topic_sum, topic_norm2);
    dates[i].evidence.topic_share = share[i];
    if (share[i] >= 0) sum += share[i], ++n;
  }
  const double mean = n > 0 ? sum / n : 1.0;
  for (size_t i = 0; i < dates.size(); ++i) {
    const double s = tuning.topic_rerank && share[i] >= 0 && mean > 0 ? share[i] / mean : 1.0;
    const TimelineEvidence& e = dates[i].evidence;
    dates[i].score =
        e.articles > 0 ? static_cast<double>(e.articles) * s : static_cast<double>(e.published);
  }
  std::vector<size_t> order(dates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const bool sa = dates[a].evidence.articles > 0, sb = dates[b].evidence.articles > 0;
    if (sa != sb) return sa;
    return dates[a].score > dates[b].score;
  });
  // Explicit dates are spread over events; publication days keep their
  // order after them.
  std::vector<size_t> strong, weak;
  for (size_t i : order) (dates[i].evidence.articles > 0 ? strong : weak).push_back(i);
  std::vector<int64_t> days;
  std::vector<double> scores;
  for (size_t i : strong) {
    days.push_back(ToDays(dates[i].date));
    scores.push_back(dates[i].score);
  }
  std::vector<size_t> out;
  for (size_t k : SpreadOverEvents(days, scores, tuning.neighbour_days, tuning.neighbour_penalty)) {
    out.push_back(strong[k]);
  }
  out.insert(out.end(), weak.begin(), weak.end());
  return out;
}

// The number of dates read for re-ranking (TimelineTuning::shortlist_factor).
size_t ShortlistSize(const TimelineOptions& options, const TimelineTuning& tuning) {
  return std::max(options.dates * tuning.shortlist_factor, options.dates + 10);
}

}  // namespace

StatusOr<Timeline> BuildTimeline(const Corpus& corpus, const TimelineOptions& options) {
  return BuildTimeline(CorpusTimelineStore(corpus), options, TimelineTuning{});
}

StatusOr<Timeline> BuildTimeline(const TimelineStore& store, const TimelineOptions& options) {
  return BuildTimeline(store, options, TimelineTuning{});
}

StatusOr<Timeline> BuildTimeline(const Corpus& corpus, const TimelineOptions& options,
                                 const TimelineTuning& tuning) {
  return BuildTimeline(CorpusTimelineStore(corpus), options, tuning);
}

StatusOr<std::vector<SentenceRead>> FirstSentenceReads(const TimelineStore& store,
                                                       const TimelineOptions& options,
                                                       const TimelineTuning& tuning) {
  DL_ASSIGN_OR_RETURN(const std::vector<DateChoice> ranked, RankDates(store, options));
  const size_t shortlist = std::min(ranked.size(), ShortlistSize(options, tuning));
  std::vector<SentenceRead> reads;
  for (size_t i = 0; i < shortlist; ++i) {
    for (const TimexValue& stored : ranked[i].stored) {
      reads.push_back({stored, options.filter.max_position, tuning.max_candidates});
    }
  }
  if (tuning.next_day_leads > 0) {
    for (size_t i = 0; i < shortlist; ++i) {
      reads.push_back({TimexValue::Day(AddDays(ranked[i].date, 1)), tuning.next_day_leads,
                       tuning.max_candidates});
    }
  }
  return reads;
}

StatusOr<Timeline> BuildTimeline(const TimelineStore& corpus, const TimelineOptions& options,
                                 const TimelineTuning& tuning) {
  Timeline timeline;
  timeline.title = options.filter.query.empty() ? "Timeline" : options.filter.query;
  TermsByLanguage terms(options.languages ? *options.languages : LanguageRegistry::BuiltIn());
  // A shortlist of dates in count order, each with sentences to show; the
  // counts alone cannot tell a date the story turns on from one named by
  // page debris, so the shortlist is re-ranked by topic below.
  const size_t shortlist = ShortlistSize(options, tuning);
  std::vector<DateChoice> dates;
  std::vector<std::vector<Candidate>> per_date;
  std::unordered_map<std::string, int> df;
  double documents = 0;
  DL_ASSIGN_OR_RETURN(std::vector<DateChoice> ranked, RankDates(corpus, options));
  for (DateChoice& d : ranked) {
    if (dates.size() >= shortlist) break;
    DL_ASSIGN_OR_RETURN(std::vector<Candidate> candidates,
                        LoadCandidates(corpus, options, tuning, d, terms));
    if (candidates.empty()) continue;
    dates.push_back(std::move(d));
    per_date.push_back(std::move(candidates));
    for (const Candidate& c : per_date.back()) {
      std::vector<std::string> unique = c.tokens;
      std::sort(unique.begin(), unique.end());
      unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
      for (const auto& t : unique) ++df[t];
      ++documents;
    }
  }
  Vector topic;
  for (auto& candidates : per_date) Vectorize(candidates, df, documents, topic);
  {
    std::vector<DateChoice> kept_dates;
    std::vector<std::vector<Candidate>> kept;
    for (size_t i : RerankByTopic(dates, per_date, topic, tuning)) {
      if (kept_dates.size() >= options.dates) break;
      kept_dates.push_back(std::move(dates[i]));
      kept.push_back(std::move(per_date[i]));
    }
    dates = std::move(kept_dates);
    per_date = std::move(kept);
  }
  Normalize(topic);
  std::map<int64_t, std::vector<TimelineSource>> source_cache;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (tuning.next_day_leads > 0) {
      std::vector<Candidate> leads;
      DL_ASSIGN_OR_RETURN(std::vector<CorpusSentence> next,
                          NextDayLeads(corpus, options, tuning, dates[i].date));
      AddCandidates(std::move(next), tuning, terms, leads);
      DropShort(leads, tuning);
      Vector unused;
      Vectorize(leads, df, documents, unused);
      for (Candidate& c : leads) per_date[i].push_back(std::move(c));
    }
    ScoreByCentroid(per_date[i], topic, tuning);
    TimelineDate entry;
    entry.date = dates[i].date;
    entry.score = dates[i].score;
    entry.evidence = dates[i].evidence;
    for (const Candidate* c : PickDiverse(per_date[i], options.sentences, tuning)) {
      TimelineSentence s;
      s.sentence_id = c->sentence.id;
      s.text = std::string(DisplayText(c->sentence.text));
      s.weak_date = c->sentence.weak_date;
      DL_ASSIGN_OR_RETURN(s.sources, SourcesOf(corpus, c->sentence.article_id, source_cache));
      entry.sentences.push_back(std::move(s));
    }
    if (!entry.sentences.empty()) timeline.dates.push_back(std::move(entry));
  }
  std::sort(timeline.dates.begin(), timeline.dates.end(),
            [](const TimelineDate& a, const TimelineDate& b) { return a.date < b.date; });
  return timeline;
}

}  // namespace dateline
