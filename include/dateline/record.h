// JSONL records: one news article per line, as `dateline ingest`, the Python
// module and its Dask helpers take them.
//
//   {"id": "a1", "url": "https://...", "time": "2023-02-22T08:30:00Z",
//    "title": "...", "text": "..."}          (or "html": "<html>..." for a page)
//
// A record says what is what, so nothing is guessed: its `text` is the text
// as given (nothing dropped, InputKind::kText) with its `title`; its `html`
// (which wins over `text`) is read as a page; its `time` is the DCT (a day,
// a minute or a second; a zone or fractions after it are ignored). Fields
// that are missing, or not strings, count as empty.
//
//   dateline::StatusOr<dateline::Record> r = dateline::ParseRecord(line, "news.jsonl:12");
//   if (r.ok()) doc = pipeline->Annotate(r->body, r->options);
#ifndef DATELINE_RECORD_H_
#define DATELINE_RECORD_H_

#include <string>
#include <string_view>

#include "dateline/pipeline.h"
#include "dateline/status.h"

namespace dateline {

struct Record {
  std::string id;    // the record's `id`; empty when it has none
  std::string body;  // its `html`, else its `text`
  // What to annotate `body` with: `kind`, `url`, `title`, `dct` from the
  // record, `path` = the `where` it was parsed with (messages name it). The
  // caller adds what it decides (language, mode, sentences).
  AnnotateOptions options;
};

// A record's fields as strings; a field that is missing (or, in JSON, not a
// string) is empty.
struct RecordFields {
  std::string id, url, time, title, text, html;
};

// The record the fields make. `where` names it in messages ("news.jsonl:12")
// and is its path hint. Fails with kInvalidInput when it has neither `text`
// nor `html`.
StatusOr<Record> MakeRecord(RecordFields fields, std::string_view where);

// Parses one line of a JSONL file of records, then MakeRecord. Fails with
// kInvalidInput when the line is not a JSON object (invalid UTF-8 in it
// included).
StatusOr<Record> ParseRecord(std::string_view line, std::string_view where);

}  // namespace dateline

#endif  // DATELINE_RECORD_H_
