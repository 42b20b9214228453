// `dateline eval timeml`: tags TimeML dev sets and prints the TempEval-3
// figures, one row per set directory (and a total when there are several).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "dateline/tagger.h"
#include "eval/rule_stats.h"
#include "eval/timeml.h"
#include "tagger/rule_tracer.h"

namespace dateline::cli {
namespace {

struct EvalTimemlFlags {
  std::string language = "auto";
  std::string mode = "news";
  std::string errors_path;
  std::string rules_dir;
  std::string rule_stats_path;
  bool ablate = false;
  std::vector<std::string> unlabelled;
  std::vector<std::string> dirs;
};

// A set directory, optionally written MODE:DIR to anchor that set in its own
// mode ("narratives:wikiwars-dev" next to news sets).
struct SetSpec {
  std::string dir;
  AnchorMode mode;
};

SetSpec ParseSetSpec(const std::string& arg, AnchorMode default_mode) {
  for (auto [prefix, mode] :
       {std::pair{"news:", AnchorMode::kNews}, std::pair{"narratives:", AnchorMode::kNarratives}}) {
    if (arg.starts_with(prefix)) return {arg.substr(std::string_view(prefix).size()), mode};
  }
  return {arg, default_mode};
}

std::string SetName(const std::string& dir) {
  std::filesystem::path path(dir);
  if (!path.has_filename()) path = path.parent_path();  // "a/b/" -> "a/b"
  const std::string name = path.filename().string();
  return name.empty() ? dir : name;
}

// Two header lines over the columns PrintRow writes; figures are percents.
void PrintHeader() {
  std::printf("%-24s %5s %6s %6s %6s | %-17s | %-17s | %-13s | %7s\n", "", "", "", "", "",
              "     strict", "     relaxed", "     F1", "text");
  std::printf("%-24s %5s %6s %6s %6s | %5s %5s %5s | %5s %5s %5s | %6s %6s | %7s\n", "set", "docs",
              "gold", "sys", "match", "P", "R", "F1", "P", "R", "F1", "type", "value", "kB/s");
}

void PrintRow(const std::string& name, const eval::TimemlAccumulator& total, int64_t bytes,
              double seconds) {
  const eval::TimemlCounts& c = total.counts();
  const eval::TimemlScores s = total.Scores();
  const double kbytes = seconds > 0 ? bytes / seconds / 1000 : 0;
  std::printf(
      "%-24s %5lld %6lld %6lld %6lld | %5.1f %5.1f %5.1f | %5.1f %5.1f %5.1f | %6.1f %6.1f | "
      "%7.0f\n",
      name.c_str(), static_cast<long long>(total.documents()), static_cast<long long>(c.gold),
      static_cast<long long>(c.system), static_cast<long long>(c.relaxed), 100 * s.strict.precision,
      100 * s.strict.recall, 100 * s.strict.f1, 100 * s.relaxed.precision, 100 * s.relaxed.recall,
      100 * s.relaxed.f1, 100 * s.type.f1, 100 * s.value.f1, kbytes);
}

std::unique_ptr<Tagger> BuildTagger(const std::string& rules_dir) {
  if (rules_dir.empty()) return Tagger::Create();
  auto tagger = Tagger::CreateFromDirectory(rules_dir);
  if (!tagger.ok()) {
    std::cerr << "dateline: " << tagger.status().message() << "\n";
    return nullptr;
  }
  return std::move(tagger).value();
}

// The --errors report goes to a temporary file, opened before any work so a
// bad path fails at once, and renamed over the target at the end so an
// interrupted run leaves no half-written report.
class ErrorReport {
 public:
  explicit ErrorReport(std::string path) : path_(std::move(path)), tmp_(path_ + ".tmp") {}
  ~ErrorReport() {
    if (out_.is_open()) {
      out_.close();
      std::remove(tmp_.c_str());
    }
  }

  bool Open() {
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) std::cerr << "dateline: " << tmp_ << ": cannot open for writing\n";
    return static_cast<bool>(out_);
  }

  void Write(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) out_ << line << '\n';
  }

  bool Commit() {
    out_.close();
    if (!out_) {
      std::cerr << "dateline: " << tmp_ << ": write failed\n";
      std::remove(tmp_.c_str());
      return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) {
      std::cerr << "dateline: " << path_ << ": " << ec.message() << "\n";
      std::remove(tmp_.c_str());
      return false;
    }
    return true;
  }

 private:
  std::string path_;
  std::string tmp_;
  std::ofstream out_;
};

// Writes the rule report (eval/rule_stats.h) of `flags.language` over the
// labelled sets and the unlabelled folders.
bool WriteRuleReport(const EvalTimemlFlags& flags, AnchorMode default_mode) {
  std::unique_ptr<RuleTracer> tracer;
  try {
    tracer = std::make_unique<RuleTracer>(flags.rules_dir);
  } catch (const std::exception& e) {
    std::cerr << "dateline: " << e.what() << "\n";
    return false;
  }
  std::vector<eval::RuleStatsSet> sets;
  for (const std::string& arg : flags.dirs) {
    const SetSpec spec = ParseSetSpec(arg, default_mode);
    sets.push_back({SetName(spec.dir), spec.dir, true, spec.mode});
  }
  for (const std::string& arg : flags.unlabelled) {
    const SetSpec spec = ParseSetSpec(arg, default_mode);
    sets.push_back({SetName(spec.dir), spec.dir, false, spec.mode});
  }
  eval::RuleStatsOptions options;
  options.ablate = flags.ablate;
  const eval::RuleStatsReport report = eval::BuildRuleStats(*tracer, flags.language, sets, options);
  for (const std::string& failure : report.failures) std::cerr << "dateline: " << failure << "\n";
  const std::string tmp = flags.rule_stats_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << "dateline: " << tmp << ": cannot open for writing\n";
      return false;
    }
    eval::WriteRuleStats(report, out);
    if (!out.flush()) {
      std::cerr << "dateline: " << tmp << ": write failed\n";
      std::remove(tmp.c_str());
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, flags.rule_stats_path, ec);
  if (ec) {
    std::cerr << "dateline: " << flags.rule_stats_path << ": " << ec.message() << "\n";
    std::remove(tmp.c_str());
    return false;
  }
  int flagged = 0, rules = 0;
  for (const auto& [key, row] : report.rows) {
    if (!key.starts_with("rule ") && !key.starts_with("claim ")) continue;
    ++rules;
    flagged += !eval::RuleStatsFlags(report, key).empty();
  }
  std::printf("rule report: %d rules, %d flagged, written to %s\n", rules, flagged,
              flags.rule_stats_path.c_str());
  return report.failures.empty();
}

int Run(const EvalTimemlFlags& flags) {
  if (!flags.rule_stats_path.empty() && flags.language == "auto") {
    std::cerr << "dateline: --rule-stats needs --lang fr or --lang en\n";
    return kExitUsage;
  }
  std::unique_ptr<ErrorReport> report;
  if (!flags.errors_path.empty()) {
    report = std::make_unique<ErrorReport>(flags.errors_path);
    if (!report->Open()) return kExitFailure;
  }
  std::unique_ptr<Tagger> tagger = BuildTagger(flags.rules_dir);
  if (!tagger) return kExitFailure;
  eval::TimemlRunOptions options;
  options.language = flags.language;
  const AnchorMode default_mode =
      flags.mode == "narratives" ? AnchorMode::kNarratives : AnchorMode::kNews;
  options.error_lines = !flags.errors_path.empty();

  int status = kExitOk;
  eval::TimemlAccumulator all;
  int64_t all_bytes = 0;
  double all_seconds = 0;
  PrintHeader();
  for (const std::string& arg : flags.dirs) {
    const SetSpec spec = ParseSetSpec(arg, default_mode);
    const std::string& dir = spec.dir;
    options.mode = spec.mode;
    // With several sets, error lines name documents as SET/PATH.
    if (flags.dirs.size() > 1) options.name_prefix = SetName(dir) + "/";
    eval::TimemlRunResult run = eval::RunTimemlSet(*tagger, dir, options);
    for (const std::string& failure : run.failures) std::cerr << "dateline: " << failure << "\n";
    if (!run.failures.empty()) status = kExitFailure;
    PrintRow(SetName(dir), run.total, run.text_bytes, run.seconds);
    all.Add(run.total);
    all_bytes += run.text_bytes;
    all_seconds += run.seconds;
    if (report) report->Write(run.error_lines);
  }
  if (flags.dirs.size() > 1) PrintRow("total", all, all_bytes, all_seconds);
  if (report && !report->Commit()) status = kExitFailure;
  if (!flags.rule_stats_path.empty() && !WriteRuleReport(flags, default_mode)) {
    status = kExitFailure;
  }
  return status;
}

DATELINE_REGISTER_COMMAND(60, [](CLI::App& app) {
  CLI::App* eval = GetOrAddSubcommand(app, "eval", "Score dateline against gold data");
  CLI::App* sub = eval->add_subcommand(
      "timeml", "Tag TimeML files and print TempEval-3 scores (strict, relaxed, type, value)");
  auto flags = std::make_shared<EvalTimemlFlags>();
  sub->add_option("--lang", flags->language, "Language of the texts")
      ->check(CLI::IsMember({"fr", "en", "auto"}))
      ->capture_default_str();
  sub->add_option("--mode", flags->mode, "How relative expressions are anchored")
      ->check(CLI::IsMember({"news", "narratives"}))
      ->capture_default_str();
  sub->add_option("--errors", flags->errors_path,
                  "Write every miss, false alarm, wrong value and wrong type to FILE, one a line");
  sub->add_option("--rules", flags->rules_dir, "Build the tagger from this rules directory")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--rule-stats", flags->rule_stats_path,
                  "Write the rule report to FILE: per rule, lexicon entry and tense cue, how often "
                  "it fires and is right on each set (docs/rules.md); needs --lang fr or en");
  sub->add_flag("--ablate", flags->ablate,
                "With --rule-stats: also re-tag without each rule and report what it changes");
  sub->add_option("--unlabelled", flags->unlabelled,
                  "With --rule-stats: a folder of plain *.txt texts to count firings on (DCT "
                  "from a YYYY-MM-DD folder on the path) or *.jsonl records (text, time); may be "
                  "repeated")
      ->allow_extra_args(false);
  sub->add_option("DIR", flags->dirs,
                  "TimeML set directories (searched for *.tml recursively); MODE:DIR anchors "
                  "one set in another mode (narratives:DIR, news:DIR)")
      ->required();
  sub->callback([flags] { SetExitStatus(Run(*flags)); });
});

}  // namespace
}  // namespace dateline::cli
