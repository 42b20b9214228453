// Timelines from a corpus, after DATEWISE (Gholipour Ghalandari and Ifrim,
// 2020): dates are ranked by how many articles refer to them (a sentence's
// own day-level expression counts fully, its article's publication date
// counts `weak_weight`); the best 3 x `dates` are re-ranked by how closely
// the sentences naming them match the rest of the timeline (TF-IDF cosine),
// so that dates named only in asides (sidebars of other news, comments) give
// way to the story's own, and a date next to one already taken (the day
// after an event) yields to the next event on a near-tie; the top `dates`
// are kept, and for each date the
// sentences dated to it are ranked by similarity to their centroid and to
// the timeline's (questions, exclamations, tweets and links discounted);
// near-repeats are dropped, a second sentence of an article already picked
// for the date competes discounted, and the best `sentences` are kept.
// Lines the corpus marks as boilerplate take no part.
// Each sentence carries its sources: its article and the article's copies.
//
// Similarity compares words of a sentence's own language, without that
// language's function words (its language pack's stop words).
//
//   dateline::TimelineOptions options;
//   options.filter.query = "Loukachenko";
//   dateline::StatusOr<dateline::Timeline> t = dateline::BuildTimeline(*corpus, options);
//   if (t.ok()) std::cout << dateline::FormatTimeline(*t, dateline::TimelineFormat::kMarkdown);
#ifndef DATELINE_TIMELINE_H_
#define DATELINE_TIMELINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/calendar.h"
#include "dateline/corpus.h"
#include "dateline/language.h"
#include "dateline/status.h"

namespace dateline {

struct TimelineOptions {
  SentenceFilter filter;  // which articles and which date range
  size_t dates = 10;      // l: dates to keep
  size_t sentences = 2;   // k: sentences per date
  // Weight of an article published on a date (a weak reference); a
  // sentence's own expressions count 1 per article.
  double weak_weight = 0.25;
  // Dates more than this many days outside the span of the selected
  // articles' publication dates are left out (a timeline covers the period
  // its articles report on); negative keeps every date.
  int span_margin_days = 30;
  // The packs whose stop words similarity leaves out; null for the built-in
  // ones.
  const LanguageRegistry* languages = nullptr;
};

struct TimelineSource {
  std::string source;  // path, JSONL record or URL as ingested
  std::string url;     // may be empty
  std::optional<CivilDate> published;
  std::string title;
};

struct TimelineSentence {
  std::string text;
  bool weak_date = false;  // dated by its article's publication date only
  // The article the sentence comes from, then its near-duplicate copies.
  std::vector<TimelineSource> sources;
};

struct TimelineDate {
  CivilDate date;
  double score = 0;  // weighted count of sentences referring to the date
  std::vector<TimelineSentence> sentences;
};

struct Timeline {
  std::string title;                // the query, or "Timeline"
  std::vector<TimelineDate> dates;  // in chronological order
};

// Builds a timeline from the sentences of `corpus` the options select.
// Sentences dated "XXXX-MM-DD" (an undated article) take the year that puts
// them closest to the median publication date of the selected articles.
// Fails with the store's errors (a malformed full-text query is
// kInvalidArgument).
StatusOr<Timeline> BuildTimeline(const Corpus& corpus, const TimelineOptions& options);

enum class TimelineFormat {
  kJson,        // {"title": ..., "dates": [{"date", "score", "sentences": [{"text", "sources"}]}]}
  kMarkdown,    // a "## date" heading per date, sentences as a list with sources
  kTilse,       // "YYYY-MM-DD" line, one sentence a line, a line of dashes
  kTimelineJs,  // TimelineJS 3 JSON ({"title", "events": [...]})
  kHtml,        // a self-contained page (inline style, no script)
};
// "json", "md", "tilse", "timelinejs", "html".
std::optional<TimelineFormat> ParseTimelineFormat(std::string_view name);

// Sources become links (HTML, Markdown, TimelineJS) only when their URL is a
// web address or a relative one: a `javascript:` URL from a page or a record
// shows as text. Text is escaped for the format.
std::string FormatTimeline(const Timeline& timeline, TimelineFormat format);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_H_
