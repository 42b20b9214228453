// The count baseline every timeline figure is reported beside
// (EVALUATION.md §0): each sentence is dated by its first day-level
// expression when that day lies within three years of its article's
// publication date; days are ranked by the number of sentences so dated;
// the top l are kept, and for each the k sentences nearest (cosine of word
// counts) to the centroid of that day's sentences. Naive on purpose: no
// article weighting, no length limits, boilerplate included.
#ifndef DATELINE_EVAL_TLS_BASELINE_H_
#define DATELINE_EVAL_TLS_BASELINE_H_

#include "dateline/corpus.h"
#include "dateline/status.h"
#include "eval/tls.h"

namespace dateline::eval {

// Builds the baseline timeline of `size` (l dates, k sentences) from the
// stored sentences and dates of `corpus`; `tok` gives the words (the
// metric's tokens: lower case, function words dropped). Ties go to the
// earlier day, then to the sentence stored first.
// Fails with the store's errors.
StatusOr<TlsTimeline> CountBaselineTimeline(const Corpus& corpus, const TlsSize& size,
                                            const TlsTokenizer& tok);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_TLS_BASELINE_H_
