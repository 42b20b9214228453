// Date selection that prefers the next event to the day after the last.
#ifndef DATELINE_TIMELINE_SPREAD_H_
#define DATELINE_TIMELINE_SPREAD_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dateline {

// Orders dates (given as day numbers, with their scores) greedily: each
// step takes the date of highest score divided by 1 + `penalty` for every
// date already taken within `window` days of it. The day of an event and the
// day after usually report the same event; a timeline wants the next event
// more than the same one again, unless the neighbour is clearly better
// attested. With `penalty` 0 this is the order of the scores (ties keep the
// input order). Returns indexes into `days`.
std::vector<size_t> SpreadOverEvents(const std::vector<int64_t>& days,
                                     const std::vector<double>& scores, int64_t window,
                                     double penalty);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_SPREAD_H_
