// A searchable corpus of news articles: an embedded SQLite store (one file,
// WAL mode) holding the articles, their sentences, the TIMEX3 expressions of
// each sentence, each sentence's date, a full-text index (FTS5, accents
// ignored: "bielorussie" finds "Biélorussie") and groups of near-duplicate
// articles (syndicated copies).
//
//   auto corpus = dateline::Corpus::Open(dateline::Corpus::DefaultPath());
//   dateline::Ingester ingester(*corpus, {});
//   ingester.AddSource("pages/");          // files, folders, JSONL, WARC
//   dateline::IngestSummary summary = ingester.Run();
//   for (const auto& a : corpus->Search("Loukachenko", 20)) ...
//
// A sentence is dated by its first day-level expression; without one it
// takes its article's publication date, marked as weak. Near-duplicates are
// found with MinHash over word shingles and LSH bands: the first article of
// a group is canonical, later ones are stored as its copies (their sentences
// are not indexed again) and listed as further sources.
//
// A Corpus object is not thread-safe; open one per thread. Writes go through
// transactions, so a killed process leaves a consistent store.
#ifndef DATELINE_CORPUS_H_
#define DATELINE_CORPUS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/tagger.h"

namespace dateline {

// Thrown when the store cannot be opened or written; what() names the file.
class CorpusError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An article to add, already read from its page.
struct CorpusDocument {
  std::string source;  // file path, "file:line" of a JSONL record, WARC URI
  std::string url;     // may be empty
  std::string title;
  std::string text;       // main text, valid UTF-8
  std::string published;  // TIMEX3 day value ("2023-02-25", may carry a time) or empty
  std::string language;   // "fr", "en", ...; empty when unknown
};

// Where an article (or one of its copies) came from.
struct CorpusSource {
  int64_t article_id = 0;
  std::string source;
  std::string url;
  std::string published;  // "YYYY-MM-DD" or empty
  std::string title;
};

struct CorpusArticle {
  CorpusSource origin;
  std::string language;
  std::vector<CorpusSource> copies;  // near-duplicates of this article
};

struct CorpusSentence {
  int64_t id = 0;
  int64_t article_id = 0;
  std::string text;
  // "YYYY-MM-DD"; "XXXX-MM-DD" when the expression lacks its year (an
  // undated article); empty when neither the sentence nor its article has a
  // day.
  std::string date;
  bool weak_date = false;         // the date is the article's, not the sentence's
  std::string article_published;  // "YYYY-MM-DD" or empty
  int position = 0;               // 0 for the article's first sentence
};

enum class AddOutcome {
  kAdded,      // a new canonical article
  kDuplicate,  // the same content is already stored (nothing written)
  kCopy,       // a near-duplicate of a stored article, recorded as its copy
};

struct AddResult {
  AddOutcome outcome = AddOutcome::kAdded;
  int64_t article_id = 0;    // the stored article (0 for kDuplicate)
  int64_t canonical_id = 0;  // the canonical article of its group
};

// Which sentences a query covers: those of canonical articles matching the
// full-text `query` (all articles when empty), dated within [from, to].
struct SentenceFilter {
  std::string query;  // FTS5 query over titles and texts; empty for all
  std::string from;   // "YYYY-MM-DD" or empty
  std::string to;
  std::string language;  // restrict to one language; empty for all
  // Sentence queries leave out boilerplate (lines repeated verbatim across
  // articles) unless this is set; date counts always leave it out.
  bool include_boilerplate = false;
  // Only sentences among the first `max_position` of their article; 0 for
  // all.
  int max_position = 0;
};

struct DateCount {
  std::string date;             // as in CorpusSentence::date
  int64_t strong = 0;           // sentences whose own expression gives the date
  int64_t weak = 0;             // sentences dated by their article
  int64_t strong_articles = 0;  // distinct articles among the `strong` sentences
};

class Corpus {
 public:
  // Opens the store at `path`, creating it (and its parent folders) when
  // missing. Throws CorpusError.
  static std::unique_ptr<Corpus> Open(const std::string& path);
  // $XDG_DATA_HOME/dateline/dateline.db, else ~/.local/share/dateline/dateline.db.
  static std::string DefaultPath();

  ~Corpus();
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  // Stores `doc` with the expressions the tagger found in `doc.text`
  // (byte offsets into it). Idempotent: content already stored (same title
  // and text) is reported as kDuplicate. Outside a batch, each call is its
  // own transaction. Throws CorpusError.
  AddResult Add(const CorpusDocument& doc, const std::vector<TimeExpression>& expressions);

  // Groups the following Add() calls into one transaction, which is much
  // faster; CommitBatch() makes them durable. A batch not committed (process
  // killed, exception) is rolled back as a whole.
  void BeginBatch();
  void CommitBatch();
  void RollbackBatch();

  // Canonical articles matching the FTS5 `query`, best first, with copies.
  std::vector<CorpusArticle> Search(std::string_view query, size_t limit) const;

  // Sentence counts per date for the sentences the filter covers.
  std::vector<DateCount> CountDates(const SentenceFilter& filter) const;
  // The sentences dated `date` that the filter covers, strong ones first,
  // then in storage order; at most `limit` of them (0: all).
  std::vector<CorpusSentence> SentencesOn(std::string_view date, const SentenceFilter& filter,
                                          size_t limit = 0) const;
  // Every dated sentence the filter covers, in storage order (an article's
  // sentences together, in text order). For exports and evaluation: a
  // timeline reads far fewer sentences through CountDates and SentencesOn.
  std::vector<CorpusSentence> Sentences(const SentenceFilter& filter) const;
  // The article (with copies) a sentence comes from.
  std::optional<CorpusArticle> GetArticle(int64_t article_id) const;
  // The publication dates ("YYYY-MM-DD") of the canonical articles the
  // filter covers, sorted; undated articles are left out.
  std::vector<std::string> PublicationDates(const SentenceFilter& filter) const;

  size_t ArticleCount() const;  // canonical articles and copies
  size_t SentenceCount() const;

  // Runs PRAGMA integrity_check; returns "ok" or the problems found.
  std::string CheckIntegrity() const;

  struct Impl;

 private:
  explicit Corpus(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reading and tagging of input files into a corpus.
struct IngestProgress {
  size_t inputs_done = 0;   // files (or records of a container) handled
  size_t inputs_total = 0;  // files found when sources were expanded
  size_t articles = 0;      // articles handled so far (any outcome)
  double seconds = 0;
};

struct IngestOptions {
  std::string language;    // force this language; empty to take the reader's or detect
  size_t batch_size = 64;  // articles per transaction
  // Called after each input file; may be empty.
  std::function<void(const IngestProgress&)> progress;
};

struct IngestSummary {
  size_t ingested = 0;    // new canonical articles
  size_t copies = 0;      // near-duplicates recorded as copies
  size_t duplicates = 0;  // content already stored
  size_t skipped = 0;     // inputs not ingested (see problems)
  // One line per problem: "path:line: reason" or "path: reason".
  std::vector<std::string> problems;
};

class Ingester {
 public:
  // `corpus` must outlive the ingester.
  Ingester(Corpus& corpus, IngestOptions options);
  ~Ingester();

  // Adds a file or a folder (walked recursively, in name order, taking
  // .html .htm .txt .text .jsonl .ndjson .warc files, optionally .gz).
  // A path that does not exist is reported as a problem by Run().
  void AddSource(const std::string& path);

  // Reads, tags and stores every input. Bad inputs are skipped and reported;
  // the rest goes on. Throws CorpusError only when the store itself fails.
  IngestSummary Run();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dateline

#endif  // DATELINE_CORPUS_H_
