// `dateline eval extraction DIR` and `dateline eval dates GOLD.json`: the
// reader scored against WCXB-style and htmldate-style gold data.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "dateline/reader.h"
#include "eval/date_eval.h"
#include "eval/extraction_eval.h"
#include "util/io.h"
#include "util/parallel.h"

namespace dateline::cli {
namespace {

struct EvalFlags {
  std::string path;
  int errors = 0;  // list the N worst pages
  int jobs = 0;
  std::string type;  // only pages of this type
};

int RunExtraction(const EvalFlags& flags) {
  std::vector<std::string> errors;
  std::vector<eval::ExtractionGold> gold = eval::LoadWcxb(flags.path, errors);
  for (const auto& e : errors) std::cerr << "dateline eval extraction: " << e << "\n";
  if (!flags.type.empty()) {
    std::erase_if(gold, [&](const auto& g) { return g.page_type != flags.type; });
  }
  if (gold.empty()) {
    std::cerr << "dateline eval extraction: " << flags.path << ": no gold pages found\n";
    return kExitFailure;
  }
  Reader reader;
  std::vector<std::string> texts(gold.size());
  std::vector<std::string> read_errors(gold.size());
  ParallelFor(gold.size(), static_cast<size_t>(std::max(flags.jobs, 0)), [&](size_t i) {
    ReadResult in = ReadInput(gold[i].html_path);
    if (!in.ok) {
      read_errors[i] = in.error;
      return;
    }
    ReadHints hints;
    hints.path = gold[i].html_path;
    StatusOr<Article> a = reader.Read(in.data, hints);
    if (!a.ok()) {
      read_errors[i] = a.status().message();
      return;
    }
    texts[i] = std::move(a->text);
  });
  eval::ExtractionScorer scorer;
  std::vector<std::pair<double, size_t>> worst;
  int failed = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!read_errors[i].empty()) {
      ++failed;
      std::cerr << "dateline eval extraction: " << read_errors[i] << "\n";
    }
    eval::WordScore s = scorer.Add(gold[i], texts[i]);
    worst.push_back({s.f1, i});
  }
  eval::ExtractionReport r = scorer.Report();
  std::printf("pages            %d\n", r.pages);
  std::printf("mean F1          %.4f  (P %.4f, R %.4f)\n", r.mean_f1, r.mean_precision,
              r.mean_recall);
  std::printf("article F1       %.4f\n", r.article_f1);
  for (const auto& [type, t] : r.by_type) {
    std::printf("  %-14s %4d pages  F1 %.4f\n", type.c_str(), t.pages, t.mean_f1);
  }
  std::printf("with snippets    %.4f of pages keep all\n", r.with_rate);
  std::printf("without snippets %.4f of pages drop all\n", r.without_rate);
  if (flags.errors > 0) {
    std::sort(worst.begin(), worst.end());
    for (int k = 0; k < flags.errors && k < static_cast<int>(worst.size()); ++k) {
      size_t i = worst[k].second;
      eval::WordScore s = eval::ScoreWords(texts[i], gold[i].main_content);
      std::printf("%s  %-13s F1 %.3f P %.3f R %.3f  %s\n", gold[i].id.c_str(),
                  gold[i].page_type.c_str(), s.f1, s.precision, s.recall, gold[i].url.c_str());
    }
  }
  return failed ? kExitFailure : kExitOk;
}

int RunDates(const EvalFlags& flags) {
  std::vector<eval::DateGold> gold;
  std::string error;
  if (!eval::LoadDateGold(flags.path, gold, error)) {
    std::cerr << "dateline eval dates: " << error << "\n";
    return kExitFailure;
  }
  Reader reader;
  std::vector<StatusOr<Article>> out(gold.size(), Status::Internal("not read"));
  ParallelFor(gold.size(), static_cast<size_t>(std::max(flags.jobs, 0)), [&](size_t i) {
    ReadResult in = ReadInput(gold[i].file);
    if (!in.ok) {
      out[i] = Status::IoError(in.error);
      return;
    }
    // No URL hint: the page's own markup only, as the reference tools see it.
    ReadHints hints;
    hints.content_type = "text/html";
    out[i] = reader.Read(in.data, hints);
  });
  eval::DateCounts counts;
  int failed = 0, listed = 0;
  auto text = [](const std::optional<DayTime>& t) { return t ? FormatDayTime(*t) : ""; };
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!out[i].ok()) {
      ++failed;
      std::cerr << "dateline eval dates: " << out[i].status().message() << "\n";
    }
    const std::string published = out[i].ok() ? text(out[i]->published) : "";
    counts.Add(published, gold[i].date);
    if (listed < flags.errors && published.substr(0, 10) != gold[i].date) {
      ++listed;
      std::printf("%s  gold %s  got %s (%s) modified %s  %s\n", gold[i].file.c_str(),
                  gold[i].date.c_str(), published.empty() ? "-" : published.c_str(),
                  out[i].ok() ? std::string(DateEvidenceName(out[i]->date_evidence)).c_str() : "-",
                  out[i].ok() && out[i]->modified ? text(out[i]->modified).c_str() : "-",
                  gold[i].url.c_str());
    }
  }
  std::printf("pages     %d\n", counts.pages());
  std::printf("accuracy  %.4f\n", counts.accuracy());
  std::printf("precision %.4f\n", counts.precision());
  std::printf("recall    %.4f\n", counts.recall());
  std::printf("F1        %.4f\n", counts.f1());
  std::printf("TP %d  FP %d  FN %d  TN %d\n", counts.tp, counts.fp, counts.fn, counts.tn);
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

DATELINE_REGISTER_COMMAND(90, [](CLI::App& app) {
  CLI::App* eval = GetOrAddSubcommand(app, "eval", "Score dateline against gold data");
  {
    auto flags = std::make_shared<EvalFlags>();
    CLI::App* sub = eval->add_subcommand("extraction", "Main-text extraction on a WCXB folder");
    sub->add_option("dir", flags->path, "Folder with html/ and ground-truth/")->required();
    sub->add_option("--errors", flags->errors, "List the N worst pages");
    sub->add_option("--type", flags->type, "Only pages of this type (article, forum, ...)");
    sub->add_option("--jobs", flags->jobs, "Threads (default: all cores)");
    sub->callback([flags] { SetExitStatus(RunExtraction(*flags)); });
  }
  {
    auto flags = std::make_shared<EvalFlags>();
    CLI::App* sub = eval->add_subcommand("dates", "Publication dates on an htmldate gold file");
    sub->add_option("gold", flags->path, "gold.json ({url: {file, date}})")->required();
    sub->add_option("--errors", flags->errors, "List the first N wrong pages");
    sub->add_option("--jobs", flags->jobs, "Threads (default: all cores)");
    sub->callback([flags] { SetExitStatus(RunDates(*flags)); });
  }
});

}  // namespace dateline::cli
