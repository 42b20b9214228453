// Years for day references of undated articles ("XXXX-04-05").
#ifndef DATELINE_TIMELINE_YEAR_RESOLUTION_H_
#define DATELINE_TIMELINE_YEAR_RESOLUTION_H_

#include <optional>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/timex.h"

namespace dateline {

// The middle element of sorted days, or nullopt when there are none.
std::optional<CivilDate> MedianDay(const std::vector<CivilDate>& sorted_days);

// The day of a day-level point: itself when its year is known; for
// "XXXX-MM-DD" the year that puts the day closest to `reference`. nullopt
// when there is no reference, or the point is no day.
std::optional<CivilDate> ResolveYear(const TimexValue& day,
                                     const std::optional<CivilDate>& reference);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_YEAR_RESOLUTION_H_
