// The driver of a distributed timeline (dateline/distributed_timeline.h):
// an in-memory TimelineStore filled from the partitions' answers.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "corpus/wire.h"
#include "dateline/distributed_timeline.h"
#include "dateline/timeline_store.h"
#include "timeline/tuning.h"
#include "util/status_macros.h"

namespace dateline {
namespace {

// The store's answers, as far as gathered, for one filter (the options'):
// a question whose answer is missing fails with kNotFound and is noted, to
// be asked of the partitions.
class GatheredStore : public TimelineStore {
 public:
  explicit GatheredStore(SentenceFilter filter) : filter_(std::move(filter)) {}

  StatusOr<std::vector<CivilDate>> PublicationDates(const SentenceFilter& filter) const override {
    DL_RETURN_IF_ERROR(CheckFilter(filter));
    return published_;
  }
  StatusOr<std::vector<DateCount>> CountDates(const SentenceFilter& filter) const override {
    DL_RETURN_IF_ERROR(CheckFilter(filter));
    std::vector<DateCount> out;
    for (const auto& [date, count] : counts_) out.push_back(count);
    return out;
  }
  StatusOr<std::vector<CorpusSentence>> SentencesOn(const TimexValue& date,
                                                    const SentenceFilter& filter,
                                                    size_t limit) const override {
    DL_RETURN_IF_ERROR(CheckFilter(filter));
    const wire::SentenceRequest key{date.ToString(), filter.max_position, limit};
    auto it = sentences_.find(key);
    if (it == sentences_.end()) {
      missing_.insert(key);
      return Status::NotFound("sentences on " + key.date + " not gathered yet");
    }
    return it->second;
  }
  StatusOr<CorpusArticle> GetArticle(int64_t article_id) const override {
    if (article_id < 1 || static_cast<size_t>(article_id) > articles_.size()) {
      return Status::NotFound("article " + std::to_string(article_id));
    }
    const Entry& e = articles_[static_cast<size_t>(article_id - 1)];
    CorpusArticle a;
    a.origin = articles_[static_cast<size_t>(e.canonical - 1)].source;
    a.language = e.language;
    auto copies = copies_.find(e.canonical);
    if (copies != copies_.end()) {
      for (int64_t id : copies->second)
        a.copies.push_back(articles_[static_cast<size_t>(id - 1)].source);
    }
    return a;
  }

  Status SetCatalog(std::string_view catalog) {
    wire::Reader r(catalog);
    articles_.resize(r.Count());
    for (size_t i = 0; i < articles_.size() && r.ok(); ++i) {
      Entry& e = articles_[i];
      e.canonical = r.I64();
      e.language = r.Str();
      e.source.article_id = static_cast<int64_t>(i) + 1;
      e.source.source = r.Str();
      e.source.url = r.Str();
      e.source.published = ParseCivilDate(r.Str());
      e.source.title = r.Str();
      if (e.canonical < 1 || static_cast<size_t>(e.canonical) > articles_.size()) break;
      if (e.canonical != e.source.article_id) copies_[e.canonical].push_back(e.source.article_id);
    }
    if (!r.ok() || !r.done()) return Status::InvalidArgument("a malformed timeline catalog");
    return Status::Ok();
  }

  Status AddTallies(std::string_view tallies) {
    wire::Reader r(tallies);
    std::vector<CivilDate> published;
    const uint64_t days = r.Count();
    for (uint64_t i = 0; i < days && r.ok(); ++i) {
      const std::optional<CivilDate> day = ParseCivilDate(r.Str());
      if (day) published.push_back(*day);
    }
    std::vector<std::tuple<std::string, int64_t, int64_t, int64_t>> counts(r.Count());
    for (auto& [date, strong, weak, articles] : counts) {
      date = r.Str();
      strong = r.I64();
      weak = r.I64();
      articles = r.I64();
      if (!r.ok()) break;
    }
    if (!r.ok() || !r.done()) return Status::InvalidArgument("malformed partition tallies");
    for (auto& [date, strong, weak, articles] : counts) {
      auto it = counts_.find(date);
      if (it == counts_.end()) {
        const auto value = TimexValue::Parse(date);
        if (!value) return Status::InvalidArgument("partition tallies: a date '" + date + "'");
        it = counts_.emplace(date, DateCount{*value}).first;
      }
      it->second.strong += strong;
      it->second.weak += weak;
      it->second.strong_articles += articles;
    }
    published_.insert(published_.end(), published.begin(), published.end());
    std::sort(published_.begin(), published_.end());
    return Status::Ok();
  }

  // Moves what is missing (and `also`) to the questions being asked; their
  // answers start empty and grow with each partition's.
  std::vector<wire::SentenceRequest> Ask(const std::vector<wire::SentenceRequest>& also) {
    std::set<wire::SentenceRequest> ask(also.begin(), also.end());
    ask.insert(missing_.begin(), missing_.end());
    missing_.clear();
    std::vector<wire::SentenceRequest> out;
    for (const wire::SentenceRequest& q : ask) {
      if (sentences_.emplace(q, std::vector<CorpusSentence>()).second) out.push_back(q);
    }
    return out;
  }
  bool Missing() const { return !missing_.empty(); }

  // Merges one partition's sentences for `q` into the store's order
  // (corpus.cc, SentencesOn: strong first, then article, then id).
  void Merge(const wire::SentenceRequest& q, std::vector<CorpusSentence> more) {
    std::vector<CorpusSentence>& all = sentences_[q];
    for (CorpusSentence& s : more) all.push_back(std::move(s));
    std::sort(all.begin(), all.end(), [](const CorpusSentence& a, const CorpusSentence& b) {
      return std::tie(a.weak_date, a.article_id, a.id) < std::tie(b.weak_date, b.article_id, b.id);
    });
    if (q.limit > 0 && all.size() > q.limit) all.resize(q.limit);
  }

 private:
  // The store answers for the options' filter alone (the sentence count
  // cap, max_position, excepted: it is part of each question).
  Status CheckFilter(const SentenceFilter& f) const {
    if (f.query != filter_.query || f.from != filter_.from || f.to != filter_.to ||
        f.language != filter_.language || f.include_boilerplate != filter_.include_boilerplate) {
      return Status::Internal("a distributed timeline asked about another filter");
    }
    return Status::Ok();
  }

  struct Entry {
    int64_t canonical = 0;
    std::string language;
    CorpusSource source;
  };
  const SentenceFilter filter_;
  std::vector<CivilDate> published_;
  std::map<std::string, DateCount> counts_;
  std::map<wire::SentenceRequest, std::vector<CorpusSentence>> sentences_;
  mutable std::set<wire::SentenceRequest> missing_;
  std::vector<Entry> articles_;
  std::map<int64_t, std::vector<int64_t>> copies_;  // canonical -> copies, in id order
};

}  // namespace

struct DistributedTimeline::Impl {
  explicit Impl(const TimelineOptions& o) : options(o), store(o.filter) {}
  TimelineOptions options;
  TimelineTuning tuning;
  GatheredStore store;
  Status catalog_status;
  bool prefetched = false;
  std::vector<wire::SentenceRequest> asked;  // the last Requests()
  std::vector<wire::SentenceRequest> pending;
};

DistributedTimeline::DistributedTimeline(std::string_view catalog, const TimelineOptions& options)
    : impl_(std::make_unique<Impl>(options)) {
  impl_->catalog_status = impl_->store.SetCatalog(catalog);
}
DistributedTimeline::~DistributedTimeline() = default;

Status DistributedTimeline::AddTallies(std::string_view tallies) {
  DL_RETURN_IF_ERROR(impl_->catalog_status);
  return impl_->store.AddTallies(tallies);
}

StatusOr<std::optional<Timeline>> DistributedTimeline::Build() {
  DL_RETURN_IF_ERROR(impl_->catalog_status);
  Impl& s = *impl_;
  if (!s.prefetched) {
    // The shortlist's sentences in one round, rather than a round a date.
    s.prefetched = true;
    DL_ASSIGN_OR_RETURN(const std::vector<SentenceRead> reads,
                        FirstSentenceReads(s.store, s.options, s.tuning));
    std::vector<wire::SentenceRequest> first;
    for (const SentenceRead& r : reads) {
      first.push_back({r.date.ToString(), r.max_position, r.limit});
    }
    s.pending = s.store.Ask(first);
    if (!s.pending.empty()) return std::optional<Timeline>();
  }
  StatusOr<Timeline> built = BuildTimeline(s.store, s.options, s.tuning);
  if (built.ok()) return std::optional<Timeline>(std::move(built).value());
  if (!s.store.Missing()) return built.status();
  s.pending = s.store.Ask({});
  return std::optional<Timeline>();
}

std::string DistributedTimeline::Requests() {
  Impl& s = *impl_;
  wire::Writer w;
  s.asked = s.pending;
  w.U64(s.asked.size());
  for (const wire::SentenceRequest& q : s.asked) {
    w.Str(q.date);
    w.I64(q.max_position);
    w.U64(q.limit);
  }
  return s.asked.empty() ? std::string() : w.Take();
}

Status DistributedTimeline::AddSentences(std::string_view sentences) {
  Impl& s = *impl_;
  wire::Reader r(sentences);
  if (r.U64() != s.asked.size()) {
    return Status::InvalidArgument("partition sentences answer other requests");
  }
  std::vector<std::vector<CorpusSentence>> answers(s.asked.size());
  for (auto& answer : answers) {
    answer.resize(r.Count());
    for (CorpusSentence& sentence : answer) {
      if (!wire::ReadSentence(r, sentence)) break;
    }
    if (!r.ok()) break;
  }
  if (!r.ok() || !r.done()) return Status::InvalidArgument("malformed partition sentences");
  for (size_t i = 0; i < answers.size(); ++i) s.store.Merge(s.asked[i], std::move(answers[i]));
  return Status::Ok();
}

}  // namespace dateline
