// Leave one topic out over timeline tasks: every constant of the timeline
// (timeline/tuning.h, and the span margin) is chosen without the topic it
// is scored on, so that the scores it reports are what a topic never tuned
// on gets.
//
// For each held-back topic, every constant starts switched off (its
// neutral value: no penalty, no re-ranking, no bound). The date constants
// (judged by date F1) are then chosen together, every combination of their
// values tried against all off: they act on one ranking, so the worth of
// one depends on the others (a re-ranking judged while the spreading over
// events is still off is judged on another ranking than the one it ships
// in). The sentence constants (judged by AR1) follow, each tried at its
// values in turn. A value (or combination) is taken when, on the other
// topics, it raises the mean ratio of the score to the count baseline's
// (each topic the mean of its tasks, so that a topic with high scores does
// not outweigh one with low scores) and it wins on at least two more of
// those topics than it loses: on so few topics a mean gain carried by one
// topic, or a 4-3 split, is noise; of the combinations that pass, the
// highest mean is taken. The same choice on all topics gives the values to
// ship.
#ifndef DATELINE_EVAL_TLS_LOTO_H_
#define DATELINE_EVAL_TLS_LOTO_H_

#include <functional>
#include <string>
#include <vector>

#include "eval/tls.h"
#include "timeline/tuning.h"

namespace dateline::eval {

// What a timeline is built with: the tuning and the span margin (an option).
struct TlsConfig {
  TimelineTuning tuning;
  int span_margin_days = TimelineOptions{}.span_margin_days;
};

// One constant and the values tried for it.
struct TlsKnob {
  std::string name;
  bool dates = true;  // chosen by date F1, else by AR1
  double off = 0;     // the neutral value the search starts from
  std::vector<double> values;
  std::function<double(const TlsConfig&)> get;
  std::function<void(TlsConfig&, double)> set;
};

// The constants the timeline has, with the values tried for each: the
// shipped value and others on both sides of it.
std::vector<TlsKnob> TimelineKnobs();

// Builds the timeline of a prepared task with `config` and scores it; a
// timeline the store fails to build (said on stderr) scores as empty.
TlsScores ScoreTask(const TlsPreparedTask& task, const TlsConfig& config);

struct TlsLotoFold {
  std::string topic;                                   // "fr/egypt": language and topic folder
  std::vector<std::pair<std::string, double>> chosen;  // knob values chosen without it
  std::vector<TlsScores> held_back;                    // per task of the topic, with those values
};

struct TlsLotoResult {
  std::vector<TlsLotoFold> folds;
  std::vector<std::pair<std::string, double>> chosen_on_all;  // the values to ship
  std::vector<TlsScores> shipped;  // per task, with the shipped (default) values
};

// Runs leave one topic out over `tasks` (prepared without error), whose
// count baseline scores are `baseline` (same order). A task's topic is
// "<language>/<topic folder>". `progress` (may be empty) is called with a
// line of news now and then.
TlsLotoResult LeaveOneTopicOut(const std::vector<const TlsPreparedTask*>& tasks,
                               const std::vector<TlsScores>& baseline,
                               const std::vector<TlsKnob>& knobs,
                               const std::function<void(const std::string&)>& progress);

// The held-back scores of a run beside the count baseline: per topic (the
// mean of its tasks) and per language (the mean over its tasks).
struct TlsLotoRow {
  std::string name;  // "fr/egypt", or "fr" for a language
  TlsScores system, count;
  size_t tasks = 0;
  // Strictly above the count in both date F1 and AR1.
  bool Above() const {
    return system.date.f1 > count.date.f1 && system.align1.f1 > count.align1.f1;
  }
};

struct TlsLotoSummary {
  std::vector<TlsLotoRow> topics;     // in the order of the folds
  std::vector<TlsLotoRow> languages;  // sorted by name
};

// `tasks` and `baseline` as given to LeaveOneTopicOut, `result` its answer.
TlsLotoSummary SummarizeLoto(const std::vector<const TlsPreparedTask*>& tasks,
                             const std::vector<TlsScores>& baseline, const TlsLotoResult& result);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_TLS_LOTO_H_
