#include "timeline/year_resolution.h"

#include <cstdlib>
#include <limits>

namespace dateline {

std::optional<CivilDate> MedianDay(const std::vector<CivilDate>& sorted_days) {
  if (sorted_days.empty()) return std::nullopt;
  return sorted_days[sorted_days.size() / 2];
}

std::optional<CivilDate> ResolveYear(const TimexValue& day,
                                     const std::optional<CivilDate>& reference) {
  if (auto date = day.date()) return date;
  if (day.year_text() != "XXXX" || day.month() < 1 || day.day() < 1 || !reference) {
    return std::nullopt;
  }
  int64_t best_distance = std::numeric_limits<int64_t>::max();
  std::optional<CivilDate> best;
  for (int year = reference->year - 1; year <= reference->year + 1; ++year) {
    if (!IsValidDate(year, day.month(), day.day())) continue;
    const CivilDate candidate{year, day.month(), day.day()};
    const int64_t distance = std::llabs(ToDays(candidate) - ToDays(*reference));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace dateline
