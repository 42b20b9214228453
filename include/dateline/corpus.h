// The corpus store: an embedded SQLite store (one file, WAL mode) holding
// articles, their sentences with their dates, the TIMEX3 expressions of each
// sentence, a full-text index (FTS5, accents ignored: "bielorussie" finds
// "Biélorussie") and groups of near-duplicate articles (syndicated copies).
//
//   auto corpus = dateline::Corpus::Open(dateline::Corpus::DefaultPath());
//   if (!corpus.ok()) ... corpus.status() ...
//   auto found = (*corpus)->Search("Loukachenko", 20);
//
// The store keeps what it is given: reading, tagging, sentence splitting and
// dating happen before (pipeline.h; ingest.h runs the whole flow over files).
// Near-duplicates are found with MinHash over word shingles and LSH bands:
// the first article of a group is canonical, later ones are stored as its
// copies (their sentences are not indexed again) and listed as further
// sources. A sentence found word for word in three or more canonical
// articles is page furniture: it neither counts for a date nor appears in a
// timeline.
//
// A Corpus object is not thread-safe; open one per thread. Writes go through
// transactions, so a killed process leaves a consistent store. A store
// opened read-only never waits for a writer (WAL readers see the last
// committed state).
#ifndef DATELINE_CORPUS_H_
#define DATELINE_CORPUS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/document.h"
#include "dateline/status.h"
#include "dateline/tagger.h"
#include "dateline/timex.h"

namespace dateline {

// An article to add.
struct CorpusDocument {
  std::string source;  // file path, "file#id" of a JSONL record, WARC URI
  std::string url;     // may be empty
  std::string title;
  std::string text;  // main text, valid UTF-8
  std::optional<CivilDate> published;
  std::string language;  // "fr", "en", ...; "und" when undetermined
  // What tagged it (AnnotatedDocument::annotator): content stored before
  // with another language or annotator is re-tagged, not a duplicate.
  std::string annotator;
  // Spans into `text`, in order, with their dates (see Sentence).
  std::vector<Sentence> sentences;
  // Spans into `text`, sorted.
  std::vector<TimeExpression> expressions;
};

// Where an article (or one of its copies) came from.
struct CorpusSource {
  int64_t article_id = 0;
  std::string source;
  std::string url;
  std::optional<CivilDate> published;
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
  int position = 0;  // index of the sentence in its article
  std::string text;
  // A day-level TIMEX3 point: "2023-02-25", or "XXXX-02-25" when the
  // expression lacks its year (an undated article).
  TimexValue date = TimexValue::Day({});
  bool weak_date = false;  // the date is the article's, not the sentence's
  std::optional<CivilDate> article_published;
  std::string language;  // the article's
};

enum class AddOutcome {
  kAdded,      // a new canonical article
  kDuplicate,  // the same content is already stored, tagged the same way (nothing written)
  kCopy,       // a near-duplicate of a stored article, recorded as its copy
  kRetagged,   // the same content was stored tagged another way: its annotation is replaced
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
  std::optional<CivilDate> from;
  std::optional<CivilDate> to;
  std::string language;  // restrict to one language; empty for all
  // Sentence queries leave out boilerplate (lines repeated verbatim across
  // articles) unless this is set; date counts always leave it out.
  bool include_boilerplate = false;
  // Only sentences among the first `max_position` of their article; 0 for
  // all.
  int max_position = 0;
};

struct DateCount {
  TimexValue date = TimexValue::Day({});  // as CorpusSentence::date
  int64_t strong = 0;                     // sentences whose own expression gives the date
  int64_t weak = 0;                       // sentences dated by their article
  int64_t strong_articles = 0;            // distinct articles among the `strong` sentences
};

class Corpus {
 public:
  struct OpenOptions {
    // Read only: the store must exist; nothing is written or upgraded (an
    // older store is refused with a message saying to open it for writing
    // once).
    bool read_only = false;
  };
  // Opens the store at `path`, creating it (and its parent folders) when
  // missing. A store written by an older dateline is upgraded in place, in
  // one transaction; one from a newer dateline is refused.
  static StatusOr<std::unique_ptr<Corpus>> Open(const std::string& path,
                                                const OpenOptions& options);
  static StatusOr<std::unique_ptr<Corpus>> Open(const std::string& path) {
    return Open(path, OpenOptions());
  }
  // $XDG_DATA_HOME/dateline/dateline.db, else ~/.local/share/dateline/dateline.db.
  static std::string DefaultPath();

  ~Corpus();
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  // Stores `doc`. Idempotent: content already stored (same title and text)
  // with the same language and annotator is reported as kDuplicate; with
  // another, its sentences, expressions and language are replaced
  // (kRetagged). Outside a batch, each call is its own transaction.
  StatusOr<AddResult> Add(const CorpusDocument& doc);

  // Groups the following Add() calls into one transaction, which is much
  // faster; CommitBatch() makes them durable. A batch not committed (process
  // killed, an error) is rolled back as a whole.
  Status BeginBatch();
  Status CommitBatch();
  void RollbackBatch();

  // Canonical articles matching the FTS5 `query`, best first, with copies.
  // A malformed query, or one over 1,024 bytes or 64 terms (the same bound
  // holds for SentenceFilter::query), is kInvalidArgument.
  StatusOr<std::vector<CorpusArticle>> Search(std::string_view query, size_t limit) const;

  // Sentence counts per date for the sentences the filter covers.
  StatusOr<std::vector<DateCount>> CountDates(const SentenceFilter& filter) const;
  // The sentences dated `date` that the filter covers, strong ones first,
  // then in storage order; at most `limit` of them (0: all).
  StatusOr<std::vector<CorpusSentence>> SentencesOn(const TimexValue& date,
                                                    const SentenceFilter& filter,
                                                    size_t limit = 0) const;
  // A stored sentence by id (as CorpusSentence::id and
  // TimelineSentence::sentence_id give it); kNotFound when none.
  StatusOr<CorpusSentence> GetSentence(int64_t sentence_id) const;
  // Every dated sentence the filter covers, in storage order (an article's
  // sentences together, in text order). For exports and evaluation: a
  // timeline reads far fewer sentences through CountDates and SentencesOn.
  StatusOr<std::vector<CorpusSentence>> Sentences(const SentenceFilter& filter) const;
  // The expressions of a stored sentence, with byte offsets into its text
  // (type and value only: the first day-level one is what dated it).
  StatusOr<std::vector<TimeExpression>> ExpressionsOf(int64_t sentence_id) const;
  // The article (with copies) a sentence comes from; kNotFound when none.
  StatusOr<CorpusArticle> GetArticle(int64_t article_id) const;
  // The publication days of the canonical articles the filter covers,
  // sorted; undated articles are left out.
  StatusOr<std::vector<CivilDate>> PublicationDates(const SentenceFilter& filter) const;

  size_t ArticleCount() const;  // canonical articles and copies
  size_t SentenceCount() const;

  // Runs PRAGMA integrity_check; returns "ok" or the problems found.
  std::string CheckIntegrity() const;

  struct Impl;

 private:
  explicit Corpus(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_CORPUS_H_
