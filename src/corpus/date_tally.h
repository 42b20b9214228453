// Per-article date tallies: for each day an article refers to, how many of
// its sentences name that day (strong) and how many are dated by the
// article's publication day alone (weak). They are computed once at ingest
// and stored with the article, so that ranking the dates of a query sums a
// few entries per matching article instead of counting its sentences again.
#ifndef DATELINE_CORPUS_DATE_TALLY_H_
#define DATELINE_CORPUS_DATE_TALLY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct DateTally {
  std::string date;  // "YYYY-MM-DD" or "XXXX-MM-DD", as stored for sentences
  uint32_t strong = 0;
  uint32_t weak = 0;
};

// Adds one sentence dated `date` to `tallies` (kept sorted by date).
void AddToTallies(std::vector<DateTally>& tallies, std::string_view date, bool weak);

// A compact blob: per entry the 10 date bytes, then strong and weak as
// 32-bit little-endian numbers. Dates must be 10 bytes long (others are
// skipped: they are not day references).
std::string EncodeTallies(const std::vector<DateTally>& tallies);

// Appends the entries of `blob` to `out`; false when the blob is malformed
// (a truncated entry), in which case `out` is left unchanged.
bool DecodeTallies(std::string_view blob, std::vector<DateTally>& out);

}  // namespace dateline

#endif  // DATELINE_CORPUS_DATE_TALLY_H_
