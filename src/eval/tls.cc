#include "eval/tls.h"

#include <libstemmer.h>
#include <unistd.h>
#include <utf8proc.h>

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
#include "dateline/timeline.h"
#include "eval/stopwords.h"
#include "eval/tls_baseline.h"
#include "text/utf8.h"
#include "util/io.h"

namespace dateline::eval {
namespace {

using Counts = std::unordered_map<std::string, int>;

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN;
}

bool ParseDay(std::string_view s, CivilDate& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(s.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(s.substr(8, 2)).c_str());
  if (!IsValidDate(y, m, d)) return false;
  out = {y, m, d};
  return true;
}

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
  std::unordered_set<std::string> stop;
  sb_stemmer* stemmer = nullptr;
  ~Impl() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

TlsTokenizer::TlsTokenizer(const TlsOptions& options) : impl_(std::make_unique<Impl>()) {
  if (options.language == "en") {
    for (std::string_view w : stopwords::kEnglish) impl_->stop.emplace(w);
  } else {
    for (std::string_view w : stopwords::kFrench) impl_->stop.emplace(w);
  }
  if (options.stem) {
    impl_->stemmer = sb_stemmer_new(options.language == "en" ? "english" : "french", "UTF_8");
  }
}

TlsTokenizer::~TlsTokenizer() = default;

std::vector<std::string> TlsTokenizer::Tokenize(std::string_view sentence) const {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!impl_->stop.count(word)) {
      if (impl_->stemmer) {
        const sb_symbol* s =
            sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (s)
          word.assign(reinterpret_cast<const char*>(s),
                      static_cast<size_t>(sb_stemmer_length(impl_->stemmer)));
      }
      out.push_back(word);
    }
    word.clear();
  };
  size_t pos = 0;
  while (pos < sentence.size()) {
    const char32_t cp = DecodeUtf8(sentence, pos);
    if (IsWordChar(cp)) {
      AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), word);
    } else {
      flush();
    }
  }
  flush();
  return out;
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
    CivilDate d;
    if (!in_date) {
      if (!ParseDay(line, d)) {
        error = "line " + std::to_string(line_no) + ": expected a YYYY-MM-DD date";
        return false;
      }
      current = d;
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

std::string DayString(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

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
std::string MajorityLanguage(const Corpus& corpus, bool& unanimous) {
  std::map<std::string, int> votes;
  std::set<int64_t> seen;
  for (const CorpusSentence& s : corpus.Sentences({})) {
    if (!seen.insert(s.article_id).second) continue;
    if (auto a = corpus.GetArticle(s.article_id)) ++votes[a->language];
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
    if (!CopyRecordsWithin(task.articles, articles, DayString(p.reference.begin()->first),
                           DayString(p.reference.rbegin()->first), error)) {
      p.error = error;
      return p;
    }
  }
  auto ingest = [&](const std::string& language) {
    p.corpus = Corpus::Open(":memory:");
    IngestOptions o;
    o.language = language;
    o.batch_size = 1000;
    Ingester ingester(*p.corpus, o);
    ingester.AddSource(articles);
    p.problems = ingester.Run().problems;
  };
  ingest(options.language);
  p.language = options.language;
  if (p.language.empty()) {
    // A task is in one language: articles detected otherwise (a French
    // report quoting Arabic tweets) are read again in the majority's.
    bool unanimous = true;
    p.language = MajorityLanguage(*p.corpus, unanimous);
    if (!unanimous) ingest(p.language);
  }
  return p;
}

TlsTimeline ToTlsTimeline(const Timeline& timeline) {
  TlsTimeline out;
  for (const TimelineDate& d : timeline.dates) {
    CivilDate day;
    if (!ParseDay(d.date, day)) continue;
    for (const auto& s : d.sentences) out[day].push_back(s.text);
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
  timeline.language = p.language;
  result.scores =
      ScoreTimeline(ToTlsTimeline(BuildTimeline(*p.corpus, timeline)), {p.reference}, scoring);
  if (options.baseline) {
    const TlsTokenizer tok(scoring);
    result.baseline =
        ScoreTimeline(CountBaselineTimeline(*p.corpus, p.size, tok), {p.reference}, scoring);
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
