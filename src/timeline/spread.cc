#include "timeline/spread.h"

#include <unordered_map>

namespace dateline {

std::vector<size_t> SpreadOverEvents(const std::vector<int64_t>& days,
                                     const std::vector<double>& scores, int64_t window,
                                     double penalty) {
  std::unordered_map<int64_t, int> taken_days;
  std::vector<bool> taken(days.size(), false);
  std::vector<size_t> out;
  while (out.size() < days.size()) {
    size_t best = days.size();
    double best_score = 0;
    for (size_t i = 0; i < days.size(); ++i) {
      if (taken[i]) continue;
      int near = 0;
      for (int64_t d = days[i] - window; d <= days[i] + window; ++d) {
        auto it = taken_days.find(d);
        if (it != taken_days.end()) near += it->second;
      }
      const double s = scores[i] / (1.0 + penalty * near);
      if (best == days.size() || s > best_score) best = i, best_score = s;
    }
    taken[best] = true;
    ++taken_days[days[best]];
    out.push_back(best);
  }
  return out;
}

}  // namespace dateline
