// Day-level dates of expressions and articles, as stored in the corpus.
#ifndef DATELINE_CORPUS_DATING_H_
#define DATELINE_CORPUS_DATING_H_

#include <string>
#include <string_view>

#include "dateline/tagger.h"

namespace dateline {

// "YYYY-MM-DD" for a DATE or TIME expression that names one day (with or
// without a time of day), "XXXX-MM-DD" when only the year is missing, else
// empty. Expressions with a mod other than APPROX are not day references.
std::string ExpressionDay(const TimeExpression& e);

// The "YYYY-MM-DD" prefix of a valid TIMEX3 day value ("2023-02-25T14:15"),
// else empty.
std::string DayOf(std::string_view value);

}  // namespace dateline

#endif  // DATELINE_CORPUS_DATING_H_
