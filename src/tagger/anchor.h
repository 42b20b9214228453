// Stage 2 of normalisation: turns the partials of one document, in text
// order, into TIMEX3 values anchored on the DCT (news) or on the dates the
// text gives (narratives). Language-independent.
#ifndef DATELINE_TAGGER_ANCHOR_H_
#define DATELINE_TAGGER_ANCHOR_H_

#include <memory>
#include <optional>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/partial.h"

namespace dateline {

class Anchorer;

// Anchors one document's partials, fed in text order in as many batches as
// the document was scanned in; the state (dates mentioned so far) carries
// over between batches, so partials need not be kept for the whole text.
class DocumentAnchor {
 public:
  DocumentAnchor(const std::optional<DayTime>& dct, AnchorMode mode);
  ~DocumentAnchor();
  // Appends to `out` the expressions of `partials` whose value is valid; a
  // partial that cannot produce a valid value is dropped. When `sources` is
  // not null, the index in `partials` of each expression appended is
  // appended to it (for the rule report's trace).
  void Anchor(const std::vector<Partial>& partials, std::vector<TimeExpression>& out,
              std::vector<size_t>* sources = nullptr);

 private:
  std::optional<CivilDate> DayNamedAfter(const std::vector<Partial>& partials, size_t i) const;
  bool IsExcursion(const std::vector<Partial>& partials, size_t i, int year) const;

  std::unique_ptr<Anchorer> anchorer_;
};

// Anchors a whole document's partials at once.
std::vector<TimeExpression> AnchorPartials(const std::vector<Partial>& partials,
                                           const std::optional<DayTime>& dct, AnchorMode mode);

}  // namespace dateline

#endif  // DATELINE_TAGGER_ANCHOR_H_
