// A corpus too large for one store, split into partitions that each hold
// some of its articles (in memory), with the decisions one Corpus holding
// them all would make: which articles are duplicates or near-duplicate
// copies (corpus.h), which ids articles and sentences get, which lines are
// page furniture. The partitions answer what a timeline reads
// (timeline_store.h) for their own articles; distributed_timeline.h sums
// and merges the answers.
//
// The rounds, with blobs (bytes) between them so that any transport (Dask,
// files) carries them:
//
//   partition p:  TimelinePartition part; part.Add(doc)...;  // input order
//                 blob digest_p = part.Digest();
//   driver:       PartitionPlanner planner;
//                 planner.AddDigest(digest_0), AddDigest(digest_1), ...;  // in order
//                 blob plan_p = planner.Plan(p);  catalog = planner.Catalog();
//   partition p:  part.ApplyPlan(plan_p);
//                 part.Tallies(filter), part.Sentences(requests, filter)
//
// The driver replays the store's decisions in input order from each
// article's digest (content hash, MinHash signature, sentence hashes: not
// its text), so that the ids, groups and boilerplate are those of one store
// ingesting the partitions one after the other, re-tagged content (the same
// text in another language) included: its sentences take new ids after the
// highest left, as SQLite gives them.
//
// Memory: a partition holds its articles' texts and sentence spans; the
// planner, per article, its MinHash signature, distinct sentence hashes and
// source (about a kilobyte for a news article: a gigabyte on the driver for
// a million articles, where the texts would take tens).
//
// Blobs are read only by the same build that wrote them. A TimelinePartition
// is not thread-safe; PartitionPlanner neither.
#ifndef DATELINE_CORPUS_PARTITION_H_
#define DATELINE_CORPUS_PARTITION_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/corpus.h"
#include "dateline/status.h"

namespace dateline {

class TimelinePartition {
 public:
  TimelinePartition();
  ~TimelinePartition();
  TimelinePartition(const TimelinePartition&) = delete;
  TimelinePartition& operator=(const TimelinePartition&) = delete;

  // Adds an article, as Corpus::Add would be given it, in input order.
  void Add(CorpusDocument doc);
  size_t size() const;

  // What the planner needs of each article, in order.
  std::string Digest() const;

  // Takes the planner's decisions for this partition (PartitionPlanner::Plan).
  // kInvalidArgument for a blob that does not fit this partition.
  Status ApplyPlan(std::string_view plan);
  bool planned() const;

  // Round one of a timeline, after ApplyPlan: the publication days and the
  // per-date sentence counts (as Corpus::PublicationDates and CountDates) of
  // this partition's canonical articles the filter covers. A malformed
  // full-text query is kInvalidArgument.
  StatusOr<std::string> Tallies(const SentenceFilter& filter) const;

  // Round two: for each request of `requests` (DistributedTimeline's
  // Requests()), the sentences of this partition that Corpus::SentencesOn
  // would give for it, in its order, at most its limit.
  StatusOr<std::string> Sentences(std::string_view requests, const SentenceFilter& filter) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

class PartitionPlanner {
 public:
  PartitionPlanner();
  ~PartitionPlanner();
  PartitionPlanner(const PartitionPlanner&) = delete;
  PartitionPlanner& operator=(const PartitionPlanner&) = delete;

  // The digest of the next partition (partitions in input order).
  // kInvalidArgument for a malformed blob.
  Status AddDigest(std::string_view digest);
  size_t partitions() const;

  // The decisions for partition `index` (after every AddDigest).
  std::string Plan(size_t index) const;

  // Every stored article (canonical ones and copies): id, canonical id and
  // source, for DistributedTimeline to name a sentence's sources.
  std::string Catalog() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_CORPUS_PARTITION_H_
