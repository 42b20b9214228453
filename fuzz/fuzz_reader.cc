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

#include "dateline/reader.h"
#include "fuzz_check.h"
#include "fuzz_options.h"

namespace {

void CheckDate(std::string_view field, const std::string& value) {
  using dateline::fuzz::Check;
  if (value.empty()) return;
  const auto parsed = dateline::TimexValue::Parse(value);
  Check(parsed.has_value(), std::string(field) + " is not a valid TIMEX3 value", value);
  Check(parsed->date().has_value(), std::string(field) + " is not known to the day", value);
}

void CheckArticle(const dateline::Article& a, const dateline::ReadHints& hints) {
  using dateline::fuzz::Check;
  using dateline::fuzz::CheckUtf8;
  // Messages name the input by its path hint, as given: check them only when
  // the caller's own strings are valid.
  const bool valid_hints = dateline::FindInvalidUtf8(hints.path) == std::string_view::npos;
  if (!a.ok()) {
    if (valid_hints) CheckUtf8("error", a.error);
    return;
  }
  CheckUtf8("title", a.title);
  CheckUtf8("text", a.text);
  CheckUtf8("url", a.url);
  CheckUtf8("lang", a.lang);
  if (valid_hints) {
    for (const std::string& w : a.warnings) CheckUtf8("warning", w);
  }
  CheckDate("published", a.published);
  CheckDate("modified", a.modified);
  static const char* const kEvidence[] = {"json-ld", "meta", "time", "url", "path", "text"};
  bool known = false;
  for (const char* e : kEvidence) known |= a.date_evidence == e;
  Check(a.published.empty() ? a.date_evidence.empty() : known,
        "published date without known evidence", a.date_evidence);
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
  Article article;
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
