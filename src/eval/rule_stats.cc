#include "eval/rule_stats.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "eval/timeml.h"
#include "util/io.h"

namespace dateline::eval {
namespace {

// Per-document counts, merged into the report's rows.
using DocCounts = std::unordered_map<std::string, KeyCounts>;

struct Task {
  size_t set = 0;
  std::string path;
};

struct TaskOutcome {
  std::string failure;
  DocCounts counts;
  TimemlCounts totals;  // labelled documents: the tagger's own scores
};

void Accumulate(KeyCounts& k, const KeyCounts& c) {
  k.fired += c.fired;
  k.documents += c.documents;
  k.relaxed += c.relaxed;
  k.value += c.value;
  k.value_gain += c.value_gain;
  k.false_gain += c.false_gain;
  k.system_gain += c.system_gain;
  k.changed += c.changed;
}

bool Overlap(size_t a, size_t b, size_t c, size_t d) { return a < d && c < b; }

// The DCT of an unlabelled text: the nearest folder on its path named
// YYYY-MM-DD (ML-Crisis keeps articles under <topic>/<publication date>/).
std::optional<DayTime> DctFromPath(const std::string& path) {
  std::filesystem::path p(path);
  for (p = p.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    const std::string name = p.filename().string();
    if (name.size() == 10) {
      if (std::optional<DayTime> dct = ParseDayTime(name)) return dct;
    }
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

std::vector<std::string> FindTextFiles(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a directory";
    return files;
  }
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto ext = it->path().extension();
    if ((ext == ".txt" || ext == ".jsonl") && it->is_regular_file(ec)) {
      files.push_back(it->path().string());
    }
  }
  if (ec) error = dir + ": " + ec.message();
  std::sort(files.begin(), files.end());
  return files;
}

// How each gold expression and each false alarm of a document came out, to
// count what changes when a rule is left out.
struct Outcome {
  std::vector<int> gold;                             // 0 missed, 1 found, 2 found with its value
  std::set<std::pair<size_t, size_t>> false_alarms;  // spans matching no gold
  int64_t value = 0;
};

Outcome OutcomeOf(const TimemlDocument& doc, const std::vector<TimeExpression>& system) {
  const DocumentScore score = ScoreDocument(doc, system);
  Outcome o;
  o.gold.assign(doc.timexes.size(), 0);
  std::vector<bool> matched(system.size(), false);
  for (size_t g = 0; g < doc.timexes.size(); ++g) {
    const int s = score.gold_match[g];
    if (s < 0) continue;
    matched[s] = true;
    o.gold[g] = system[s].value == doc.timexes[g].value ? 2 : 1;
  }
  for (size_t s = 0; s < system.size(); ++s) {
    if (!matched[s]) o.false_alarms.insert({system[s].begin, system[s].end});
  }
  o.value = score.counts.value;
  return o;
}

class StatsBuilder {
 public:
  StatsBuilder(const RuleTracer& tracer, const std::string& language,
               const std::vector<RuleStatsSet>& sets)
      : tracer_(tracer), language_(language), sets_(sets) {
    const std::vector<std::string_view> names = tracer.RuleNames(language);
    for (size_t i = 0; i < names.size(); ++i) rule_index_[std::string(names[i])] = i;
    rule_count_ = names.size();
  }

  TaskOutcome Run(const Task& task, bool ablate) const {
    TaskOutcome out;
    const RuleStatsSet& set = sets_[task.set];
    TagOptions options;
    options.language = language_;
    options.mode = set.mode;
    if (set.labelled) {
      TimemlParseResult parsed = ReadTimemlFile(task.path);
      if (!parsed.ok) {
        out.failure = parsed.error;
        return out;
      }
      options.dct = TimemlDct(parsed.document.dct);
      out.totals = AddDocument(parsed.document, options, true, ablate, out.counts);
      return out;
    }
    ReadResult input = ReadInput(task.path);
    if (!input.ok) {
      out.failure = input.error;
      return out;
    }
    TimemlDocument doc;
    if (!task.path.ends_with(".jsonl")) {
      doc.text = std::move(input.data);
      options.dct = DctFromPath(task.path);
      AddDocument(doc, options, false, false, out.counts);
      return out;
    }
    // JSON lines: one document a record, its text in "text" and its DCT in
    // "time" (Timeline17's articles.jsonl).
    size_t line_number = 0;
    for (size_t pos = 0; pos < input.data.size();) {
      size_t eol = input.data.find('\n', pos);
      if (eol == std::string::npos) eol = input.data.size();
      const std::string_view line(input.data.data() + pos, eol - pos);
      pos = eol + 1;
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
        out.failure = task.path + ":" + std::to_string(line_number) + ": not a record with a text";
        return out;
      }
      doc.text = record["text"].get<std::string>();
      options.dct.reset();
      if (record.contains("time") && record["time"].is_string()) {
        options.dct = TimemlDct(record["time"].get<std::string>());
      }
      AddDocument(doc, options, false, false, out.counts);
    }
    return out;
  }

 private:
  // Counts what the rules did in one document into `counts` (a document more
  // for every key it touched).
  // Returns the tagger's scores on a labelled document.
  TimemlCounts AddDocument(const TimemlDocument& doc, const TagOptions& options, bool labelled,
                           bool ablate, DocCounts& counts) const {
    DocCounts mine;
    const RuleTracer::Result traced = tracer_.Trace(doc.text, options);
    const std::vector<TimeExpression>& system = traced.expressions;
    std::vector<int> relaxed(system.size(), 0), right(system.size(), 0);
    TimemlCounts totals;
    if (labelled) {
      const DocumentScore score = ScoreDocument(doc, system);
      totals = score.counts;
      for (size_t g = 0; g < doc.timexes.size(); ++g) {
        const int s = score.gold_match[g];
        if (s < 0) continue;
        relaxed[s] = 1;
        right[s] = system[s].value == doc.timexes[g].value;
      }
    }
    auto add = [&](const std::string& key, int rel, int val) {
      KeyCounts& k = mine[key];
      ++k.fired;
      k.documents = 1;
      k.relaxed += rel;
      k.value += val;
    };
    for (size_t s = 0; s < system.size(); ++s) {
      add("rule " + std::string(system[s].rule), relaxed[s], right[s]);
      const PartialTrace& t = traced.trace.partials[s];
      for (const LexiconHit& hit : t.hits) {
        add("lexicon " + hit.lexicon + ":" + hit.spelling, relaxed[s], right[s]);
      }
      if (!t.cue.empty()) {
        add(std::string("cue ") + TenseName(t.cue_tense) + ":" + t.cue, relaxed[s], right[s]);
      }
    }
    for (const ClaimTrace& claim : traced.trace.claims) {
      bool hides = false;
      for (const GoldTimex& g : doc.timexes)
        hides |= Overlap(claim.begin, claim.end, g.begin, g.end);
      add("claim " + std::string(claim.rule), hides ? 1 : 0, 0);
    }
    if (ablate && labelled) Ablate(doc, options, system, traced.trace, mine);
    for (const auto& [key, c] : mine) Accumulate(counts[key], c);
    return totals;
  }

  // Re-tags the document without each rule that fired or claimed in it (a
  // rule that took no span cannot change the document).
  void Ablate(const TimemlDocument& doc, const TagOptions& options,
              const std::vector<TimeExpression>& system, const ScanTrace& trace,
              DocCounts& counts) const {
    std::set<std::string> used;
    for (const TimeExpression& e : system) used.insert(std::string(e.rule));
    for (const ClaimTrace& c : trace.claims) used.insert(std::string(c.rule));
    const Outcome base = OutcomeOf(doc, system);
    std::vector<bool> disabled(rule_count_, false);
    for (const std::string& rule : used) {
      auto it = rule_index_.find(rule);
      if (it == rule_index_.end()) continue;
      disabled[it->second] = true;
      const RuleTracer::Result without = tracer_.Trace(doc.text, options, &disabled);
      disabled[it->second] = false;
      const Outcome other = OutcomeOf(doc, without.expressions);
      int64_t changed = 0;
      for (size_t g = 0; g < base.gold.size(); ++g) changed += base.gold[g] != other.gold[g];
      for (const auto& span : base.false_alarms) changed += other.false_alarms.count(span) == 0;
      for (const auto& span : other.false_alarms) changed += base.false_alarms.count(span) == 0;
      // A negative rule's row is its "claim" key; others their "rule" key.
      const std::string key = (counts.count("claim " + rule) ? "claim " : "rule ") + rule;
      KeyCounts& k = counts[key];
      k.value_gain += base.value - other.value;
      k.false_gain += static_cast<int64_t>(base.false_alarms.size()) -
                      static_cast<int64_t>(other.false_alarms.size());
      k.system_gain +=
          static_cast<int64_t>(system.size()) - static_cast<int64_t>(without.expressions.size());
      k.changed += changed;
    }
  }

  const RuleTracer& tracer_;
  std::string language_;
  const std::vector<RuleStatsSet>& sets_;
  std::unordered_map<std::string, size_t> rule_index_;
  size_t rule_count_ = 0;
};

}  // namespace

RuleStatsReport BuildRuleStats(const RuleTracer& tracer, const std::string& language,
                               const std::vector<RuleStatsSet>& sets,
                               const RuleStatsOptions& options) {
  RuleStatsReport report;
  report.language = language;
  report.sets = sets;
  report.ablated = options.ablate;
  // Every rule gets a row, so silent ones show; negative ones as claims. A
  // rule is negative when it never emits: its row is decided below from
  // what it did, and defaults to "rule".
  std::vector<Task> tasks;
  for (size_t i = 0; i < sets.size(); ++i) {
    std::string error;
    const std::vector<std::string> files =
        sets[i].labelled ? FindTimemlFiles(sets[i].dir, error) : FindTextFiles(sets[i].dir, error);
    if (!error.empty()) report.failures.push_back(error);
    for (const std::string& f : files) tasks.push_back({i, f});
  }
  StatsBuilder builder(tracer, language, report.sets);
  std::vector<TaskOutcome> outcomes(tasks.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      try {
        outcomes[i] = builder.Run(tasks[i], options.ablate);
      } catch (const std::exception& e) {
        outcomes[i].failure = tasks[i].path + ": " + e.what();
      }
    }
  };
  size_t threads = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::max<size_t>(1, std::min(threads, tasks.size()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  const size_t n = sets.size();
  report.gold.assign(n, 0);
  report.system.assign(n, 0);
  report.value.assign(n, 0);
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (!outcomes[i].failure.empty()) {
      report.failures.push_back(outcomes[i].failure);
      continue;
    }
    report.gold[tasks[i].set] += outcomes[i].totals.gold;
    report.system[tasks[i].set] += outcomes[i].totals.system;
    report.value[tasks[i].set] += outcomes[i].totals.value;
    for (const auto& [key, c] : outcomes[i].counts) {
      std::vector<KeyCounts>& row = report.rows[key];
      row.resize(n);
      Accumulate(row[tasks[i].set], c);
    }
  }
  for (std::string_view name : tracer.RuleNames(language)) {
    const std::string rule(name);
    if (!report.rows.count("rule " + rule) && !report.rows.count("claim " + rule)) {
      report.rows["rule " + rule].resize(n);
    }
  }
  return report;
}

double RuleValueF1Gain(const RuleStatsReport& report, const std::string& key, size_t set) {
  auto it = report.rows.find(key);
  if (it == report.rows.end() || !report.ablated || !report.sets[set].labelled) return 0;
  const KeyCounts& k = it->second[set];
  auto f1 = [&](int64_t value, int64_t system) {
    const int64_t denominator = system + report.gold[set];
    return denominator > 0 ? 200.0 * value / denominator : 0.0;
  };
  return f1(report.value[set], report.system[set]) -
         f1(report.value[set] - k.value_gain, report.system[set] - k.system_gain);
}

std::string RuleStatsFlags(const RuleStatsReport& report, const std::string& key) {
  auto it = report.rows.find(key);
  if (it == report.rows.end()) return "";
  int64_t fired = 0, documents = 0, dev_fired = 0, unlabelled_documents = 0, changed = 0;
  double f1_gain = 0;
  bool has_unlabelled = false;
  for (size_t i = 0; i < it->second.size(); ++i) {
    const KeyCounts& k = it->second[i];
    fired += k.fired;
    documents += k.documents;
    changed += k.changed;
    f1_gain += RuleValueF1Gain(report, key, i);
    if (report.sets[i].labelled) {
      dev_fired += k.fired;
    } else {
      has_unlabelled = true;
      unlabelled_documents += k.documents;
    }
  }
  std::string flags;
  auto flag = [&](const char* f) { flags += flags.empty() ? f : std::string(" ") + f; };
  if (fired == 0) flag("silent");
  if (documents == 1) flag("one-doc");
  const bool is_rule = key.starts_with("rule ") || key.starts_with("claim ");
  if (report.ablated && is_rule && dev_fired > 0) {
    // Its whole effect on the dev sets is one expression, and unlabelled
    // text does not show it at work elsewhere.
    if (changed <= 1 && (!has_unlabelled || unlabelled_documents < 2)) flag("one-expr");
    if (f1_gain < 0) flag("harmful");
  }
  return flags;
}

void WriteRuleStats(const RuleStatsReport& report, std::ostream& out) {
  out << "kind\tkey";
  for (const RuleStatsSet& set : report.sets) {
    out << '\t' << set.name << ":fired\t" << set.name << ":docs";
    if (!set.labelled) continue;
    out << '\t' << set.name << ":rel\t" << set.name << ":val";
    if (report.ablated) {
      out << '\t' << set.name << ":dval\t" << set.name << ":dfalse\t" << set.name << ":changed\t"
          << set.name << ":dF1";
    }
  }
  out << "\tflags\n";
  for (const auto& [key, row] : report.rows) {
    const size_t space = key.find(' ');
    out << key.substr(0, space) << '\t' << key.substr(space + 1);
    for (size_t i = 0; i < report.sets.size(); ++i) {
      const KeyCounts& k = row[i];
      out << '\t' << k.fired << '\t' << k.documents;
      if (!report.sets[i].labelled) continue;
      out << '\t' << k.relaxed << '\t' << k.value;
      if (report.ablated) {
        char gain[32];
        std::snprintf(gain, sizeof gain, "%.2f", RuleValueF1Gain(report, key, i));
        out << '\t' << k.value_gain << '\t' << k.false_gain << '\t' << k.changed << '\t' << gain;
      }
    }
    out << '\t' << RuleStatsFlags(report, key) << '\n';
  }
}

}  // namespace dateline::eval
