// Timeline summarisation metrics (the tilse measures of EVALUATION.md §3):
// date F1, concat ROUGE-1/2 and align+ many-to-one ROUGE-1/2 (AR1, AR2).
//
// Sentences are tokenised into lower-case words; function words of the
// chosen language are dropped; an optional Snowball stemmer is applied.
#ifndef DATELINE_EVAL_TLS_H_
#define DATELINE_EVAL_TLS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/corpus.h"
#include "dateline/timeline.h"

namespace dateline::eval {

// A timeline: dates in order, each with its sentences.
using TlsTimeline = std::map<CivilDate, std::vector<std::string>>;

// Parses the tilse text format: a "YYYY-MM-DD" line, one sentence a line,
// a line of dashes. Sets `error` ("line N: ...") and returns false on a
// malformed file.
bool ParseTlsTimeline(std::string_view text, TlsTimeline& out, std::string& error);

struct PrfScore {
  double precision = 0, recall = 0, f1 = 0;
};

struct TlsScores {
  PrfScore date;              // date F1 (exact days)
  PrfScore concat1, concat2;  // concat ROUGE-1, ROUGE-2
  PrfScore align1, align2;    // align+ many-to-one ROUGE-1 (AR1), ROUGE-2 (AR2)
};

struct TlsOptions {
  std::string language = "fr";  // stop words and stemmer: "fr" or "en"
  bool stem = false;            // Snowball stemming of tokens
};

// Tokens of the metric: lower-case word tokens without function words.
class TlsTokenizer {
 public:
  explicit TlsTokenizer(const TlsOptions& options);
  ~TlsTokenizer();
  std::vector<std::string> Tokenize(std::string_view sentence) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Scores `system` against one or more references of the same topic.
TlsScores ScoreTimeline(const TlsTimeline& system, const std::vector<TlsTimeline>& references,
                        const TlsOptions& options);

// Over several topics: precision and recall averaged over topics, F1 from
// the averages.
TlsScores AverageScores(const std::vector<TlsScores>& topics);

// l (number of dates) and k (mean sentences a date, rounded, at least 1)
// of a reference timeline, the sizes a system must produce.
struct TlsSize {
  size_t dates = 0;
  size_t sentences = 0;
};
TlsSize ReferenceSize(const TlsTimeline& reference);

// One timeline task: a topic's articles and one reference timeline.
struct TlsTask {
  std::string topic;      // the topic folder's name ("libya")
  std::string name;       // "libya", or "libya/tl5" when the topic has several references
  std::string articles;   // folder or file to ingest
  std::string reference;  // reference timeline (tilse format)
  // Only articles published within the reference's span (its first to its
  // last date) are ingested, as the Timeline17 protocol has it; needs JSONL
  // records with a "time".
  bool restrict_to_span = false;
};

// The tasks of a data root, sorted by name. Two layouts are read:
// ML-Crisis, `reference/<topic>.txt` and the topic's articles under
// `<topic>/`, one task per topic; and Timeline17,
// `reference/<topic>/<source>.txt` and `<topic>/articles.jsonl`, one task
// per reference timeline with its articles restricted to its span. Sets
// `error` (naming the root) when the root holds neither.
std::vector<TlsTask> FindTlsTasks(const std::string& root, std::string& error);

struct TlsRunOptions {
  TlsOptions scoring;  // its language is replaced by the task's
  // Of the articles; empty: each task's majority language (articles
  // detected otherwise are read again in it).
  std::string language;
  bool baseline = false;  // also build and score the count baseline
};

// A task ready to run: its articles ingested into an in-memory corpus
// (publication dates from the reader, else from YYYY-MM-DD folder names)
// and its reference read.
struct TlsPreparedTask {
  TlsTask task;
  std::string language;  // of the articles
  std::unique_ptr<Corpus> corpus;
  TlsTimeline reference;
  TlsSize size;
  std::vector<std::string> problems;  // ingest problems ("path: reason")
  std::string error;                  // set when the task could not be prepared
};
TlsPreparedTask PrepareTlsTask(const TlsTask& task, const TlsRunOptions& options);

// The timeline a Timeline converts to for scoring: dates and sentence texts.
TlsTimeline ToTlsTimeline(const Timeline& timeline);

struct TlsTaskResult {
  TlsTask task;
  std::string language;
  TlsSize size;
  TlsScores scores;
  TlsScores baseline;  // when asked for
  std::vector<std::string> problems;
  std::string error;
};
// Prepares the task and scores the shipped timeline (and the baseline).
TlsTaskResult RunTlsTask(const TlsTask& task, const TlsRunOptions& options);

// One topic folder and one reference, no span restriction (an ML-Crisis
// task); the task's name is the folder's name.
using TlsTopicResult = TlsTaskResult;
TlsTopicResult RunTlsTopic(const std::string& topic_dir, const std::string& reference_file,
                           const TlsRunOptions& options);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_TLS_H_
