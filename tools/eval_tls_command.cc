// `dateline eval tls`: timeline metrics over one or more topics.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "command.h"
#include "eval/tls.h"

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;

// Expands the arguments into (topic folder, reference file) pairs: either
// pairs given in order, or one root holding `reference/<topic>.txt` files
// and a `<topic>/` folder for each.
std::vector<std::pair<std::string, std::string>> TopicPairs(const std::vector<std::string>& args) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (args.size() == 1) {
    const fs::path root(args[0]);
    std::error_code ec;
    std::vector<fs::path> refs;
    for (const auto& entry : fs::directory_iterator(root / "reference", ec)) {
      if (entry.path().extension() == ".txt") refs.push_back(entry.path());
    }
    if (ec) UsageError(args[0] + ": no reference/ folder (" + ec.message() + ")");
    std::sort(refs.begin(), refs.end());
    for (const auto& ref : refs) {
      const fs::path topic = root / ref.stem();
      if (fs::is_directory(topic)) pairs.emplace_back(topic.string(), ref.string());
    }
    return pairs;
  }
  if (args.size() % 2 != 0) UsageError("give TOPIC_DIR REFERENCE_FILE pairs, or one root folder");
  for (size_t i = 0; i < args.size(); i += 2) pairs.emplace_back(args[i], args[i + 1]);
  return pairs;
}

void PrintRow(const std::string& name, const eval::TlsScores& s, bool detail) {
  std::printf("%-12s %7.4f %7.4f %7.4f %7.4f %7.4f\n", name.c_str(), s.date.f1, s.concat1.f1,
              s.concat2.f1, s.align1.f1, s.align2.f1);
  if (!detail) return;
  auto print = [&](const char* label, double eval::PrfScore::*part) {
    std::printf("%-12s %7.4f %7.4f %7.4f %7.4f %7.4f\n", label, s.date.*part, s.concat1.*part,
                s.concat2.*part, s.align1.*part, s.align2.*part);
  };
  print("  precision", &eval::PrfScore::precision);
  print("  recall", &eval::PrfScore::recall);
}

void RegisterEvalTls(CLI::App& app) {
  CLI::App* eval = GetOrAddSubcommand(app, "eval", "Score dateline against gold data");
  auto* sub = eval->add_subcommand("tls", "Timeline metrics: date F1, ROUGE concat, align+ m:1");
  struct Flags {
    std::vector<std::string> args;
    std::string lang = "fr";
    bool stem = false;
    bool detail = false;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("ARGS", flags->args, "TOPIC_DIR REFERENCE_FILE [...] or a root folder")
      ->required();
  sub->add_option("--lang", flags->lang, "Language of articles and stop words")
      ->capture_default_str();
  sub->add_flag("--stem", flags->stem, "Stem tokens (Snowball)");
  sub->add_flag("--detail", flags->detail, "Also print precision and recall");
  sub->callback([flags] {
    eval::TlsRunOptions options;
    options.language = flags->lang;
    options.scoring.language = flags->lang;
    options.scoring.stem = flags->stem;
    std::vector<eval::TlsScores> all;
    int status = kExitOk;
    std::printf("%-12s %7s %7s %7s %7s %7s\n", "topic", "dateF1", "R1", "R2", "AR1", "AR2");
    for (const auto& [topic, reference] : TopicPairs(flags->args)) {
      const eval::TlsTopicResult r = eval::RunTlsTopic(topic, reference, options);
      for (const auto& p : r.problems) std::cerr << "dateline: " << p << "\n";
      if (!r.error.empty()) {
        std::cerr << "dateline: " << r.error << "\n";
        status = kExitFailure;
        continue;
      }
      PrintRow(r.topic, r.scores, flags->detail);
      all.push_back(r.scores);
    }
    if (all.size() > 1) PrintRow("average", eval::AverageScores(all), flags->detail);
    SetExitStatus(status);
  });
}

}  // namespace

DATELINE_REGISTER_COMMAND(90, RegisterEvalTls);

}  // namespace dateline::cli
