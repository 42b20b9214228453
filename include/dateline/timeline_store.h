// What a timeline reads: the four questions BuildTimeline (timeline.h) asks
// of the articles it summarises. A Corpus answers them from its SQLite store
// (CorpusTimelineStore); a corpus split into partitions, none holding it all,
// answers them from the partitions' tallies and sentences gathered in memory
// (distributed_timeline.h). BuildTimeline is the same code over both, so two
// stores that give the same answers give the same timeline.
//
// The answers must be deterministic: a timeline is only as reproducible as
// the order of the sentences it is offered.
#ifndef DATELINE_TIMELINE_STORE_H_
#define DATELINE_TIMELINE_STORE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/corpus.h"
#include "dateline/status.h"
#include "dateline/timex.h"

namespace dateline {

class TimelineStore {
 public:
  virtual ~TimelineStore() = default;

  // The publication days of the canonical articles `filter` covers (its
  // query and language; not its date range), sorted, with repeats; undated
  // articles are left out.
  virtual StatusOr<std::vector<CivilDate>> PublicationDates(const SentenceFilter& filter) const = 0;
  // Per stored date ("2023-02-25", "XXXX-02-25"), in the order of that text,
  // the sentences `filter` covers, boilerplate left out (as
  // Corpus::CountDates).
  virtual StatusOr<std::vector<DateCount>> CountDates(const SentenceFilter& filter) const = 0;
  // The sentences dated `date` that `filter` covers: strong ones first, then
  // by article id, then by sentence id; at most `limit` (0: all). As
  // Corpus::SentencesOn.
  virtual StatusOr<std::vector<CorpusSentence>> SentencesOn(const TimexValue& date,
                                                            const SentenceFilter& filter,
                                                            size_t limit) const = 0;
  // The article `article_id` (a CorpusSentence::article_id) with its copies
  // in id order; kNotFound when none.
  virtual StatusOr<CorpusArticle> GetArticle(int64_t article_id) const = 0;
};

// A Corpus as a TimelineStore. `corpus` must outlive this object; not
// thread-safe, as the Corpus itself.
class CorpusTimelineStore : public TimelineStore {
 public:
  explicit CorpusTimelineStore(const Corpus& corpus) : corpus_(corpus) {}

  StatusOr<std::vector<CivilDate>> PublicationDates(const SentenceFilter& filter) const override {
    return corpus_.PublicationDates(filter);
  }
  StatusOr<std::vector<DateCount>> CountDates(const SentenceFilter& filter) const override {
    return corpus_.CountDates(filter);
  }
  StatusOr<std::vector<CorpusSentence>> SentencesOn(const TimexValue& date,
                                                    const SentenceFilter& filter,
                                                    size_t limit) const override {
    return corpus_.SentencesOn(date, filter, limit);
  }
  StatusOr<CorpusArticle> GetArticle(int64_t article_id) const override {
    return corpus_.GetArticle(article_id);
  }

 private:
  const Corpus& corpus_;
};

}  // namespace dateline

#endif  // DATELINE_TIMELINE_STORE_H_
