// The day a temporal expression names, for dating sentences.
#ifndef DATELINE_PIPELINE_DATING_H_
#define DATELINE_PIPELINE_DATING_H_

#include <optional>

#include "dateline/tagger.h"
#include "dateline/timex.h"

namespace dateline {

// The day-level point a DATE or TIME expression names (with or without a
// time of day): "2023-02-25", or "XXXX-02-25" when only the year is missing.
// nullopt for anything coarser or vaguer; expressions with a mod other than
// APPROX are not day references.
std::optional<TimexValue> ExpressionDay(const TimeExpression& e);

}  // namespace dateline

#endif  // DATELINE_PIPELINE_DATING_H_
