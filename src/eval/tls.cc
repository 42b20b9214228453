#include "eval/tls.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/timeline.h"
#include "eval/tls_baseline.h"
#include "timeline/terms.h"
#include "util/io.h"
#include "util/status_macros.h"

namespace dateline::eval {
namespace {

using Counts = std::unordered_map<std::string, int>;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsDashLine(std::string_view s) {
  return s.size() >= 3 && s.find_first_not_of('-') == std::string_view::npos;
}

Counts NGrams(const std::vector<std::string>& tokens, int n) {
  Counts counts;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (int j = 1; j < n; ++j) key += " " + tokens[i + j];
    ++counts[key];
  }
  return counts;
}

int Total(const Counts& c) {
  int t = 0;
  for (const auto& [k, v] : c) t += v;
  return t;
}

int Hits(const Counts& pred, const Counts& ref) {
  int hits = 0;
  for (const auto& [k, v] : pred) {
    auto it = ref.find(k);
    if (it != ref.end()) hits += std::min(v, it->second);
  }
  return hits;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

PrfScore Prf(double num_p, double den_p, double num_r, double den_r) {
  PrfScore s;
  s.precision = den_p > 0 ? num_p / den_p : 0.0;
  s.recall = den_r > 0 ? num_r / den_r : 0.0;
  s.f1 = F1(s.precision, s.recall);
  return s;
}

// A timeline as token lists: all tokens of each date's sentences.
using TokenTimeline = std::map<CivilDate, std::vector<std::string>>;

TokenTimeline TokenizeTimeline(const TlsTimeline& t, const TlsTokenizer& tok) {
  TokenTimeline out;
  for (const auto& [date, sentences] : t) {
    auto& tokens = out[date];
    for (const auto& s : sentences) {
      auto more = tok.Tokenize(s);
      tokens.insert(tokens.end(), more.begin(), more.end());
    }
  }
  return out;
}

std::vector<std::string> Concat(const TokenTimeline& t) {
  std::vector<std::string> out;
  for (const auto& [date, tokens] : t) out.insert(out.end(), tokens.begin(), tokens.end());
  return out;
}

struct Sums {
  double num_p = 0, den_p = 0, num_r = 0, den_r = 0;
};

double QuickRouge1F(const Counts& a, const Counts& b) {
  const int hits = Hits(a, b);
  const int ta = Total(a), tb = Total(b);
  return F1(ta ? double(hits) / ta : 0.0, tb ? double(hits) / tb : 0.0);
}

// For each date of `from`, the date of `to` with the least align+ cost.
// Returns pairs (from date, to date).
std::vector<std::pair<CivilDate, CivilDate>> BestMatches(const std::map<CivilDate, Counts>& from,
                                                         const std::map<CivilDate, Counts>& to) {
  std::vector<std::pair<CivilDate, CivilDate>> out;
  for (const auto& [a, ca] : from) {
    double best = std::numeric_limits<double>::infinity();
    CivilDate best_date{};
    for (const auto& [b, cb] : to) {
      const double days = std::fabs(static_cast<double>(ToDays(a) - ToDays(b)));
      const double date_cost = 1.0 - 1.0 / (days + 1.0);
      const double cost = date_cost * (1.0 - QuickRouge1F(ca, cb));
      if (cost < best) {
        best = cost;
        best_date = b;
      }
    }
    if (best < std::numeric_limits<double>::infinity()) out.emplace_back(a, best_date);
  }
  return out;
}

void AlignManyToOne(const TokenTimeline& pred, const TokenTimeline& ref, int n, Sums& sums) {
  std::map<CivilDate, Counts> p1, r1, pn, rn;
  for (const auto& [d, t] : pred) p1[d] = NGrams(t, 1), pn[d] = NGrams(t, n);
  for (const auto& [d, t] : ref) r1[d] = NGrams(t, 1), rn[d] = NGrams(t, n);
  auto weight = [](CivilDate a, CivilDate b) {
    return 1.0 / (std::fabs(static_cast<double>(ToDays(a) - ToDays(b))) + 1.0);
  };
  for (const auto& [a, b] : BestMatches(p1, r1)) {
    sums.num_p += Hits(pn[a], rn[b]) * weight(a, b);
    sums.den_p += Total(pn[a]);
  }
  for (const auto& [b, a] : BestMatches(r1, p1)) {
    sums.num_r += Hits(pn[a], rn[b]) * weight(a, b);
    sums.den_r += Total(rn[b]);
  }
  // Dates without any counterpart still count in the denominators.
  if (ref.empty())
    for (const auto& [a, c] : pn) sums.den_p += Total(c);
  if (pred.empty())
    for (const auto& [b, c] : rn) sums.den_r += Total(c);
}

}  // namespace

struct TlsTokenizer::Impl {
  explicit Impl(const TlsOptions& options) : terms(PackFor(options.language), options.stem) {}
  static const LanguagePack& PackFor(const std::string& language) {
    auto pack = LanguageRegistry::BuiltIn().Find(language);
    return pack.ok() ? **pack : LanguageRegistry::BuiltIn().Neutral();
  }
  Terms terms;
};

TlsTokenizer::TlsTokenizer(const TlsOptions& options) : impl_(std::make_unique<Impl>(options)) {}

TlsTokenizer::~TlsTokenizer() = default;

std::vector<std::string> TlsTokenizer::Tokenize(std::string_view sentence) const {
  return impl_->terms.Of(sentence);
}

bool ParseTlsTimeline(std::string_view text, TlsTimeline& out, std::string& error) {
  out.clear();
  bool in_date = false;
  CivilDate current{};
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = Trim(text.substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty()) continue;
    if (IsDashLine(line)) {
      in_date = false;
      continue;
    }
    if (!in_date) {
      const std::optional<CivilDate> day = ParseCivilDate(line);
      if (!day) {
        error = "line " + std::to_string(line_no) + ": expected a YYYY-MM-DD date";
        return false;
      }
      current = *day;
      in_date = true;
      out[current];
      continue;
    }
    out[current].emplace_back(line);
  }
  return true;
}

TlsScores ScoreTimeline(const TlsTimeline& system, const std::vector<TlsTimeline>& references,
                        const TlsOptions& options) {
  const TlsTokenizer tok(options);
  const TokenTimeline pred = TokenizeTimeline(system, tok);
  const std::vector<std::string> pred_all = Concat(pred);
  Sums date, c1, c2, a1, a2;
  for (const TlsTimeline& reference : references) {
    const TokenTimeline ref = TokenizeTimeline(reference, tok);
    int common = 0;
    for (const auto& [d, s] : system) common += reference.count(d) ? 1 : 0;
    date.num_p += common;
    date.num_r += common;
    date.den_p += static_cast<double>(system.size());
    date.den_r += static_cast<double>(reference.size());
    const std::vector<std::string> ref_all = Concat(ref);
    for (int n : {1, 2}) {
      Sums& s = n == 1 ? c1 : c2;
      const Counts pc = NGrams(pred_all, n), rc = NGrams(ref_all, n);
      const int hits = Hits(pc, rc);
      s.num_p += hits;
      s.num_r += hits;
      s.den_p += Total(pc);
      s.den_r += Total(rc);
    }
    AlignManyToOne(pred, ref, 1, a1);
    AlignManyToOne(pred, ref, 2, a2);
  }
  TlsScores out;
  auto prf = [](const Sums& s) { return Prf(s.num_p, s.den_p, s.num_r, s.den_r); };
  out.date = prf(date);
  out.concat1 = prf(c1);
  out.concat2 = prf(c2);
  out.align1 = prf(a1);
  out.align2 = prf(a2);
  return out;
}

TlsScores AverageScores(const std::vector<TlsScores>& topics) {
  TlsScores out;
  if (topics.empty()) return out;
  auto avg = [&](PrfScore TlsScores::*m) {
    PrfScore s;
    for (const auto& t : topics) s.precision += (t.*m).precision, s.recall += (t.*m).recall;
    s.precision /= topics.size();
    s.recall /= topics.size();
    s.f1 = F1(s.precision, s.recall);
    return s;
  };
  out.date = avg(&TlsScores::date);
  out.concat1 = avg(&TlsScores::concat1);
  out.concat2 = avg(&TlsScores::concat2);
  out.align1 = avg(&TlsScores::align1);
  out.align2 = avg(&TlsScores::align2);
  return out;
}

TlsSize ReferenceSize(const TlsTimeline& reference) {
  TlsSize size;
  size.dates = reference.size();
  size_t sentences = 0;
  for (const auto& [d, s] : reference) sentences += s.size();
  if (size.dates > 0) {
    size.sentences = static_cast<size_t>(
        std::lround(static_cast<double>(sentences) / static_cast<double>(size.dates)));
  }
  size.sentences = std::max<size_t>(size.sentences, 1);
  return size;
}

namespace {

namespace fs = std::filesystem;

// A folder that is removed with everything in it when this goes away.
class ScratchFolder {
 public:
  ScratchFolder() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("dateline_tls_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Copies the JSONL records of `in` whose "time" falls within [first, last]
// to `out`; records without a readable time are left out with the rest.
bool CopyRecordsWithin(const std::string& in, const std::string& out, const std::string& first,
                       const std::string& last, std::string& error) {
  const ReadResult raw = ReadInput(in, size_t{1} << 31);
  if (!raw.ok) {
    error = raw.error;
    return false;
  }
  std::ofstream file(out, std::ios::binary);
  std::string_view data = raw.data;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    auto time = record.find("time");
    if (time == record.end() || !time->is_string()) continue;
    const std::string day = time->get<std::string>().substr(0, 10);
    if (day >= first && day <= last) file << line << '\n';
  }
  if (!file) {
    error = out + ": cannot write";
    return false;
  }
  return true;
}

// The most frequent language among the articles of `corpus` ("fr" when
// there is none), and whether every article has it.
StatusOr<std::string> MajorityLanguage(const Corpus& corpus, bool& unanimous) {
  std::map<std::string, int> votes;
  std::set<int64_t> seen;
  DL_ASSIGN_OR_RETURN(const std::vector<CorpusSentence> sentences, corpus.Sentences({}));
  for (const CorpusSentence& s : sentences) {
    if (seen.insert(s.article_id).second) ++votes[s.language];
  }
  std::string best = "fr";
  int most = 0;
  for (const auto& [lang, n] : votes) {
    if (!lang.empty() && n > most) best = lang, most = n;
  }
  unanimous = votes.size() <= 1;
  return best;
}

}  // namespace

std::vector<TlsTask> FindTlsTasks(const std::string& root, std::string& error) {
  std::vector<TlsTask> tasks;
  const fs::path base(root);
  std::error_code ec;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(base / "reference", ec)) {
    entries.push_back(entry.path());
  }
  if (ec) {
    error = root + ": no reference/ folder (" + ec.message() + ")";
    return tasks;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const std::string topic = entry.stem().string();
    if (fs::is_regular_file(entry) && entry.extension() == ".txt") {
      if (fs::is_directory(base / topic)) {
        tasks.push_back({topic, topic, (base / topic).string(), entry.string(), false});
      }
    } else if (fs::is_directory(entry)) {
      const fs::path articles = base / entry.filename() / "articles.jsonl";
      if (!fs::is_regular_file(articles)) continue;
      std::vector<fs::path> refs;
      for (const auto& r : fs::directory_iterator(entry, ec)) {
        if (r.path().extension() == ".txt") refs.push_back(r.path());
      }
      std::sort(refs.begin(), refs.end());
      for (const fs::path& ref : refs) {
        const std::string name = entry.filename().string() +
                                 (refs.size() > 1 ? "/" + ref.stem().string() : std::string());
        tasks.push_back({entry.filename().string(), name, articles.string(), ref.string(), true});
      }
    }
  }
  if (tasks.empty()) {
    error = root +
            ": no task found (reference/<topic>.txt with <topic>/, or "
            "reference/<topic>/<source>.txt with <topic>/articles.jsonl)";
  }
  return tasks;
}

TlsPreparedTask PrepareTlsTask(const TlsTask& task, const TlsRunOptions& options) {
  TlsPreparedTask p;
  p.task = task;
  const ReadResult raw = ReadInput(task.reference);
  if (!raw.ok) {
    p.error = raw.error;
    return p;
  }
  std::string error;
  if (!ParseTlsTimeline(raw.data, p.reference, error)) {
    p.error = task.reference + ": " + error;
    return p;
  }
  if (p.reference.empty()) {
    p.error = task.reference + ": no dates";
    return p;
  }
  p.size = ReferenceSize(p.reference);
  std::optional<ScratchFolder> scratch;
  std::string articles = task.articles;
  if (task.restrict_to_span) {
    scratch.emplace();
    articles = (scratch->path() / "articles.jsonl").string();
    if (!CopyRecordsWithin(task.articles, articles, FormatCivilDate(p.reference.begin()->first),
                           FormatCivilDate(p.reference.rbegin()->first), error)) {
      p.error = error;
      return p;
    }
  }
  auto ingest = [&](const std::string& language) -> Status {
    DL_ASSIGN_OR_RETURN(p.corpus, Corpus::Open(":memory:"));
    IngestOptions o;
    o.language = language;
    o.batch_size = 1000;
    Ingester ingester(*p.corpus, o);
    ingester.AddSource(articles);
    DL_ASSIGN_OR_RETURN(const IngestSummary summary, ingester.Run());
    p.problems = summary.problems;
    return Status();
  };
  auto prepare = [&]() -> Status {
    DL_RETURN_IF_ERROR(ingest(options.language));
    p.language = options.language;
    if (p.language.empty()) {
      // A task is in one language: articles detected otherwise (a French
      // report quoting Arabic tweets) are read again in the majority's.
      bool unanimous = true;
      DL_ASSIGN_OR_RETURN(p.language, MajorityLanguage(*p.corpus, unanimous));
      if (!unanimous) DL_RETURN_IF_ERROR(ingest(p.language));
    }
    return Status();
  };
  if (const Status status = prepare(); !status.ok()) p.error = status.message();
  return p;
}

TlsTimeline ToTlsTimeline(const Timeline& timeline) {
  TlsTimeline out;
  for (const TimelineDate& d : timeline.dates) {
    for (const auto& s : d.sentences) out[d.date].push_back(s.text);
  }
  return out;
}

TlsTaskResult RunTlsTask(const TlsTask& task, const TlsRunOptions& options) {
  TlsTaskResult result;
  result.task = task;
  TlsPreparedTask p = PrepareTlsTask(task, options);
  result.problems = p.problems;
  result.error = p.error;
  result.size = p.size;
  result.language = p.language;
  if (!p.error.empty()) return result;
  TlsOptions scoring = options.scoring;
  scoring.language = p.language;
  TimelineOptions timeline;
  timeline.dates = p.size.dates;
  timeline.sentences = p.size.sentences;
  const StatusOr<Timeline> built = BuildTimeline(*p.corpus, timeline);
  if (!built.ok()) {
    result.error = built.status().message();
    return result;
  }
  result.scores = ScoreTimeline(ToTlsTimeline(*built), {p.reference}, scoring);
  if (options.baseline) {
    const TlsTokenizer tok(scoring);
    const StatusOr<TlsTimeline> baseline = CountBaselineTimeline(*p.corpus, p.size, tok);
    if (!baseline.ok()) {
      result.error = baseline.status().message();
      return result;
    }
    result.baseline = ScoreTimeline(*baseline, {p.reference}, scoring);
  }
  return result;
}

TlsTopicResult RunTlsTopic(const std::string& topic_dir, const std::string& reference_file,
                           const TlsRunOptions& options) {
  TlsTask task;
  task.topic = fs::path(topic_dir).filename().string();
  if (task.topic.empty()) task.topic = fs::path(topic_dir).parent_path().filename().string();
  task.name = task.topic;
  task.articles = topic_dir;
  task.reference = reference_file;
  return RunTlsTask(task, options);
}

}  // namespace dateline::eval
