// An annotated document: what the pipeline (pipeline.h) makes of one input,
// and what the corpus stores. Plain values, copyable, no behaviour.
#ifndef DATELINE_DOCUMENT_H_
#define DATELINE_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/reader.h"
#include "dateline/tagger.h"
#include "dateline/timex.h"

namespace dateline {

// How the language of a document was decided.
enum class LanguageSource {
  kGiven,         // by the caller
  kDetected,      // by language identification of the text (CLD2)
  kGuessed,       // from the function words of the languages that have rules
  kUndetermined,  // none of these: the neutral pack "und", nothing is tagged
};
std::string_view LanguageSourceName(LanguageSource source);  // "given", "detected", ...

// Where the document creation time (DCT) came from.
enum class DctSource {
  kGiven,  // by the caller (a --dct flag, a record's `time`)
  kPage,   // the publication date the page gives (see Article::date_evidence)
  kNone,   // none: relative expressions stay underspecified (XXXX-XX-XX)
};
std::string_view DctSourceName(DctSource source);  // "given", "page", "none"

struct Sentence {
  size_t begin = 0;  // UTF-8 byte offsets into AnnotatedDocument::text
  size_t end = 0;
  size_t cp_begin = 0;  // the same span in code points
  size_t cp_end = 0;
  // The day the sentence refers to: the first day-level DATE or TIME
  // expression in it ("2023-02-25"; "XXXX-02-25" when the document has no
  // DCT and the expression no year), else the DCT's day as a weak date, else
  // nothing. Always a day-level TIMEX3 point when present.
  std::optional<TimexValue> date;
  bool weak_date = false;  // the date is the document's, not the sentence's own
  bool in_title = false;   // the sentence is the title
};

struct AnnotatedDocument {
  // What was read: title, publication date and its evidence, the language
  // the text was identified as, URL, warnings. Its `text` is EMPTY: the main
  // text is moved to `text` below (body()), so that it is held once. For
  // text given as text (InputKind::kText), the title is the caller's and
  // nothing else is filled.
  Article article;
  // The text that was tagged: the title, a blank line, then the main text
  // (the main text alone when there is no title). Valid UTF-8.
  std::string text;
  size_t body_begin = 0;  // where the main text starts in `text`

  std::string language;  // the pack the text was tagged with ("fr"), "und" when undetermined
  LanguageSource language_source = LanguageSource::kUndetermined;
  std::optional<DayTime> dct;
  DctSource dct_source = DctSource::kNone;
  AnchorMode mode = AnchorMode::kNews;
  // What tagged it: dateline's version, the language and its pack's
  // fingerprint ("dateline 0.2.0 fr@1a2b..."); empty when nothing was tagged.
  std::string annotator;

  // Sorted, non-overlapping; spans into `text`.
  std::vector<TimeExpression> expressions;
  // In text order; empty unless sentences were asked for.
  std::vector<Sentence> sentences;
  // Best-effort notes: the reader's, and the pipeline's own ("language not
  // determined: nothing tagged").
  std::vector<std::string> warnings;

  std::string_view title() const { return std::string_view(text).substr(0, TitleEnd()); }
  std::string_view body() const { return std::string_view(text).substr(body_begin); }

 private:
  size_t TitleEnd() const { return body_begin >= 2 ? body_begin - 2 : 0; }
};

}  // namespace dateline

#endif  // DATELINE_DOCUMENT_H_
