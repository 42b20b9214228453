// Corpus benchmarks: ingest throughput (read + tag + store) on generated
// French text articles, and timeline query time on a store of 100,000
// generated articles.
//
//   corpus_bench [--articles N] [--store-articles M] [--keep DIR]
//
// Prints a table. The ingest baseline, measured in the same run, is reading
// and tagging alone (no store): the ratio shows what the store costs. The
// query baseline is the bare SQL count of sentence dates for one query (what
// ranking dates cost before per-article tallies); a whole timeline query,
// dates and sentences, is shown as a ratio to it.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/pipeline.h"
#include "dateline/timeline.h"
#include "pipeline/sentences.h"
#include "util/io.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const char* kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                         "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* kPeople[] = {"Loukachenko", "Poutine", "Macron", "Scholz", "Meloni", "Sánchez"};
const char* kPlaces[] = {"Minsk", "Moscou", "Paris", "Berlin", "Rome", "Madrid", "Pékin"};
const char* kActs[] = {"a rencontré", "a appelé", "a critiqué", "a reçu", "a salué"};

// A random pseudo-word: generated articles differ like real ones do, rather
// than being near-duplicates of one template.
std::string Word(std::mt19937& rng) {
  std::uniform_int_distribution<int> letter('a', 'z'), len(4, 9);
  std::string w;
  for (int n = len(rng); n > 0; --n) w += static_cast<char>(letter(rng));
  return w;
}

std::string Article(int i, std::mt19937& rng, int* month, int* day) {
  std::uniform_int_distribution<int> m(1, 12), d(1, 28), p(0, 5), l(0, 6), a(0, 4), n(5, 12);
  *month = m(rng);
  *day = d(rng);
  std::string t = "Dépêche " + std::to_string(i) + " : " + kPeople[p(rng)] + " à " +
                  kPlaces[l(rng)] + "\n\nPublié le " + std::to_string(*day) + "/" +
                  std::to_string(*month) + "/2023\n\n";
  const int sentences = n(rng);
  for (int s = 0; s < sentences; ++s) {
    t += std::string("Le dirigeant ") + kPeople[p(rng)] + " " + kActs[a(rng)] +
         " son homologue à " + kPlaces[l(rng)] + " le " + std::to_string(d(rng)) + " " +
         kMonths[m(rng) - 1] + ", selon un communiqué publié par la présidence numéro " +
         std::to_string(i * 31 + s) + ", " + Word(rng) + " " + Word(rng) + " " + Word(rng) + " " +
         Word(rng) + ". ";
    if (s % 3 == 2) t += "\n\n";
  }
  return t;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Reads, tags and splits every file through the pipeline on `threads`
// threads, as ingest does but without the store; returns articles/s.
double ReadAndTag(const std::vector<std::string>& files, int threads) {
  const auto pipeline = std::move(dateline::Pipeline::Create()).value();
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = t; i < files.size(); i += threads) {
        const auto raw = dateline::ReadInput(files[i]);
        dateline::AnnotateOptions options;
        options.path = files[i];
        options.kind = dateline::InputKind::kPage;
        options.language = "fr";
        if (!pipeline->Annotate(raw.data, options).ok()) std::abort();
      }
    });
  }
  for (auto& th : pool) th.join();
  return files.size() / Seconds(start);
}

void BuildLargeStore(const std::string& path, int articles) {
  auto corpus = std::move(dateline::Corpus::Open(path)).value();
  if (corpus->ArticleCount() >= static_cast<size_t>(articles)) return;
  const auto& abbreviations = (*dateline::LanguageRegistry::BuiltIn().Find("fr"))->abbreviations();
  std::mt19937 rng(11);
  corpus->BeginBatch();
  for (int i = static_cast<int>(corpus->ArticleCount()); i < articles; ++i) {
    int month, day;
    dateline::CorpusDocument doc;
    doc.source = "gen/" + std::to_string(i);
    doc.title = "Dépêche " + std::to_string(i);
    doc.text = Article(i, rng, &month, &day);
    doc.published = dateline::CivilDate{2023, month, day};
    doc.language = "fr";
    // Each " le D mois" expression, tagged by hand: the tagger is not what
    // this part measures.
    std::vector<dateline::TimeExpression> exprs;
    for (size_t pos = doc.text.find(" le "); pos != std::string::npos;
         pos = doc.text.find(" le ", pos + 1)) {
      const int d = std::atoi(doc.text.c_str() + pos + 4);
      if (d <= 0) continue;
      for (int m = 0; m < 12; ++m) {
        const size_t name = doc.text.find(' ', pos + 4) + 1;
        if (doc.text.compare(name, std::strlen(kMonths[m]), kMonths[m]) != 0) continue;
        dateline::TimeExpression e;
        e.begin = pos + 1;
        e.end = name + std::strlen(kMonths[m]);
        char v[32];
        std::snprintf(v, sizeof v, "2023-%02d-%02d", m + 1, d);
        e.value = v;
        exprs.push_back(e);
      }
    }
    doc.sentences = dateline::DatedSentences(doc.text, 0, exprs, doc.published, abbreviations);
    doc.expressions = std::move(exprs);
    if (!corpus->Add(doc).ok()) std::abort();
    if (i % 2000 == 1999) {
      corpus->CommitBatch();
      corpus->BeginBatch();
      std::fprintf(stderr, "\rbuilding store: %d/%d", i + 1, articles);
    }
  }
  corpus->CommitBatch();
  std::fprintf(stderr, "\n");
}

// The per-date sentence count of the articles matching `query`, in plain
// SQL over the sentences table; returns the number of dates.
int64_t CountSentenceDates(const std::string& path, const char* query) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT s.date, SUM(s.weak = 0), SUM(s.weak), "
                     "COUNT(DISTINCT CASE WHEN s.weak = 0 THEN s.article END) FROM sentences s "
                     "WHERE s.date <> '' AND +s.article IN (SELECT rowid FROM articles_fts "
                     "WHERE articles_fts MATCH ?) GROUP BY s.date",
                     -1, &st, nullptr);
  sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
  int64_t dates = 0;
  while (sqlite3_step(st) == SQLITE_ROW) ++dates;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return dates;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  int articles = 2000, store_articles = 100000;
  std::string keep;
  // Every option takes a value; anything else (--help included) prints the
  // usage rather than starting a run of several minutes.
  constexpr const char* kUsage =
      "usage: corpus_bench [--articles N] [--store-articles M] [--keep DIR]\n";
  for (int i = 1; i < argc; i += 2) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    const bool has_value = i + 1 < argc;
    if (has_value && !std::strcmp(argv[i], "--articles")) {
      articles = std::atoi(argv[i + 1]);
    } else if (has_value && !std::strcmp(argv[i], "--store-articles")) {
      store_articles = std::atoi(argv[i + 1]);
    } else if (has_value && !std::strcmp(argv[i], "--keep")) {
      keep = argv[i + 1];
    } else {
      std::fputs(kUsage, stderr);
      return 2;
    }
  }
  if (articles < 1 || store_articles < 1) {
    std::fprintf(stderr, "corpus_bench: --articles and --store-articles take a positive count\n");
    return 2;
  }
  const fs::path dir =
      keep.empty() ? fs::temp_directory_path() / "dateline_corpus_bench" : fs::path(keep);
  fs::create_directories(dir / "articles");
  std::vector<std::string> files;
  std::mt19937 rng(5);
  for (int i = 0; i < articles; ++i) {
    int m, d;
    const std::string path = (dir / "articles" / ("a" + std::to_string(i) + ".txt")).string();
    std::ofstream(path) << Article(i, rng, &m, &d);
    files.push_back(path);
  }
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const double base1 = ReadAndTag(files, 1);
  const double baseN = ReadAndTag(files, cores);

  fs::remove_all(dir / "ingest");
  auto corpus = std::move(dateline::Corpus::Open((dir / "ingest" / "c.db").string())).value();
  dateline::IngestOptions ingest_options;
  ingest_options.language = "fr";
  dateline::Ingester ingester(*corpus, ingest_options);
  ingester.AddSource((dir / "articles").string());
  auto start = Clock::now();
  const auto summary = std::move(ingester.Run()).value();
  const double ingest = (summary.ingested + summary.copies + summary.duplicates) / Seconds(start);

  std::printf("%-52s %12s %8s\n", "measure", "value", "ratio");
  std::printf("%-52s %9.0f a/s %8s\n", "read+tag, 1 thread (baseline)", base1, "1.00");
  std::printf("%-52s %9.0f a/s %8.2f\n",
              ("read+tag, " + std::to_string(cores) + " threads").c_str(), baseN, baseN / base1);
  std::printf("%-52s %9.0f a/s %8.2f\n", "ingest (read+tag+store), 1 thread", ingest,
              ingest / base1);

  const std::string store = (dir / "large.db").string();
  start = Clock::now();
  BuildLargeStore(store, store_articles);
  std::printf("%-52s %11.1fs %8s\n",
              ("store of " + std::to_string(store_articles) + " articles (built/opened)").c_str(),
              Seconds(start), "");
  auto large = std::move(dateline::Corpus::Open(store, {.read_only = true})).value();
  // Baseline for the queries: counting the dates of the matching articles'
  // sentences directly, as the store did before it kept per-article tallies.
  start = Clock::now();
  const int64_t counted = CountSentenceDates(store, "Loukachenko");
  const double baseline = Seconds(start);
  std::printf(
      "%-52s %11.3fs %8s\n",
      ("baseline: sentence date count \"Loukachenko\" (" + std::to_string(counted) + " dates)")
          .c_str(),
      baseline, "1.00");
  for (const char* query : {"Loukachenko", "Minsk Pékin", ""}) {
    dateline::TimelineOptions options;
    options.filter.query = query;
    start = Clock::now();
    const auto t = std::move(dateline::BuildTimeline(*large, options)).value();
    const double s = Seconds(start);
    std::printf("%-52s %11.3fs %8.2f\n",
                (std::string("timeline query \"") + query + "\" (" +
                 std::to_string(t.dates.size()) + " dates)")
                    .c_str(),
                s, s / baseline);
  }
  if (keep.empty()) fs::remove_all(dir / "articles"), fs::remove_all(dir / "ingest");
  return 0;
}
