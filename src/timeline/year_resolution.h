// Years for day references of undated articles ("XXXX-04-05").
#ifndef DATELINE_TIMELINE_YEAR_RESOLUTION_H_
#define DATELINE_TIMELINE_YEAR_RESOLUTION_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// The middle element of sorted "YYYY-MM-DD" days, or empty.
std::string MedianDay(const std::vector<std::string>& sorted_days);

// Returns `date` unchanged when its year is known. For "XXXX-MM-DD" picks the
// year that puts the day closest to `reference` ("YYYY-MM-DD"); returns empty
// when there is no reference or no such valid day.
std::string ResolveYear(std::string_view date, std::string_view reference);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_YEAR_RESOLUTION_H_
