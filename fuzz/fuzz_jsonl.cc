// Fuzzes JSONL ingest: records (`id`, `url`, `time`, `title`, `text`,
// `html`) through the Ingester into a fresh store, as `dateline ingest`
// reads them. There is no record parser of its own to call yet (records are
// parsed inside Ingester), so the target drives the whole ingest of one
// file; a target for the record parser belongs beside it when there is one.
//
// Building the Ingester's tagger takes about a second, so one Ingester and
// one store (on /dev/shm when there is one: no disk syncs) serve
// kInputsPerStore inputs before both are made afresh; each input rewrites
// the same source file and runs the Ingester again, whose summary adds up
// over its runs. Records already stored by an earlier input count as
// duplicates, which the checks allow.
//
// Checks: every non-blank line has exactly one outcome (ingested, copy,
// duplicate or skipped with a problem that names its line), and what the
// store gives back is valid UTF-8 with well-formed dates.
//
// Input: the bytes of a JSONL file.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "fuzz_check.h"

namespace {

size_t NonBlankLines(std::string_view data) {
  size_t count = 0;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++count;
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
  }
  return count;
}

void CheckDay(std::string_view field, const dateline::TimexValue& value) {
  using dateline::fuzz::Check;
  const std::string& day = value.ToString();
  // "XXXX-MM-DD" for sentences of undated articles: a valid value too.
  Check(day.size() == 10 && value.month() > 0 && value.day() > 0,
        std::string(field) + " is not a YYYY-MM-DD day", day);
}

// A store and an Ingester reading `input`, made afresh every
// kInputsPerStore inputs so that the store stays small.
struct Session {
  static constexpr int kInputsPerStore = 500;
  std::filesystem::path dir, input;
  std::unique_ptr<dateline::Corpus> corpus;
  std::unique_ptr<dateline::Ingester> ingester;
  dateline::IngestSummary before;  // the Ingester's summary after the last input
  int inputs = 0;

  Session() {
    namespace fs = std::filesystem;
    const fs::path base =
        fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir = base / ("dateline_fuzz_jsonl_" + std::to_string(::getpid()));
    input = dir / "records.jsonl";
  }
  ~Session() { std::filesystem::remove_all(dir); }

  void Renew() {
    ingester.reset();
    corpus.reset();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    corpus = std::move(dateline::Corpus::Open((dir / "store.db").string())).value();
    ingester = std::make_unique<dateline::Ingester>(*corpus, dateline::IngestOptions{});
    ingester->AddSource(input.string());
    before = {};
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dateline;
  using fuzz::Check;
  static Session* session = new Session();
  if (session->inputs++ % Session::kInputsPerStore == 0) session->Renew();
  const std::string_view jsonl(reinterpret_cast<const char*>(data), size);
  std::ofstream(session->input, std::ios::binary | std::ios::trunc)
      .write(jsonl.data(), jsonl.size());
  const auto run = session->ingester->Run();
  Check(run.ok(), "the store failed", run.status().message());
  const IngestSummary& total = *run;
  const IngestSummary& before = session->before;
  Check(total.problems.size() >= before.problems.size(), "the summary did not add up over runs");
  const size_t ingested = total.ingested - before.ingested, copies = total.copies - before.copies,
               duplicates = total.duplicates - before.duplicates + total.retagged - before.retagged,
               skipped = total.skipped - before.skipped;
  const std::vector<std::string> problems(total.problems.begin() + before.problems.size(),
                                          total.problems.end());
  session->before = total;

  Check(ingested + copies + duplicates + skipped == NonBlankLines(jsonl),
        "records without exactly one outcome");
  Check(problems.size() == skipped, "a skipped record without a problem");
  for (const std::string& problem : problems) {
    // "path:line: reason", or "path#id: reason" for a record with an id.
    Check(problem.rfind(session->input.string(), 0) == 0, "a problem that does not name the file",
          problem);
  }
  const auto counts = session->corpus->CountDates({});
  Check(counts.ok(), "counting dates failed", counts.status().message());
  for (const DateCount& count : *counts) {
    CheckDay("date", count.date);
    const auto sentences = session->corpus->SentencesOn(count.date, {});
    Check(sentences.ok(), "reading sentences failed", sentences.status().message());
    for (const CorpusSentence& s : *sentences) {
      fuzz::CheckUtf8("sentence", s.text);
      CheckDay("date", s.date);
      const auto article = session->corpus->GetArticle(s.article_id);
      Check(article.ok(), "a sentence without its article");
      fuzz::CheckUtf8("title", article->origin.title);
      fuzz::CheckUtf8("url", article->origin.url);
    }
  }
  return 0;
}
