// Partitions of a corpus and the driver's replay of the store's decisions
// (dateline/corpus_partition.h).
#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "corpus/date_tally.h"
#include "corpus/minhash.h"
#include "corpus/sqlite.h"
#include "corpus/store_rules.h"
#include "corpus/wire.h"
#include "dateline/corpus_partition.h"

namespace dateline {
namespace {

std::string DayText(const std::optional<CivilDate>& day) {
  return day ? FormatCivilDate(*day) : std::string();
}

// A sentence as the store keeps it (corpus.cc, StoreSentences): spans out
// of the text are left out and do not take a position.
struct StoredSentence {
  size_t begin = 0, end = 0;
  int position = 0;
  std::string date;  // "" when undated
  bool weak = false;
  int64_t hash = 0;
};

// What the plan says of an article of the partition.
enum class Role : uint8_t {
  kNone = 0,   // a duplicate, a copy, or content re-tagged later: no sentences
  kHolds = 1,  // the content of canonical article `article_id`
};

struct Decision {
  Role role = Role::kNone;
  int64_t article_id = 0;
  int64_t sentence_base = 0;  // the id of its sentence at position 0
};

}  // namespace

struct TimelinePartition::Impl {
  struct Article {
    CorpusDocument doc;
    std::vector<StoredSentence> sentences;
  };
  std::vector<Article> articles;
  std::vector<Decision> decisions;  // empty until ApplyPlan
  std::unordered_set<int64_t> boilerplate;
  bool planned = false;
  // The full-text index of the articles this partition holds, built on the
  // first query; and the last query's matching article ids.
  mutable std::unique_ptr<sql::Database> fts;
  mutable std::optional<std::string> matched_query;
  mutable std::unordered_set<int64_t> matched;

  // Whether article `i` holds content the filter covers (its query and
  // language). Throws sql::Error for a bad query.
  bool Covers(size_t i, const SentenceFilter& filter) const;
  void Match(const std::string& query) const;
};

void TimelinePartition::Impl::Match(const std::string& query) const {
  if (matched_query == query) return;
  CheckQuery(query);
  if (!fts) {
    fts = std::make_unique<sql::Database>(":memory:");
    fts->Exec("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize='" +
              std::string(kFullTextTokenizer) + "')");
    sql::Statement add(*fts, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)");
    for (size_t i = 0; i < articles.size(); ++i) {
      if (decisions[i].role != Role::kHolds) continue;
      add.Bind(1, decisions[i].article_id)
          .Bind(2, articles[i].doc.title)
          .Bind(3, articles[i].doc.text)
          .Run();
    }
  }
  matched.clear();
  sql::Statement st(*fts, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?");
  WithUserQuery(query, [&] {
    st.Bind(1, query);
    while (st.Step()) matched.insert(st.Int(0));
  });
  matched_query = query;
}

bool TimelinePartition::Impl::Covers(size_t i, const SentenceFilter& filter) const {
  if (decisions[i].role != Role::kHolds) return false;
  if (!filter.language.empty() && articles[i].doc.language != filter.language) return false;
  if (filter.query.empty()) return true;
  Match(filter.query);
  return matched.contains(decisions[i].article_id);
}

TimelinePartition::TimelinePartition() : impl_(std::make_unique<Impl>()) {}
TimelinePartition::~TimelinePartition() = default;

void TimelinePartition::Add(CorpusDocument doc) {
  Impl::Article a;
  int position = 0;
  for (const Sentence& span : doc.sentences) {
    if (span.end > doc.text.size() || span.begin >= span.end) continue;
    StoredSentence s;
    s.begin = span.begin;
    s.end = span.end;
    s.position = position++;
    s.date = span.date ? span.date->ToString() : std::string();
    s.weak = span.weak_date;
    s.hash = SentenceHash(std::string_view(doc.text).substr(span.begin, span.end - span.begin));
    a.sentences.push_back(std::move(s));
  }
  a.doc = std::move(doc);
  // The spans are in `sentences` now, and a timeline never reads the
  // expressions: a partition keeps its texts and little else.
  std::vector<Sentence>().swap(a.doc.sentences);
  std::vector<TimeExpression>().swap(a.doc.expressions);
  impl_->articles.push_back(std::move(a));
  impl_->planned = false;
  impl_->fts.reset();
  impl_->matched_query.reset();
}

size_t TimelinePartition::size() const { return impl_->articles.size(); }
bool TimelinePartition::planned() const { return impl_->planned; }

std::string TimelinePartition::Digest() const {
  wire::Writer w;
  w.U64(impl_->articles.size());
  for (const Impl::Article& a : impl_->articles) {
    const CorpusDocument& d = a.doc;
    w.Str(ContentHash(d.title, d.text));
    w.Str(d.language);
    w.Str(d.annotator);
    const MinHashSignature sig = ComputeMinHash(d.title + "\n" + d.text);
    w.Str(EncodeSignature(sig));
    w.U64(sig.shingles);
    w.U64(a.sentences.size());
    std::vector<int64_t> hashes;
    for (const StoredSentence& s : a.sentences) hashes.push_back(s.hash);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    w.U64(hashes.size());
    for (int64_t h : hashes) w.I64(h);
    w.Str(d.source);
    w.Str(d.url);
    w.Str(d.title);
    w.Str(DayText(d.published));
  }
  return w.Take();
}

Status TimelinePartition::ApplyPlan(std::string_view plan) {
  wire::Reader r(plan);
  const uint64_t n = r.U64();
  if (!r.ok() || n != impl_->articles.size()) {
    return Status::InvalidArgument("a timeline plan for " + std::to_string(n) +
                                   " articles given to a partition of " +
                                   std::to_string(impl_->articles.size()));
  }
  std::vector<Decision> decisions(n);
  for (Decision& d : decisions) {
    d.role = r.U64() == 1 ? Role::kHolds : Role::kNone;
    d.article_id = r.I64();
    d.sentence_base = r.I64();
  }
  std::unordered_set<int64_t> boilerplate;
  const uint64_t b = r.U64();
  for (uint64_t i = 0; i < b && r.ok(); ++i) boilerplate.insert(r.I64());
  if (!r.ok() || !r.done()) return Status::InvalidArgument("a malformed timeline plan");
  impl_->decisions = std::move(decisions);
  impl_->boilerplate = std::move(boilerplate);
  impl_->planned = true;
  impl_->fts.reset();
  impl_->matched_query.reset();
  return Status::Ok();
}

StatusOr<std::string> TimelinePartition::Tallies(const SentenceFilter& filter) const {
  if (!impl_->planned) return Status::InvalidArgument("timeline partition: no plan applied");
  return sql::Guard([&] {
    const std::string from = DayText(filter.from), to = DayText(filter.to);
    std::vector<std::string> published;
    std::map<std::string, DateCount> by_date;
    for (size_t i = 0; i < impl_->articles.size(); ++i) {
      if (!impl_->Covers(i, filter)) continue;
      const Impl::Article& a = impl_->articles[i];
      if (a.doc.published) published.push_back(FormatCivilDate(*a.doc.published));
      // As the store's per-article tallies (boilerplate left out; only
      // 10-byte day texts survive their encoding) summed by CountDates.
      std::vector<DateTally> tallies;
      for (const StoredSentence& s : a.sentences) {
        if (!s.date.empty() && !impl_->boilerplate.contains(s.hash)) {
          AddToTallies(tallies, s.date, s.weak);
        }
      }
      for (const DateTally& t : tallies) {
        if (t.date.size() != 10) continue;
        if (!from.empty() && t.date < from && !t.date.starts_with("XXXX")) continue;
        if (!to.empty() && t.date > to) continue;
        auto it = by_date.find(t.date);
        if (it == by_date.end()) {
          const auto value = TimexValue::Parse(t.date);
          if (!value) continue;
          it = by_date.emplace(t.date, DateCount{*value}).first;
        }
        it->second.strong += t.strong;
        it->second.weak += t.weak;
        if (t.strong > 0) ++it->second.strong_articles;
      }
    }
    wire::Writer w;
    w.U64(published.size());
    for (const std::string& day : published) w.Str(day);
    w.U64(by_date.size());
    for (const auto& [date, c] : by_date) {
      w.Str(date);
      w.I64(c.strong);
      w.I64(c.weak);
      w.I64(c.strong_articles);
    }
    return w.Take();
  });
}

StatusOr<std::string> TimelinePartition::Sentences(std::string_view requests,
                                                   const SentenceFilter& filter) const {
  if (!impl_->planned) return Status::InvalidArgument("timeline partition: no plan applied");
  wire::Reader r(requests);
  std::vector<wire::SentenceRequest> asked(r.Count());
  for (wire::SentenceRequest& q : asked) {
    q.date = r.Str();
    q.max_position = r.I64();
    q.limit = r.U64();
  }
  if (!r.ok() || !r.done()) return Status::InvalidArgument("malformed sentence requests");
  return sql::Guard([&] {
    const std::string from = DayText(filter.from), to = DayText(filter.to);
    wire::Writer w;
    w.U64(asked.size());
    for (const wire::SentenceRequest& q : asked) {
      // (weak, article, id): the store's order (corpus.cc, SentencesOn).
      std::vector<std::tuple<bool, int64_t, int64_t, size_t, const StoredSentence*>> found;
      const bool in_range = (from.empty() || q.date >= from || q.date.starts_with("XXXX")) &&
                            (to.empty() || q.date <= to);
      for (size_t i = 0; in_range && !q.date.empty() && i < impl_->articles.size(); ++i) {
        if (!impl_->Covers(i, filter)) continue;
        const Decision& d = impl_->decisions[i];
        for (const StoredSentence& s : impl_->articles[i].sentences) {
          if (s.date != q.date) continue;
          if (q.max_position > 0 && s.position >= q.max_position) continue;
          if (!filter.include_boilerplate && impl_->boilerplate.contains(s.hash)) continue;
          found.emplace_back(s.weak, d.article_id, d.sentence_base + s.position, i, &s);
        }
      }
      std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
               std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
      });
      if (q.limit > 0 && found.size() > q.limit) found.resize(q.limit);
      // A stored date is a TIMEX3 value's text (Sentence::date), so it
      // parses back.
      const std::optional<TimexValue> date = TimexValue::Parse(q.date);
      w.U64(date ? found.size() : 0);
      for (const auto& [weak, article, id, index, stored] : found) {
        if (!date) break;
        const CorpusDocument& doc = impl_->articles[index].doc;
        CorpusSentence out;
        out.id = id;
        out.article_id = article;
        out.position = stored->position;
        out.text = doc.text.substr(stored->begin, stored->end - stored->begin);
        out.date = *date;
        out.weak_date = weak;
        out.article_published = doc.published;
        out.language = doc.language;
        wire::WriteSentence(w, out);
      }
    }
    return w.Take();
  });
}

// The planner: the store's Add (corpus.cc) replayed on digests.
struct PartitionPlanner::Impl {
  struct Article {
    int64_t canonical = 0;
    std::string language, annotator;
    MinHashSignature sig;
    CorpusSource source;
    // For a canonical article: who holds its content, its sentence ids and
    // its distinct sentence texts.
    size_t partition = 0, index = 0;
    int64_t first_sentence = 0, sentence_count = 0;
    std::vector<int64_t> hashes;
  };
  std::vector<Article> articles;  // id - 1
  std::unordered_map<std::string, int64_t> by_content;
  std::unordered_map<int64_t, std::vector<int64_t>>
      lsh;                                             // band key -> articles, in insertion order
  std::unordered_map<int64_t, int64_t> text_articles;  // sentence hash -> canonical articles
  std::map<int64_t, int64_t> live_sentences;           // first id -> count
  std::vector<std::vector<Decision>> decisions;        // per partition, per article

  int64_t NextSentenceId() const {
    return live_sentences.empty()
               ? 1
               : live_sentences.rbegin()->first + live_sentences.rbegin()->second;
  }
  // corpus.cc, FindNearDuplicate.
  int64_t FindNearDuplicate(const MinHashSignature& sig, const std::vector<uint64_t>& keys) const {
    std::set<int64_t> candidates;
    for (uint64_t key : keys) {
      auto it = lsh.find(static_cast<int64_t>(key));
      if (it == lsh.end()) continue;
      const std::vector<int64_t>& ids = it->second;
      for (size_t n = 0; n < ids.size() && n < 32; ++n) candidates.insert(ids[ids.size() - 1 - n]);
    }
    int64_t best = 0;
    double best_j = -1;
    for (int64_t id : candidates) {
      const Article& other = articles[static_cast<size_t>(id - 1)];
      const double j = EstimateJaccard(sig, other.sig);
      if (IsNearDuplicate(sig, other.sig) && j > best_j) {
        best_j = j;
        best = other.canonical;
      }
    }
    return best;
  }
  void Hold(int64_t id, size_t partition, size_t index, int64_t sentences,
            std::vector<int64_t> hashes) {
    Article& a = articles[static_cast<size_t>(id - 1)];
    a.partition = partition;
    a.index = index;
    a.first_sentence = NextSentenceId();
    a.sentence_count = sentences;
    if (sentences > 0) live_sentences[a.first_sentence] = sentences;
    for (int64_t h : hashes) ++text_articles[h];
    a.hashes = std::move(hashes);
    decisions[partition][index] = {Role::kHolds, id, a.first_sentence};
  }
  void Forget(int64_t id) {
    Article& a = articles[static_cast<size_t>(id - 1)];
    if (a.sentence_count > 0) live_sentences.erase(a.first_sentence);
    for (int64_t h : a.hashes) --text_articles[h];
    a.hashes.clear();
    decisions[a.partition][a.index] = {};
  }
};

PartitionPlanner::PartitionPlanner() : impl_(std::make_unique<Impl>()) {}
PartitionPlanner::~PartitionPlanner() = default;
size_t PartitionPlanner::partitions() const { return impl_->decisions.size(); }

Status PartitionPlanner::AddDigest(std::string_view digest) {
  struct Entry {
    std::string content, language, annotator, signature;
    uint64_t shingles = 0, sentences = 0;
    std::vector<int64_t> hashes;
    std::string source, url, title, published;
  };
  wire::Reader r(digest);
  std::vector<Entry> entries(r.Count());
  for (Entry& e : entries) {
    e.content = r.Str();
    e.language = r.Str();
    e.annotator = r.Str();
    e.signature = r.Str();
    e.shingles = r.U64();
    e.sentences = r.U64();
    e.hashes.resize(r.Count());
    for (int64_t& h : e.hashes) h = r.I64();
    e.source = r.Str();
    e.url = r.Str();
    e.title = r.Str();
    e.published = r.Str();
    if (!r.ok()) break;
  }
  if (!r.ok() || !r.done()) return Status::InvalidArgument("a malformed partition digest");
  Impl& s = *impl_;
  const size_t partition = s.decisions.size();
  s.decisions.emplace_back(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    auto known = s.by_content.find(e.content);
    if (known != s.by_content.end()) {
      Impl::Article& a = s.articles[static_cast<size_t>(known->second - 1)];
      if (a.language == e.language && a.annotator == e.annotator) continue;  // a duplicate
      // The same content tagged another way: its annotation is replaced.
      a.language = e.language;
      a.annotator = e.annotator;
      if (a.canonical == known->second) {
        s.Forget(known->second);
        s.Hold(known->second, partition, i, static_cast<int64_t>(e.sentences), std::move(e.hashes));
      }
      continue;
    }
    Impl::Article a;
    a.sig = DecodeSignature(e.signature, static_cast<uint32_t>(e.shingles));
    const std::vector<uint64_t> keys = LshBandKeys(a.sig);
    const int64_t canonical = keys.empty() ? 0 : s.FindNearDuplicate(a.sig, keys);
    const int64_t id = static_cast<int64_t>(s.articles.size()) + 1;
    a.canonical = canonical != 0 ? canonical : id;
    a.language = std::move(e.language);
    a.annotator = std::move(e.annotator);
    a.source = {id, std::move(e.source), std::move(e.url), ParseCivilDate(e.published),
                std::move(e.title)};
    s.articles.push_back(std::move(a));
    s.by_content.emplace(std::move(e.content), id);
    for (uint64_t key : keys) s.lsh[static_cast<int64_t>(key)].push_back(id);
    if (canonical == 0) {
      s.Hold(id, partition, i, static_cast<int64_t>(e.sentences), std::move(e.hashes));
    }
  }
  return Status::Ok();
}

std::string PartitionPlanner::Plan(size_t index) const {
  wire::Writer w;
  const std::vector<Decision>& decisions = impl_->decisions.at(index);
  w.U64(decisions.size());
  for (const Decision& d : decisions) {
    w.U64(static_cast<uint64_t>(d.role));
    w.I64(d.article_id);
    w.I64(d.sentence_base);
  }
  std::vector<int64_t> boilerplate;
  for (const auto& [hash, articles] : impl_->text_articles) {
    if (articles >= kBoilerplateArticles) boilerplate.push_back(hash);
  }
  std::sort(boilerplate.begin(), boilerplate.end());
  w.U64(boilerplate.size());
  for (int64_t h : boilerplate) w.I64(h);
  return w.Take();
}

std::string PartitionPlanner::Catalog() const {
  wire::Writer w;
  w.U64(impl_->articles.size());
  for (const Impl::Article& a : impl_->articles) {
    w.I64(a.canonical);
    w.Str(a.language);
    w.Str(a.source.source);
    w.Str(a.source.url);
    w.Str(DayText(a.source.published));
    w.Str(a.source.title);
  }
  return w.Take();
}

}  // namespace dateline
