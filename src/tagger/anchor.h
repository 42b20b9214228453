// Stage 2 of normalisation: turns the partials of one document, in text
// order, into TIMEX3 values anchored on the DCT (news) or on the dates the
// text gives (narratives). Language-independent.
#ifndef DATELINE_TAGGER_ANCHOR_H_
#define DATELINE_TAGGER_ANCHOR_H_

#include <optional>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/partial.h"

namespace dateline {

// Anchors `partials` (sorted by position) and returns the expressions whose
// value is valid; a partial that cannot produce a valid value is dropped.
std::vector<TimeExpression> AnchorPartials(const std::vector<Partial>& partials,
                                           const std::optional<Dct>& dct, AnchorMode mode);

}  // namespace dateline

#endif  // DATELINE_TAGGER_ANCHOR_H_
