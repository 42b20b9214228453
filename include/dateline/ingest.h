// Ingest: files, folders, JSONL records and WARC archives into a corpus,
// each input through the pipeline (pipeline.h) and into the store
// (corpus.h) in batches.
//
//   auto corpus = dateline::Corpus::Open(path);
//   dateline::Ingester ingester(**corpus, {});
//   ingester.AddSource("pages/");
//   dateline::StatusOr<dateline::IngestSummary> summary = ingester.Run();
//
// Pages (.html, .htm, .xhtml, .txt, optionally .gz) are read as pages:
// HTML, or text scraped from a page. JSONL records (`id`, `url`, `time`,
// `title`, `text` or `html`; record.h) say what is what: a record's `text` is
// the text as given (nothing dropped), its `title` the title, its `time` the
// DCT. WARC response records are read as HTML pages.
#ifndef DATELINE_INGEST_H_
#define DATELINE_INGEST_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dateline/corpus.h"
#include "dateline/pipeline.h"
#include "dateline/status.h"

namespace dateline {

struct IngestProgress {
  size_t inputs_done = 0;   // files (or records of a container) handled
  size_t inputs_total = 0;  // files found when sources were expanded
  size_t articles = 0;      // articles handled so far (any outcome)
  size_t committed = 0;     // articles durable in the store so far (new ones and copies)
  double seconds = 0;
  // The days that sentences of the articles committed since the previous
  // call are dated to (their own dates and their articles' days), sorted,
  // without repeats: what a live timeline must look at again. Days without
  // a year (an undated article) are left out.
  std::vector<CivilDate> changed_days;
};

struct IngestOptions {
  // Force this language (a pack's code); empty to let the pipeline decide
  // for each article. An unknown code fails Run() before anything is read.
  std::string language;
  size_t batch_size = 64;  // articles per transaction
  // The pipeline to read and tag with; null for one over the built-in packs.
  const Pipeline* pipeline = nullptr;
  // Called after each input file and after each batch is committed; may be
  // empty.
  std::function<void(const IngestProgress&)> progress;
};

struct IngestSummary {
  size_t ingested = 0;    // new canonical articles
  size_t copies = 0;      // near-duplicates recorded as copies
  size_t duplicates = 0;  // content already stored, tagged the same way
  size_t retagged = 0;    // content already stored, tagged anew (language or rules changed)
  size_t skipped = 0;     // inputs not ingested (see problems)
  // One line per problem: "path:line: reason" or "path: reason".
  std::vector<std::string> problems;
  // Inputs ingested all the same, with something to say ("path:line: id \"a\"
  // already used at line 2; both records are kept").
  std::vector<std::string> warnings;
};

class Ingester {
 public:
  // `corpus` (and options.pipeline) must outlive the ingester.
  Ingester(Corpus& corpus, IngestOptions options);
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // Adds a file or a folder (walked recursively, in name order, taking
  // .html .htm .xhtml .txt .text .jsonl .ndjson .warc files, optionally
  // .gz). A path that does not exist is reported as a problem by Run().
  void AddSource(const std::string& path);
  // A file read from `path` that goes by `name` in the store's sources, in
  // messages and for the pipeline's hints (a date in the name counts): an
  // upload spooled to a temporary file keeps the name its sender gave.
  void AddSource(const std::string& path, const std::string& name);

  // Reads, tags and stores every input. Bad inputs are skipped and reported
  // in the summary; the rest goes on. Fails only for an unknown language or
  // when the store itself fails (the open batch is rolled back).
  StatusOr<IngestSummary> Run();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One JSONL record (a line as `ingest` reads them) read and tagged as
// Ingester stores it, for stores other than a Corpus (corpus_partition.h):
// named "NAME#ID" when it has an id (the id alone when `name`, the file's
// name, is empty), else `where` ("file:line", as in messages). `language`
// forces a pack's code, as IngestOptions::language. Fails where Ingester
// reports a problem: a malformed record, one the pipeline cannot read, one
// without text.
StatusOr<CorpusDocument> AnnotateRecordForStore(const Pipeline& pipeline, std::string_view line,
                                                const std::string& where, const std::string& name,
                                                const std::string& language);

}  // namespace dateline

#endif  // DATELINE_INGEST_H_
