#include "eval/tls.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/timeline.h"
#include "timeline/terms.h"
#include "util/io.h"

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

TlsTopicResult RunTlsTopic(const std::string& topic_dir, const std::string& reference_file,
                           const TlsRunOptions& options) {
  TlsTopicResult result;
  result.topic = std::filesystem::path(topic_dir).filename().string();
  if (result.topic.empty()) {
    result.topic = std::filesystem::path(topic_dir).parent_path().filename().string();
  }
  const ReadResult raw = ReadInput(reference_file);
  if (!raw.ok) {
    result.error = raw.error;
    return result;
  }
  TlsTimeline reference;
  std::string error;
  if (!ParseTlsTimeline(raw.data, reference, error)) {
    result.error = reference_file + ": " + error;
    return result;
  }
  result.size = ReferenceSize(reference);
  auto corpus = Corpus::Open(":memory:");
  if (!corpus.ok()) {
    result.error = corpus.status().message();
    return result;
  }
  IngestOptions ingest;
  ingest.language = options.language;
  ingest.batch_size = 1000;
  Ingester ingester(**corpus, ingest);
  ingester.AddSource(topic_dir);
  auto summary = ingester.Run();
  if (!summary.ok()) {
    result.error = summary.status().message();
    return result;
  }
  result.problems = summary->problems;
  TimelineOptions timeline;
  timeline.dates = result.size.dates;
  timeline.sentences = result.size.sentences;
  auto built = BuildTimeline(**corpus, timeline);
  if (!built.ok()) {
    result.error = built.status().message();
    return result;
  }
  TlsTimeline system;
  for (const TimelineDate& d : built->dates) {
    for (const auto& s : d.sentences) system[d.date].push_back(s.text);
  }
  result.scores = ScoreTimeline(system, {reference}, options.scoring);
  return result;
}

}  // namespace dateline::eval
