// A timeline of a corpus held by partitions (corpus_partition.h), none
// holding it all: the driver's side. The partitions' tallies are summed, the
// dates are ranked on the sums, the partitions are asked for their sentences
// on the dates the timeline reads, and BuildTimeline (timeline.h) runs on
// what was gathered, in memory (a TimelineStore). It is the same code as over
// one Corpus, given the same answers, so the timeline is the one a single
// store of the same articles, ingested in the same order, gives: same dates,
// sentences, sources and sentence ids.
//
//   DistributedTimeline t(catalog, options);        // PartitionPlanner::Catalog()
//   for (p...) t.AddTallies(partition_p.Tallies(options.filter));
//   for (;;) {
//     StatusOr<std::optional<Timeline>> built = t.Build();
//     if (!built.ok()) fail; if (*built) done;
//     std::string asked = t.Requests();             // to every partition
//     for (p...) t.AddSentences(partition_p.Sentences(asked, options.filter));
//   }
//
// The sentences of the shortlisted dates are asked for at once; a date of
// the shortlist with no usable sentence makes the timeline read one more
// date, which costs one more round. Not thread-safe.
#ifndef DATELINE_DISTRIBUTED_TIMELINE_H_
#define DATELINE_DISTRIBUTED_TIMELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "dateline/timeline.h"

namespace dateline {

class DistributedTimeline {
 public:
  // `catalog`: PartitionPlanner::Catalog(). `options.languages`, when set,
  // must outlive this object.
  DistributedTimeline(std::string_view catalog, const TimelineOptions& options);
  ~DistributedTimeline();
  DistributedTimeline(const DistributedTimeline&) = delete;
  DistributedTimeline& operator=(const DistributedTimeline&) = delete;

  // A partition's TimelinePartition::Tallies(options.filter), each once.
  // kInvalidArgument for a malformed blob (and for the catalog's).
  Status AddTallies(std::string_view tallies);

  // The timeline, or nullopt when it needs sentences not gathered yet (then
  // Requests() names them). Fails as BuildTimeline does.
  StatusOr<std::optional<Timeline>> Build();

  // What every partition must answer next (TimelinePartition::Sentences);
  // empty when nothing is pending.
  std::string Requests();
  // A partition's answer to the last Requests(), each partition once.
  Status AddSentences(std::string_view sentences);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_DISTRIBUTED_TIMELINE_H_
