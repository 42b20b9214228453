// `dateline eval tls`: timeline metrics over one or more topics, with the
// count baseline beside them.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "command.h"
#include "eval/tls.h"
#include "eval/tls_baseline.h"
#include "eval/tls_loto.h"

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;

// Expands the arguments into tasks: a data root (a folder with a
// reference/ folder, see eval::FindTlsTasks) gives its tasks; other
// arguments come as TOPIC_DIR REFERENCE_FILE pairs.
std::vector<eval::TlsTask> Tasks(const std::vector<std::string>& args) {
  std::vector<eval::TlsTask> tasks;
  std::vector<std::string> rest;
  for (const std::string& arg : args) {
    if (!fs::is_directory(fs::path(arg) / "reference")) {
      rest.push_back(arg);
      continue;
    }
    std::string error;
    std::vector<eval::TlsTask> found = eval::FindTlsTasks(arg, error);
    if (!error.empty()) UsageError(error);
    tasks.insert(tasks.end(), found.begin(), found.end());
  }
  if (rest.size() % 2 != 0) {
    UsageError(rest.back() + ": no reference/ folder in it, so not a data root; give data roots, " +
               "or TOPIC_DIR REFERENCE_FILE pairs");
  }
  for (size_t i = 0; i < rest.size(); i += 2) {
    eval::TlsTask t;
    t.topic = fs::path(rest[i]).filename().string();
    if (t.topic.empty()) t.topic = fs::path(rest[i]).parent_path().filename().string();
    t.name = t.topic;
    t.articles = rest[i];
    t.reference = rest[i + 1];
    tasks.push_back(t);
  }
  return tasks;
}

void PrintRow(const std::string& name, const eval::TlsScores& s, bool detail) {
  std::printf("%-26s %7.4f %7.4f %7.4f %7.4f %7.4f\n", name.c_str(), s.date.f1, s.concat1.f1,
              s.concat2.f1, s.align1.f1, s.align2.f1);
  if (!detail) return;
  auto print = [&](const char* label, double eval::PrfScore::*part) {
    std::printf("%-26s %7.4f %7.4f %7.4f %7.4f %7.4f\n", label, s.date.*part, s.concat1.*part,
                s.concat2.*part, s.align1.*part, s.align2.*part);
  };
  print("  precision", &eval::PrfScore::precision);
  print("  recall", &eval::PrfScore::recall);
}

std::string Values(const std::vector<std::pair<std::string, double>>& values) {
  std::string out;
  for (const auto& [name, v] : values) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s=%g", out.empty() ? "" : " ", name.c_str(), v);
    out += buf;
  }
  return out;
}

// The timeline's constants, each `NAME=VALUE` of `fixed` held at its value
// (searched over no other); an unknown name or a value that is not a number
// is a usage error.
std::vector<eval::TlsKnob> Knobs(const std::vector<std::string>& fixed) {
  std::vector<eval::TlsKnob> knobs = eval::TimelineKnobs();
  for (const std::string& f : fixed) {
    const size_t eq = f.find('=');
    const std::string name = f.substr(0, eq);
    double value = 0;
    size_t used = 0;
    try {
      if (eq != std::string::npos) value = std::stod(f.substr(eq + 1), &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (eq == std::string::npos || used == 0 || used != f.size() - eq - 1) {
      UsageError("--set wants NAME=NUMBER, got '" + f + "'");
    }
    bool found = false;
    std::string known;
    for (eval::TlsKnob& k : knobs) {
      known += (known.empty() ? "" : ", ") + k.name;
      if (k.name != name) continue;
      k.off = value;
      k.values = {value};
      found = true;
    }
    if (!found) UsageError("--set: no constant named '" + name + "' (known: " + known + ")");
  }
  return knobs;
}

// Leave one topic out: prints the values chosen without each topic, every
// held-back score beside the count baseline, the means per language and
// the values chosen on all topics.
int RunLoto(const std::vector<eval::TlsTask>& tasks, const eval::TlsRunOptions& options,
            const std::vector<eval::TlsKnob>& knobs, bool verbose) {
  std::vector<eval::TlsPreparedTask> prepared;
  int status = kExitOk;
  for (const eval::TlsTask& task : tasks) {
    eval::TlsPreparedTask p = eval::PrepareTlsTask(task, options);
    for (const auto& problem : p.problems) std::cerr << "dateline: " << problem << "\n";
    if (!p.error.empty()) {
      std::cerr << "dateline: " << p.error << "\n";
      status = kExitFailure;
      continue;
    }
    std::fprintf(stderr, "prepared %s (%s, %zu articles)\n", p.task.name.c_str(),
                 p.language.c_str(), p.corpus->ArticleCount());
    prepared.push_back(std::move(p));
  }
  std::vector<const eval::TlsPreparedTask*> pointers;
  std::vector<eval::TlsScores> baseline;
  for (const auto& p : prepared) {
    eval::TlsOptions scoring;
    scoring.language = p.language;
    const eval::TlsTokenizer tok(scoring);
    const auto count = eval::CountBaselineTimeline(*p.corpus, p.size, tok);
    if (!count.ok()) {
      std::cerr << "dateline: " << p.task.name << ": " << count.status().message() << "\n";
      return kExitFailure;
    }
    pointers.push_back(&p);
    baseline.push_back(eval::ScoreTimeline(*count, {p.reference}, scoring));
  }
  std::function<void(const std::string&)> progress;
  if (verbose) progress = [](const std::string& line) { std::cerr << line << "\n"; };
  const eval::TlsLotoResult r = eval::LeaveOneTopicOut(pointers, baseline, knobs, progress);
  std::printf("%-22s %7s %7s | %7s %7s | %s\n", "held-back topic", "dateF1", "AR1", "count", "AR1",
              "values chosen without it");
  const eval::TlsLotoSummary summary = eval::SummarizeLoto(pointers, baseline, r);
  int wins = 0;
  for (size_t i = 0; i < summary.topics.size(); ++i) {
    const eval::TlsLotoRow& row = summary.topics[i];
    wins += row.Above() ? 1 : 0;
    std::printf("%-22s %7.4f %7.4f | %7.4f %7.4f | %s%s\n", row.name.c_str(), row.system.date.f1,
                row.system.align1.f1, row.count.date.f1, row.count.align1.f1,
                row.Above() ? "" : "(not above count) ", Values(r.folds[i].chosen).c_str());
  }
  for (const eval::TlsLotoRow& row : summary.languages) {
    std::printf("%-22s %7.4f %7.4f | %7.4f %7.4f | mean over %zu tasks\n",
                ("mean " + row.name).c_str(), row.system.date.f1, row.system.align1.f1,
                row.count.date.f1, row.count.align1.f1, row.tasks);
  }
  std::printf("topics above count in date F1 and AR1: %d of %zu\n", wins, summary.topics.size());
  std::printf("chosen on all topics: %s\n", Values(r.chosen_on_all).c_str());
  std::map<std::string, std::vector<eval::TlsScores>> shipped;
  for (size_t i = 0; i < prepared.size(); ++i)
    shipped[prepared[i].language].push_back(r.shipped[i]);
  for (const auto& [lang, s] : shipped) {
    const eval::TlsScores a = eval::AverageScores(s);
    std::printf("shipped values, mean %s (tuned, not held back): date F1 %.4f AR1 %.4f\n",
                lang.c_str(), a.date.f1, a.align1.f1);
  }
  return status;
}

void RegisterEvalTls(CLI::App& app) {
  CLI::App* eval = GetOrAddSubcommand(app, "eval", "Score dateline against gold data");
  auto* sub = eval->add_subcommand("tls", "Timeline metrics: date F1, ROUGE concat, align+ m:1");
  struct Flags {
    std::vector<std::string> args;
    std::string lang;
    std::string baseline;
    bool stem = false;
    bool detail = false;
    bool loto = false;
    bool verbose = false;
    std::vector<std::string> set;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("ARGS", flags->args, "Data roots, or TOPIC_DIR REFERENCE_FILE pairs")->required();
  sub->add_option("--lang", flags->lang,
                  "Language of articles and stop words (default: each task's majority)");
  sub->add_option("--baseline", flags->baseline,
                  "Also score a baseline on the same tags: count (EVALUATION.md)");
  sub->add_flag("--stem", flags->stem, "Stem tokens (Snowball)");
  sub->add_flag("--detail", flags->detail, "Also print precision and recall");
  sub->add_flag("--loto", flags->loto,
                "Leave one topic out: choose the timeline's constants without each topic and "
                "print the held-back scores beside the count baseline");
  sub->add_flag("--verbose", flags->verbose, "With --loto, print each configuration tried");
  sub->add_option("--set", flags->set,
                  "With --loto, hold a constant at a value instead of choosing it: NAME=VALUE "
                  "(repeatable; names as --loto prints them)");
  sub->callback([flags] {
    if (!flags->baseline.empty() && flags->baseline != "count") {
      UsageError("unknown --baseline " + flags->baseline + " (known: count)");
    }
    const bool baseline = !flags->baseline.empty();
    eval::TlsRunOptions options;
    options.language = flags->lang;
    options.scoring.stem = flags->stem;
    options.baseline = baseline;
    if (!flags->set.empty() && !flags->loto) UsageError("--set needs --loto");
    if (flags->loto) {
      SetExitStatus(RunLoto(Tasks(flags->args), options, Knobs(flags->set), flags->verbose));
      return;
    }
    // Means over tasks, per topic and per language (the Timeline17
    // protocol averages over tasks).
    struct Group {
      std::vector<eval::TlsScores> system, base;
    };
    std::map<std::string, Group> topics, languages;
    std::vector<std::string> topic_order;
    int status = kExitOk;
    // The tasks first: a usage error leaves no table header behind it.
    const std::vector<eval::TlsTask> tasks = Tasks(flags->args);
    std::printf("%-26s %7s %7s %7s %7s %7s\n", "task", "dateF1", "R1", "R2", "AR1", "AR2");
    for (const eval::TlsTask& task : tasks) {
      const eval::TlsTaskResult r = eval::RunTlsTask(task, options);
      for (const auto& p : r.problems) std::cerr << "dateline: " << p << "\n";
      if (!r.error.empty()) {
        std::cerr << "dateline: " << r.error << "\n";
        status = kExitFailure;
        continue;
      }
      PrintRow(r.task.name + " (" + r.language + ")", r.scores, flags->detail);
      if (baseline) PrintRow("  count", r.baseline, flags->detail);
      const std::string topic = r.language + "/" + r.task.topic;
      if (!topics.count(topic)) topic_order.push_back(topic);
      topics[topic].system.push_back(r.scores);
      languages[r.language].system.push_back(r.scores);
      if (baseline) {
        topics[topic].base.push_back(r.baseline);
        languages[r.language].base.push_back(r.baseline);
      }
    }
    auto print_group = [&](const std::string& label, const Group& g) {
      PrintRow(label, eval::AverageScores(g.system), flags->detail);
      if (baseline) PrintRow("  count", eval::AverageScores(g.base), flags->detail);
    };
    for (const std::string& topic : topic_order) {
      if (topics[topic].system.size() > 1) print_group("topic " + topic, topics[topic]);
    }
    for (const auto& [lang, g] : languages) {
      if (g.system.size() > 1) print_group("mean " + lang, g);
    }
    SetExitStatus(status);
  });
}

}  // namespace

DATELINE_REGISTER_COMMAND(90, RegisterEvalTls);

}  // namespace dateline::cli
