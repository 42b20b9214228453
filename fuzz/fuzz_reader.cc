// Fuzzes the Reader on pages of any bytes with any hints, and checks what
// reader.h promises: every field of a read article is valid UTF-8, the
// dates are TIMEX3 values of a known day with the evidence they came from,
// the language is a two-letter code, and a failure says why.
//
// Input: a first line of options, then the page's bytes:
//   [read|html|text] [url=URL] [path=NAME] [type=CONTENT-TYPE] [max=BYTES]
// "read" (the default) calls Read(), which sniffs gzip, charsets and the
// kind of input; "html" and "text" call ReadHtml() and ReadText(), which
// take text the caller believes is UTF-8. Spaces end a value, so a content
// type is written "text/html;charset=iso-8859-1".
#include <charconv>
#include <string>

#include <optional>

#include "dateline/reader.h"
#include "fuzz_check.h"
#include "fuzz_options.h"

namespace {

void CheckDate(std::string_view field, const std::optional<dateline::DayTime>& value) {
  using dateline::fuzz::Check;
  if (!value) return;
  const std::string text = dateline::FormatDayTime(*value);
  Check(dateline::ParseDayTime(text) == value, std::string(field) + " does not round-trip", text);
  Check(dateline::TimexValue::IsValid(text), std::string(field) + " is not a valid TIMEX3 value",
        text);
}

void CheckArticle(const dateline::StatusOr<dateline::Article>& read,
                  const dateline::ReadHints& hints) {
  using dateline::fuzz::Check;
  using dateline::fuzz::CheckUtf8;
  // Messages name the input by its path hint, as given: check them only when
  // the caller's own strings are valid.
  const bool valid_hints = dateline::FindInvalidUtf8(hints.path) == std::string_view::npos;
  if (!read.ok()) {
    if (valid_hints) CheckUtf8("error", read.status().message());
    return;
  }
  const dateline::Article& a = *read;
  CheckUtf8("title", a.title);
  CheckUtf8("text", a.text);
  CheckUtf8("url", a.url);
  CheckUtf8("lang", a.lang);
  if (valid_hints) {
    for (const std::string& w : a.warnings) CheckUtf8("warning", w);
  }
  CheckDate("published", a.published);
  CheckDate("modified", a.modified);
  Check(a.published.has_value() == (a.date_evidence != dateline::DateEvidence::kNone),
        "published date and evidence disagree", DateEvidenceName(a.date_evidence));
  Check(a.lang.empty() || a.lang.size() == 2, "lang is not a two-letter code", a.lang);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dateline;
  static const Reader* reader = new Reader();
  const fuzz::FuzzInput in = fuzz::SplitFuzzInput(data, size);
  ReadHints hints;
  hints.url = std::string(fuzz::OptionValue(in, "url"));
  hints.path = std::string(fuzz::OptionValue(in, "path"));
  hints.content_type = std::string(fuzz::OptionValue(in, "type"));
  const std::string_view max = fuzz::OptionValue(in, "max");
  size_t max_bytes = 0;
  if (std::from_chars(max.data(), max.data() + max.size(), max_bytes).ec == std::errc() &&
      max_bytes > 0) {
    hints.max_bytes = max_bytes;
  }
  StatusOr<Article> article = Status::Internal("not read");
  if (fuzz::HasWord(in, "html")) {
    article = reader->ReadHtml(in.body, hints);
  } else if (fuzz::HasWord(in, "text")) {
    article = reader->ReadText(in.body, hints);
  } else {
    article = reader->Read(in.body, hints);
  }
  CheckArticle(article, hints);
  return 0;
}
