#include "timeline/year_resolution.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

#include "dateline/calendar.h"

namespace dateline {
namespace {

int Number(std::string_view s) { return std::atoi(std::string(s).c_str()); }

}  // namespace

std::string MedianDay(const std::vector<std::string>& sorted_days) {
  if (sorted_days.empty()) return "";
  return sorted_days[sorted_days.size() / 2];
}

std::string ResolveYear(std::string_view date, std::string_view reference) {
  if (date.size() != 10) return "";
  if (!date.starts_with("XXXX")) return std::string(date);
  if (reference.size() < 10) return "";
  const CivilDate ref{Number(reference.substr(0, 4)), Number(reference.substr(5, 2)),
                      Number(reference.substr(8, 2))};
  const int month = Number(date.substr(5, 2)), day = Number(date.substr(8, 2));
  int64_t best_distance = std::numeric_limits<int64_t>::max();
  int best_year = 0;
  for (int year = ref.year - 1; year <= ref.year + 1; ++year) {
    if (!IsValidDate(year, month, day)) continue;
    const int64_t distance = std::llabs(ToDays({year, month, day}) - ToDays(ref));
    if (distance < best_distance) {
      best_distance = distance;
      best_year = year;
    }
  }
  if (best_distance == std::numeric_limits<int64_t>::max()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", best_year, month, day);
  return buf;
}

}  // namespace dateline
