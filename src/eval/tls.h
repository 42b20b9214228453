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

// One topic run end to end: the articles under `topic_dir` are ingested into
// an in-memory corpus (publication dates from the reader, else from
// YYYY-MM-DD folder names), a timeline of the reference's l dates and k
// sentences is built and scored against `reference_file`.
struct TlsRunOptions {
  TlsOptions scoring;
  std::string language = "fr";  // language of the articles
};
struct TlsTopicResult {
  std::string topic;  // the folder's name
  TlsSize size;
  TlsScores scores;
  std::vector<std::string> problems;  // ingest problems ("path: reason")
  std::string error;                  // set when the topic could not be run
};
TlsTopicResult RunTlsTopic(const std::string& topic_dir, const std::string& reference_file,
                           const TlsRunOptions& options);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_TLS_H_
