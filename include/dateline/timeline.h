// Timelines from a corpus, after DATEWISE (Gholipour Ghalandari and Ifrim,
// 2020): dates are ranked by how many articles name them in their own
// sentences; the leading ones are re-ranked by their topic share (how
// closely the sentences naming a date match those of the other dates, so
// that dates named only in asides give way to the story's own) and spread
// over events (a date next to one already taken yields to the next event on
// a near-tie); dates known only as publication days come after. For each
// date the sentences dated to it are ranked by similarity to their centroid
// and to the timeline's (questions, exclamations, tweets and links
// discounted); near-repeats are dropped, a second sentence of an article
// already picked for the date competes discounted, and the best `sentences`
// are kept. Lines the corpus marks as boilerplate take no part. Each
// sentence carries its sources: its article and the article's copies, and
// each date the evidence that chose it.
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

#include <cstdint>
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
  // The stored sentence, for Corpus::GetSentence and Corpus::ExpressionsOf
  // (which expression dated it); 0 when not built from a store.
  int64_t sentence_id = 0;
};

// Why a date is in the timeline.
struct TimelineEvidence {
  int64_t sentences = 0;  // sentences whose own expression names the date
  int64_t articles = 0;   // distinct articles among them
  int64_t published = 0;  // articles published on the date
  // Mean, over the articles naming the date, of the best cosine similarity
  // of their sentences about it to the rest of the timeline; negative when
  // not computed (a date known only as a publication day).
  double topic_share = -1;
  size_t count_rank = 0;  // 1 for the date most articles name, ...
};

struct TimelineDate {
  CivilDate date;
  // The ranking score: `evidence.articles` times the topic share relative to
  // the shortlist's mean (about the number of on-topic articles naming the
  // date); for a date known only as a publication day, the articles
  // published on it.
  double score = 0;
  TimelineEvidence evidence;
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
// The same from any store of dated sentences (timeline_store.h): a corpus
// split into partitions (distributed_timeline.h) gets the timeline one
// Corpus holding all of it would give.
class TimelineStore;
StatusOr<Timeline> BuildTimeline(const TimelineStore& store, const TimelineOptions& options);

enum class TimelineFormat {
  kJson,        // {"title", "dates": [{"date", "score", "evidence", "sentences": [{"id", "text", ...}]}]}
  kMarkdown,    // a "## date" heading per date, sentences as a list with sources
  kTilse,       // "YYYY-MM-DD" line, one sentence a line, a line of dashes
  kTimelineJs,  // TimelineJS 3 JSON ({"title", "events": [...]})
  kHtml,        // a self-contained page (inline style, no script)
};
// "json", "md", "tilse", "timelinejs", "html".
std::optional<TimelineFormat> ParseTimelineFormat(std::string_view name);

// Sources become links (HTML, Markdown, TimelineJS; JSON's `link`, null
// otherwise) only when their URL is a web address or a relative one: a
// `javascript:` URL from a page or a record shows as text. Text is escaped
// for the format.
std::string FormatTimeline(const Timeline& timeline, TimelineFormat format);

}  // namespace dateline

#endif  // DATELINE_TIMELINE_H_
