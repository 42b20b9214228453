// Writers of what dateline produces, so that the command, the server and the
// Python module emit the same bytes: tagged text (inline `<d>VALUE</d>`,
// TimeML, JSON lines), articles (JSON) and annotated documents (JSON). The
// timeline exporters are in timeline.h.
//
// JSON output is always valid UTF-8: bytes that are not (a file name from a
// Latin-1 disk, a URL from a WARC header) are replaced by U+FFFD there, not
// thrown on.
#ifndef DATELINE_OUTPUT_H_
#define DATELINE_OUTPUT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/reader.h"
#include "dateline/status.h"
#include "dateline/tagger.h"

namespace dateline {

enum class TagFormat {
  kInline,  // the text with <d>VALUE</d> in place of each expression
  kTimeMl,  // the text, escaped, with <TIMEX3 tid type value [mod quant freq]> elements
  kJsonl,   // one JSON object per expression: source, begin, end (code points), text, type, value
};
// "inline", "timeml", "jsonl"; nullopt for anything else.
std::optional<TagFormat> ParseTagFormat(std::string_view name);

// `expressions` are spans into `text` (as Tagger::Tag and the pipeline give
// them); `source` names the input in JSON lines.
std::string FormatTagged(std::string_view text, const std::vector<TimeExpression>& expressions,
                         TagFormat format, std::string_view source);

// The same, written piece by piece as expressions arrive (with the streamed
// Tagger::Tag or AnnotateOptions::expression_sink), so that the output of a
// huge text is never held whole: Add() each expression in text order, then
// Finish() once, each time with the (same) text the spans are into.
class TaggedTextWriter {
 public:
  TaggedTextWriter(std::ostream& out, TagFormat format, std::string_view source);
  void Add(std::string_view text, const TimeExpression& e);
  void Finish(std::string_view text);

 private:
  std::ostream& out_;
  TagFormat format_;
  std::string source_;
  size_t pos_ = 0;  // text written up to here
  int tid_ = 1;
};

enum class ArticleFormat {
  kJsonl,  // one line: source, title, text, published, modified, lang, url, date_evidence
  kJson,   // the same object, indented
  kText,   // title, publication date, blank line, text
};
std::optional<ArticleFormat> ParseArticleFormat(std::string_view name);  // "jsonl", "json", "text"

std::string FormatArticle(const Article& article, ArticleFormat format, std::string_view source);
// The line an input that could not be read gives in JSON formats: {"source",
// "error"}; empty for kText (the error goes to the error stream there).
std::string FormatArticleError(const Status& status, ArticleFormat format, std::string_view source);

// The whole annotated document as one JSON object (one line): the article
// fields, the language and how it was decided, the DCT and its source, the
// expressions and the sentences with byte and code-point spans.
std::string FormatDocumentJson(const AnnotatedDocument& document, std::string_view source);

}  // namespace dateline

#endif  // DATELINE_OUTPUT_H_
