// Scoring of publication dates against an htmldate-style gold file
// ({url: {file, date}}): a day-level exact match is a true positive, a wrong
// date a false positive, no date a false negative (a true negative when the
// gold has none); accuracy = (TP + TN) / pages.
#ifndef DATELINE_EVAL_DATE_EVAL_H_
#define DATELINE_EVAL_DATE_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline::eval {

struct DateGold {
  std::string url;
  std::string file;  // absolute or relative to the working directory
  std::string date;  // "YYYY-MM-DD", "" when the page has none
};

// Loads the gold file; `file` entries are resolved against its folder.
// Returns false and sets `error` ("PATH: reason") when it cannot be read.
bool LoadDateGold(const std::string& path, std::vector<DateGold>& out, std::string& error);

struct DateCounts {
  int tp = 0, fp = 0, fn = 0, tn = 0;

  // `system` is a TIMEX3 value or ""; only its day ("YYYY-MM-DD") counts.
  void Add(std::string_view system, std::string_view gold);
  int pages() const { return tp + fp + fn + tn; }
  double accuracy() const;
  double precision() const;
  double recall() const;
  double f1() const;
};

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_DATE_EVAL_H_
