// TimeML documents and the TempEval-3 temporal tagging metrics.
//
// A TimeML file holds a creation time (<DCT><TIMEX3 value=.../></DCT>) and a
// <TEXT> element whose content, once its tags are stripped and its entities
// unescaped, is the plain text a tagger sees. The gold TIMEX3 elements inside
// TEXT become byte spans into that plain text.
//
//   auto doc = dateline::eval::ReadTimemlFile("a.tml");   // or ParseTimeml
//   dateline::eval::TimemlAccumulator total;
//   total.Add(dateline::eval::ScoreDocument(doc.document, tagger->Tag(...)));
//   double value_f1 = total.Scores().value.f1;
//
// Scoring follows shared/docs/EVALUATION.md section 1: a system span matches
// (relaxed) the first still unmatched gold span it overlaps; a relaxed match
// is strict when both extents are equal once outer whitespace is trimmed;
// type and value are judged among relaxed matches. Figures are micro
// averages over every document added.
#ifndef DATELINE_EVAL_TIMEML_H_
#define DATELINE_EVAL_TIMEML_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/tagger.h"

namespace dateline::eval {

// A gold TIMEX3 with an extent in TEXT. Attributes are unescaped and empty
// when absent.
struct GoldTimex {
  size_t begin = 0;  // UTF-8 byte offsets into TimemlDocument::text
  size_t end = 0;
  std::string tid;
  std::string type;  // "DATE", "TIME", "DURATION", "SET" as written
  std::string value;
  std::string mod;
  std::string quant;
  std::string freq;
};

struct TimemlDocument {
  std::string name;                // the name given to the parser, usually the file path
  std::string dct;                 // the DCT TIMEX3 `value`; empty when the file has none
  std::string text;                // TEXT content, tags stripped, entities unescaped
  std::vector<GoldTimex> timexes;  // in document order
};

struct TimemlParseResult {
  bool ok = false;
  TimemlDocument document;
  std::string error;  // "NAME:LINE:COLUMN: reason" when !ok
};

// Parses the bytes of a TimeML file. `name` prefixes error messages and
// becomes document.name. Malformed input (invalid UTF-8, control characters,
// an unterminated tag or comment, an unknown entity, unbalanced or nested
// TIMEX3, no TEXT element) fails with the line and column (1-based, the
// column counted in bytes) of the fault. TIMEX3 empty elements in TEXT have
// no extent and are skipped. EVENT, SIGNAL, TLINK and other tags are ignored.
TimemlParseResult ParseTimeml(std::string_view xml, std::string_view name);

// Reads and parses one file (gzip is decompressed transparently).
TimemlParseResult ReadTimemlFile(const std::string& path);

// The `*.tml` files under `dir`, recursively, sorted by path. A `dir` that is
// a regular file is returned as is. Sets `error` and returns an empty list
// when `dir` cannot be listed.
std::vector<std::string> FindTimemlFiles(const std::string& dir, std::string& error);

// Counts over one or more documents.
struct TimemlCounts {
  int64_t gold = 0;     // gold spans
  int64_t system = 0;   // system spans
  int64_t relaxed = 0;  // one-to-one overlapping pairs
  int64_t strict = 0;   // relaxed pairs with equal trimmed extents
  int64_t type = 0;     // relaxed pairs with equal type
  int64_t value = 0;    // relaxed pairs with equal value (exact string)

  TimemlCounts& operator+=(const TimemlCounts& other);
};

struct PrecisionRecall {
  double precision = 0;  // in [0, 1]; 0 when there is nothing to divide by
  double recall = 0;
  double f1 = 0;
};

struct TimemlScores {
  PrecisionRecall strict;
  PrecisionRecall relaxed;
  PrecisionRecall type;
  PrecisionRecall value;
};

// P = hits / system, R = hits / gold, F1 their harmonic mean.
PrecisionRecall MakePrecisionRecall(int64_t hits, int64_t system, int64_t gold);
TimemlScores ComputeScores(const TimemlCounts& counts);

// One disagreement between gold and system annotations of a document.
struct TimemlError {
  enum class Kind {
    kMiss,        // gold span no system span overlaps
    kFalseAlarm,  // system span that matched no gold span
    kWrongValue,  // relaxed match with another value
    kWrongType,   // relaxed match with another type
  };
  Kind kind = Kind::kMiss;
  int gold = -1;    // index into the document's timexes, or -1
  int system = -1;  // index into the system expressions, or -1
};

struct DocumentScore {
  TimemlCounts counts;
  // For each gold span, the index of the system span matched to it, or -1.
  std::vector<int> gold_match;
  // Every disagreement, in text order (by the start of the span shown).
  std::vector<TimemlError> errors;
};

// Scores system expressions (any order; overlaps allowed) against the gold
// spans of `gold`. System spans are taken in text order and each matches the
// first gold span, in text order, that it overlaps and that is still free.
DocumentScore ScoreDocument(const TimemlDocument& gold, const std::vector<TimeExpression>& system);

// Sums document scores; figures are micro averages over the documents.
class TimemlAccumulator {
 public:
  void Add(const DocumentScore& score) { Add(score.counts); }
  void Add(const TimemlCounts& counts);      // one document
  void Add(const TimemlAccumulator& other);  // all of its documents

  int64_t documents() const { return documents_; }
  const TimemlCounts& counts() const { return counts_; }
  TimemlScores Scores() const { return ComputeScores(counts_); }

 private:
  int64_t documents_ = 0;
  TimemlCounts counts_;
};

// Formats an error as one grep-friendly line (no newline at the end):
//   MISS DOC gold="..." value=V | ...context...
//   FALSE DOC sys="..." value=V rule=R | ...context...
//   VALUE DOC gold="..." gold=V sys=W rule=R [sys_span="..."] | ...context...
//   TYPE DOC gold="..." gold=T sys=U rule=R [sys_span="..."] | ...context...
// (sys_span only when the system extent differs from the gold one; an empty
// value or rule prints as "-"). The context is about `context_chars` code points around the
// expression, which is bracketed as [[...]]; newlines and tabs become spaces. `system` must be the
// expressions given to ScoreDocument.
std::string FormatTimemlError(const TimemlDocument& gold, const std::vector<TimeExpression>& system,
                              const TimemlError& error, std::string_view doc_name,
                              size_t context_chars = 60);

// ---------------------------------------------------------------------------
// Running a tagger over a TimeML set

// The tagger's DCT for a TimeML DCT value such as "1998-03-03T09:55:00": the
// longest of the whole value, its first 16 characters (minutes) and its first
// 10 (the day) that ParseDayTime accepts; nullopt when none does.
std::optional<DayTime> TimemlDct(std::string_view value);

struct TimemlRunOptions {
  std::string language = "auto";  // passed to the tagger
  AnchorMode mode = AnchorMode::kNews;
  int threads = 0;           // 0: one per hardware thread
  bool error_lines = false;  // fill TimemlRunResult::error_lines
  std::string name_prefix;   // put before document names in error lines
};

struct TimemlRunResult {
  TimemlAccumulator total;
  // One message per file that could not be listed, read, parsed or tagged
  // ("PATH:LINE:COLUMN: reason"); such files are left out of the figures.
  std::vector<std::string> failures;
  // FormatTimemlError lines, file by file in path order; documents are named
  // by their path relative to the set directory.
  std::vector<std::string> error_lines;
  int64_t text_bytes = 0;  // plain text tagged
  double seconds = 0;      // wall time of the run
};

// Reads every TimeML file under `dir` (see FindTimemlFiles), tags each plain
// text with its DCT on `options.threads` threads and scores it. One bad file
// never stops the others.
TimemlRunResult RunTimemlSet(const Tagger& tagger, const std::string& dir,
                             const TimemlRunOptions& options);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_TIMEML_H_
