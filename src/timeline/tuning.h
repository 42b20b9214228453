// The constants of date and sentence selection, in one place, so that the
// evaluation can try other values under leave-one-topic-out (see
// eval/tls_loto.h) and report every held-back score. The defaults are what
// BuildTimeline ships: each one is either a cost bound (said so) or the
// value leave-one-topic-out chooses on all eight dev topics, with the
// held-back scores of the choice in tests/timeline_data_test.cc.
#ifndef DATELINE_TIMELINE_TUNING_H_
#define DATELINE_TIMELINE_TUNING_H_

#include <cstddef>
#include <cstdint>

#include "dateline/corpus.h"
#include "dateline/timeline.h"
#include "dateline/timeline_store.h"

namespace dateline {

struct TimelineTuning {
  // --- Dates.
  // Dates read for re-ranking: this many times the dates asked for (at
  // least ten more). A cost bound: the re-ranked order of the top dates is
  // the same for 1 to 10 times l on the dev topics, and every shortlisted
  // date costs one query and its sentences' vectors.
  size_t shortlist_factor = 3;
  // Whether explicit dates are ranked by the articles naming them times
  // their topic share (how closely those articles' sentences about the date
  // match the other dates'), rather than by the articles alone.
  bool topic_rerank = true;
  // A date already taken within `neighbour_days` of a candidate divides its
  // score by 1 + penalty (see timeline/spread.h): the day after an event
  // usually reports the same event.
  int64_t neighbour_days = 1;
  double neighbour_penalty = 0.3;

  // --- Sentences.
  // Sentences read per date: enough to find its centre and its topic share,
  // few enough that a date named by thousands of articles stays cheap. A
  // cost bound.
  size_t max_candidates = 150;
  // Token counts (words of the metric: function words dropped) outside
  // which a sentence is a fragment, caption or run-on debris; when no
  // sentence of a date reaches min_tokens, shorter ones down to
  // fallback_min_tokens are taken.
  size_t min_tokens = 8;
  size_t max_tokens = 30;
  size_t fallback_min_tokens = 3;
  // Weight of a sentence's similarity to the whole timeline against that to
  // its date's centre.
  double topic_weight = 10.0;
  // Score factors: a sentence dated only by its article; a second sentence
  // from an article already picked for the date. Both are 1 (none): what the
  // eight topics choose with the current reader and tagger; the search still
  // tries 0.8 and 0.5. The sentence constants are the least settled: with
  // the site's headline lists gone from the French pages, the eight topics
  // choose topic_weight 10, no weak-sentence penalty and redundancy 0.3,
  // where before they chose 1, 0.8 and 0.5; the folds choose 1, 3 and 10,
  // and their held-back effect on AR1 is within a few thousandths either
  // way. (A penalty on questions, exclamations, tweets and links went: seven
  // folds of eight chose it off, and the eighth scored higher held back
  // without it.)
  double weak_sentence_penalty = 1.0;
  double same_article_penalty = 1.0;
  // A sentence this close (TF-IDF cosine) to one already picked for its
  // date is a near-repeat.
  double redundancy = 0.3;
  // The first this many sentences of articles published the day after a
  // date, when they name no day of their own, are candidates for the date
  // too: news of the next morning leads with the day before (DATEWISE's
  // "publication" sentences). 0 leaves them out.
  int next_day_leads = 3;
};

// BuildTimeline with other constants.
StatusOr<Timeline> BuildTimeline(const Corpus& corpus, const TimelineOptions& options,
                                 const TimelineTuning& tuning);
StatusOr<Timeline> BuildTimeline(const TimelineStore& store, const TimelineOptions& options,
                                 const TimelineTuning& tuning);

// One read BuildTimeline makes of a store: the sentences stored on `date`
// among the first `max_position` of their article (0: any), at most `limit`.
struct SentenceRead {
  TimexValue date;
  int max_position = 0;
  size_t limit = 0;
};

// The reads BuildTimeline makes first, from one ranking of the dates: the
// stored dates of the shortlist, in rank order, and, when it reads next-day
// leads, the days after them. A store that gathers sentences on demand
// (distributed_timeline.h) fetches these in one round before the first
// attempt, rather than one round a date.
StatusOr<std::vector<SentenceRead>> FirstSentenceReads(const TimelineStore& store,
                                                       const TimelineOptions& options,
                                                       const TimelineTuning& tuning);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_TUNING_H_
