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
#include "eval/timeml.h"

namespace dateline::cli {
namespace {

struct EvalTimemlFlags {
  std::string language = "auto";
  std::string mode = "news";
  std::string errors_path;
  std::string rules_dir;
  std::vector<std::string> dirs;
};

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

int Run(const EvalTimemlFlags& flags) {
  std::unique_ptr<ErrorReport> report;
  if (!flags.errors_path.empty()) {
    report = std::make_unique<ErrorReport>(flags.errors_path);
    if (!report->Open()) return kExitFailure;
  }
  std::unique_ptr<Tagger> tagger = BuildTagger(flags.rules_dir);
  if (!tagger) return kExitFailure;
  eval::TimemlRunOptions options;
  options.language = flags.language;
  options.mode = flags.mode == "narratives" ? AnchorMode::kNarratives : AnchorMode::kNews;
  options.error_lines = !flags.errors_path.empty();

  int status = kExitOk;
  eval::TimemlAccumulator all;
  int64_t all_bytes = 0;
  double all_seconds = 0;
  PrintHeader();
  for (const std::string& dir : flags.dirs) {
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
  sub->add_option("DIR", flags->dirs, "TimeML set directories (searched for *.tml recursively)")
      ->required();
  sub->callback([flags] { SetExitStatus(Run(*flags)); });
});

}  // namespace
}  // namespace dateline::cli
