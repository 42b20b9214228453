// Dates a page shows its reader, and dates its scripts carry. Metadata
// (JSON-LD, meta tags) is what a page says about itself; the visible text is
// what its reader sees, and a reader takes the date printed by the title or
// byline as the page's date. These scans give the evidence that lets
// ExtractMeta check one against the other.
#ifndef DATELINE_READ_PAGE_DATES_H_
#define DATELINE_READ_PAGE_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/date_parse.h"
#include "read/html_dom.h"
#include "read/lexicon.h"

namespace dateline::read {

// How the words before a date in the text label it.
enum class DateLabel { kNone, kPublished, kModified };

// A date written in a text and how the words before it label it.
struct FoundDate {
  std::string value;  // TIMEX3
  DateLabel label = DateLabel::kNone;
};

// The dates of one block of text in order (at most four), each labelled by
// the words since the previous one ("Publié le X - Mis à jour le Y": X
// published, Y modified). A block longer than `max_len` yields only a date
// opening it.
std::vector<FoundDate> DatesOfBlock(std::string_view text, size_t max_len, YearDigits years,
                                    const Lexicon& lexicon);

struct VisibleDates {
  // The first date written next to the page's heading (a byline or dateline:
  // the heading's own block, the few before it and the dozen after it), with
  // its label. Short lines only; a long paragraph counts only by a date that
  // opens it.
  std::string head;
  DateLabel head_label = DateLabel::kNone;
  // The publication date the text states: the heading's date unless it is a
  // modification, else the first date of a short line anywhere. "" when none.
  std::string published;
  // The first date the text labels as a modification ("Mis à jour le ...",
  // "Updated ...", "Aktualisiert: ...").
  std::string modified;
  // Every day (YYYY-MM-DD) written anywhere in the visible text, sorted and
  // unique; numeric dates are read in both orders.
  std::vector<std::string> days;

  bool Shows(std::string_view value) const;  // day of a TIMEX3 value in `days`
};

// Scans the visible text of the body (scripts, styles and <head> excluded).
// `title` is the page title: the heading block that holds it anchors the
// head search; without one the first <h1> does.
VisibleDates ScanVisibleDates(const Dom& dom, std::string_view title,
                              const Lexicon& lexicon = Lexicon::BuiltIn());

// The publication date that inline scripts hold in JSON that is not JSON-LD
// (app state, analytics layers): the first value of a key such as
// "datePublished", "published_at", "publishDate" or "createdAt". Returns ""
// when none parses as a full date.
std::string DateInScripts(const Dom& dom, const Lexicon& lexicon = Lexicon::BuiltIn());

}  // namespace dateline::read

#endif  // DATELINE_READ_PAGE_DATES_H_
