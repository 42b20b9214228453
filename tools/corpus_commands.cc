// `dateline ingest`, `dateline search` and `dateline timeline`.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "command.h"
#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/timeline.h"

namespace dateline::cli {
namespace {

// A one-line progress bar on stderr, drawn only when stderr is a terminal.
void DrawProgress(const IngestProgress& p) {
  const double rate = p.seconds > 0 ? p.articles / p.seconds : 0.0;
  const double done = p.inputs_total ? double(p.inputs_done) / p.inputs_total : 1.0;
  const double eta = done > 0 ? p.seconds * (1.0 - done) / done : 0.0;
  const int width = 30, filled = static_cast<int>(done * width);
  std::fprintf(stderr, "\r[%-*s] %zu/%zu files  %zu articles  %.0f articles/s  ETA %.0fs ", width,
               std::string(static_cast<size_t>(filled), '=').c_str(), p.inputs_done, p.inputs_total,
               p.articles, rate, eta);
  if (p.inputs_done == p.inputs_total) std::fputc('\n', stderr);
}

// Prints a failed call's message and sets the exit status it maps to.
void Fail(const Status& status) {
  std::cerr << "dateline: " << status.message() << "\n";
  SetExitStatus(ExitStatusFor(status));
}

// Ingests `sources`; prints the problems and, unless `quiet`, a summary.
// Returns the exit status.
int IngestSources(Corpus& corpus, const std::vector<std::string>& sources,
                  const std::string& language, bool quiet) {
  IngestOptions options;
  options.language = language;
  if (!quiet && isatty(STDERR_FILENO)) options.progress = DrawProgress;
  Ingester ingester(corpus, options);
  for (const auto& s : sources) ingester.AddSource(s);
  const StatusOr<IngestSummary> summary = ingester.Run();
  if (!summary.ok()) {
    std::cerr << "dateline: " << summary.status().message() << "\n";
    return ExitStatusFor(summary.status());
  }
  for (const auto& problem : summary->problems) std::cerr << "dateline: " << problem << "\n";
  for (const auto& w : summary->warnings) std::cerr << "dateline: warning: " << w << "\n";
  if (!quiet) {
    std::cerr << "ingested " << summary->ingested << ", copies " << summary->copies
              << ", duplicates " << summary->duplicates << ", re-tagged " << summary->retagged
              << ", skipped " << summary->skipped << "\n";
  }
  return summary->problems.empty() ? kExitOk : kExitFailure;
}

// A store in a fresh temporary folder, removed when this object dies.
class TemporaryStore {
 public:
  TemporaryStore() {
    std::string pattern = (std::filesystem::temp_directory_path() / "dateline-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) dir_ = pattern;
  }
  ~TemporaryStore() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path() const { return dir_ + "/dateline.db"; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

void RegisterIngest(CLI::App& app) {
  auto* sub = app.add_subcommand("ingest", "Add pages, folders, JSONL or WARC files to a corpus");
  struct Flags {
    std::string db, lang;
    std::vector<std::string> sources;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("--db", flags->db, "Store path (default: the user's data folder)");
  sub->add_option("--lang", flags->lang, "Language of the texts (fr, en); detected when absent");
  sub->add_option("SOURCE", flags->sources, "Files or folders")->required();
  sub->callback([flags] {
    auto corpus = Corpus::Open(flags->db.empty() ? Corpus::DefaultPath() : flags->db);
    if (!corpus.ok()) return Fail(corpus.status());
    SetExitStatus(IngestSources(**corpus, flags->sources, flags->lang, false));
  });
}

void RegisterSearch(CLI::App& app) {
  auto* sub = app.add_subcommand("search", "Full-text search of a corpus");
  struct Flags {
    std::string db, query;
    size_t limit = 20;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("--db", flags->db, "Store path (default: the user's data folder)");
  sub->add_option("--limit", flags->limit, "Most articles to list")
      ->check(AtLeast(1))
      ->capture_default_str();
  sub->add_option("QUERY", flags->query, "FTS5 query (words, \"phrases\", OR, NOT)")->required();
  sub->callback([flags] {
    // Read-only: a search never waits for an ingest that holds the store.
    auto corpus =
        Corpus::Open(flags->db.empty() ? Corpus::DefaultPath() : flags->db, {.read_only = true});
    if (!corpus.ok()) return Fail(corpus.status());
    auto found = (*corpus)->Search(flags->query, flags->limit);
    if (!found.ok()) return Fail(found.status());
    for (const CorpusArticle& a : *found) {
      const auto& o = a.origin;
      std::cout << (o.published ? FormatCivilDate(*o.published) : "----------") << "  " << o.title
                << "\n            " << (o.url.empty() ? o.source : o.url) << "\n";
      for (const auto& c : a.copies) {
        std::cout << "            copy: " << (c.url.empty() ? c.source : c.url) << "\n";
      }
    }
  });
}

void RegisterTimeline(CLI::App& app) {
  auto* sub = app.add_subcommand("timeline", "Dated timeline of a corpus or of given sources");
  struct Flags {
    std::string db, lang, query, from, to, format = "md";
    size_t dates = 10, sentences = 2;
    std::vector<std::string> sources;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("--db", flags->db, "Store path (default: the user's data folder)");
  sub->add_option("--lang", flags->lang, "Language of the texts (fr, en)");
  sub->add_option("--query", flags->query, "Only articles matching this full-text query");
  sub->add_option("--from", flags->from, "First date (YYYY-MM-DD)");
  sub->add_option("--to", flags->to, "Last date (YYYY-MM-DD)");
  sub->add_option("--dates", flags->dates, "Number of dates (l)")
      ->check(AtLeast(1))
      ->capture_default_str();
  sub->add_option("--sentences", flags->sentences, "Sentences per date (k)")
      ->check(AtLeast(1))
      ->capture_default_str();
  sub->add_option("--format", flags->format, "json, md, tilse, timelinejs or html")
      ->capture_default_str();
  sub->add_option("SOURCE", flags->sources, "Ingest these into a temporary store first");
  sub->callback([flags] {
    const auto format = ParseTimelineFormat(flags->format);
    if (!format) UsageError("unknown --format " + flags->format);
    TimelineOptions options;
    for (auto [flag, into] : {std::pair{&flags->from, &options.filter.from},
                              std::pair{&flags->to, &options.filter.to}}) {
      if (flag->empty()) continue;
      *into = ParseCivilDate(*flag);
      if (!*into) UsageError("not a YYYY-MM-DD date: " + *flag);
    }
    if (!flags->lang.empty()) {
      if (auto pack = LanguageRegistry::BuiltIn().Find(flags->lang); !pack.ok()) {
        UsageError("--lang: " + pack.status().message());
      }
    }
    std::unique_ptr<TemporaryStore> temp;
    std::string path = flags->db.empty() ? Corpus::DefaultPath() : flags->db;
    if (!flags->sources.empty() && flags->db.empty()) {
      temp = std::make_unique<TemporaryStore>();
      if (temp->dir().empty()) return Fail(Status::IoError("cannot create a temporary folder"));
      path = temp->path();
    }
    // Without sources to add, the store is only read: the timeline never
    // waits for an ingest that holds it.
    auto corpus = Corpus::Open(path, {.read_only = flags->sources.empty()});
    if (!corpus.ok()) return Fail(corpus.status());
    int status = kExitOk;
    if (!flags->sources.empty()) {
      status = IngestSources(**corpus, flags->sources, flags->lang, true);
    }
    options.filter.query = flags->query;
    options.filter.language = flags->lang;
    options.dates = flags->dates;
    options.sentences = flags->sentences;
    auto timeline = BuildTimeline(**corpus, options);
    if (!timeline.ok()) return Fail(timeline.status());
    std::cout << FormatTimeline(*timeline, *format);
    SetExitStatus(status);
  });
}

}  // namespace

DATELINE_REGISTER_COMMAND(40, RegisterIngest);
DATELINE_REGISTER_COMMAND(41, RegisterSearch);
DATELINE_REGISTER_COMMAND(42, RegisterTimeline);

}  // namespace dateline::cli
