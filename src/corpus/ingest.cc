// Ingest: expands sources into input files, reads each page or record, tags
// its text and adds it to the corpus in batches.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "corpus/dating.h"
#include "corpus/warc.h"
#include "dateline/corpus.h"
#include "dateline/reader.h"
#include "dateline/tagger.h"
#include "text/utf8.h"
#include "util/io.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

enum class InputKind { kPage, kJsonl, kWarc };

std::string LowerExtension(const fs::path& p) {
  std::string name = p.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot);
}

std::optional<InputKind> KindOf(const fs::path& p, bool explicit_file) {
  const std::string ext = LowerExtension(p);
  if (ext == ".jsonl" || ext == ".ndjson") return InputKind::kJsonl;
  if (ext == ".warc") return InputKind::kWarc;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".txt" || ext == ".text") {
    return InputKind::kPage;
  }
  if (explicit_file) return InputKind::kPage;  // named on purpose: read as a page
  return std::nullopt;
}

// The publication day given by a "YYYY-MM-DD" folder in the path (the
// ml-crisis layout <topic>/<YYYY-MM-DD>/<id>.txt).
std::string DayFromPath(const std::string& path) {
  const fs::path p(path);
  for (auto it = p.begin(); it != p.end(); ++it) {
    const std::string part = it->string();
    if (part.size() == 10 && part[4] == '-' && part[7] == '-') {
      const std::string day = DayOf(part);
      if (!day.empty()) return day;
    }
  }
  return "";
}

}  // namespace

struct Ingester::State {
  State(Corpus& c, IngestOptions o) : corpus(c), options(std::move(o)) {}

  Corpus& corpus;
  IngestOptions options;
  std::vector<std::string> sources;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Reader> reader;
  std::vector<std::string> languages;
  IngestSummary summary;
  IngestProgress progress;
  size_t in_batch = 0;
  std::chrono::steady_clock::time_point start;

  void Expand(std::vector<std::pair<std::string, InputKind>>& inputs);
  void IngestFile(const std::string& path, InputKind kind);
  void IngestPage(const std::string& path);
  void IngestJsonl(const std::string& path);
  void IngestWarc(const std::string& path);
  void AddArticle(const Article& article, const std::string& source, std::string published);
  void Problem(const std::string& message) {
    summary.problems.push_back(message);
    ++summary.skipped;
  }
};

Ingester::Ingester(Corpus& corpus, IngestOptions options)
    : state_(std::make_unique<State>(corpus, std::move(options))) {}
Ingester::~Ingester() = default;

void Ingester::AddSource(const std::string& path) { state_->sources.push_back(path); }

void Ingester::State::Expand(std::vector<std::pair<std::string, InputKind>>& inputs) {
  for (const std::string& source : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(source, ec);
    if (ec || !fs::exists(st)) {
      Problem(source + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::pair<std::string, InputKind>> found;
      for (auto it = fs::recursive_directory_iterator(
               source, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (auto kind = KindOf(it->path(), false)) found.emplace_back(it->path().string(), *kind);
      }
      if (ec) Problem(source + ": " + ec.message());
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else {
      inputs.emplace_back(source, *KindOf(source, true));
    }
  }
}

IngestSummary Ingester::Run() {
  State& s = *state_;
  s.start = std::chrono::steady_clock::now();
  if (!s.tagger) s.tagger = Tagger::Create();
  if (!s.reader) s.reader = std::make_unique<Reader>();
  s.languages = s.tagger->Languages();
  std::vector<std::pair<std::string, InputKind>> inputs;
  s.Expand(inputs);
  s.progress.inputs_total = inputs.size();
  s.corpus.BeginBatch();
  try {
    for (const auto& [path, kind] : inputs) {
      s.IngestFile(path, kind);
      ++s.progress.inputs_done;
      if (s.options.progress) {
        s.progress.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - s.start).count();
        s.options.progress(s.progress);
      }
    }
    s.corpus.CommitBatch();
  } catch (...) {
    s.corpus.RollbackBatch();
    throw;
  }
  return s.summary;
}

void Ingester::State::IngestFile(const std::string& path, InputKind kind) {
  switch (kind) {
    case InputKind::kPage:
      return IngestPage(path);
    case InputKind::kJsonl:
      return IngestJsonl(path);
    case InputKind::kWarc:
      return IngestWarc(path);
  }
}

void Ingester::State::IngestPage(const std::string& path) {
  const ReadResult raw = ReadInput(path);
  if (!raw.ok) return Problem(raw.error);
  ReadHints hints;
  hints.path = path;
  const Article article = reader->Read(raw.data, hints);
  if (!article.ok()) return Problem(path + ": " + article.error);
  AddArticle(article, path, article.published.empty() ? DayFromPath(path) : article.published);
}

void Ingester::State::IngestJsonl(const std::string& path) {
  const ReadResult raw = ReadInput(path, size_t{1} << 31);
  if (!raw.ok) return Problem(raw.error);
  std::string_view data = raw.data;
  size_t line_no = 0;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      Problem(where + ": not a JSON object");
      continue;
    }
    auto field = [&](const char* name) {
      auto it = record.find(name);
      return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    ReadHints hints;
    hints.url = field("url");
    Article article;
    if (const std::string html = field("html"); !html.empty()) {
      hints.content_type = "text/html";
      article = reader->Read(html, hints);
    } else if (const std::string text = field("text"); !text.empty()) {
      // A record's text is taken as given: records come from a pipeline
      // that has already extracted the text (tokenised corpora give one
      // sentence a line), and the scraped-page cleaner would take short
      // lines for debris, or a short dated line for a "published" line.
      article.text = text;
    } else {
      Problem(where + ": record has neither \"text\" nor \"html\"");
      continue;
    }
    if (!article.ok()) {
      Problem(where + ": " + article.error);
      continue;
    }
    if (const std::string title = field("title"); !title.empty()) article.title = title;
    if (article.url.empty()) article.url = hints.url;
    const std::string id = field("id");
    std::string published = DayOf(field("time"));
    if (published.empty()) published = article.published;
    AddArticle(article, id.empty() ? where : path + "#" + id, published);
  }
}

void Ingester::State::IngestWarc(const std::string& path) {
  const ReadResult raw = ReadInput(path, size_t{1} << 31);
  if (!raw.ok) return Problem(raw.error);
  std::string error;
  const bool ok = ForEachWarcRecord(
      raw.data,
      [&](const WarcRecord& record) {
        if (record.type != "response") return;
        const std::string where = path + ": byte " + std::to_string(record.offset);
        HttpResponse response;
        std::string http_error;
        if (!ParseHttpResponse(record.block, response, http_error)) {
          return Problem(where + ": " + http_error);
        }
        if (response.status != 200) return;
        if (response.content_type.find("html") == std::string::npos) return;
        ReadHints hints;
        hints.url = record.target_uri;
        hints.content_type = response.content_type;
        const Article article = reader->Read(response.body, hints);
        if (!article.ok()) return Problem(where + ": " + article.error);
        AddArticle(article, record.target_uri.empty() ? where : record.target_uri,
                   article.published);
      },
      error);
  if (!ok) Problem(path + ": " + error);
}

void Ingester::State::AddArticle(const Article& article, const std::string& source,
                                 std::string published) {
  ++progress.articles;
  CorpusDocument doc;
  doc.source = source;
  doc.url = article.url;
  doc.title = SanitizeUtf8(article.title);
  doc.text = SanitizeUtf8(article.text);
  doc.published = DayOf(published);
  if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Problem(source + ": no text found");
  }
  doc.language = !options.language.empty() ? options.language
                 : !article.lang.empty()   ? article.lang
                                           : tagger->DetectLanguage(doc.text);
  std::vector<TimeExpression> expressions;
  if (std::find(languages.begin(), languages.end(), doc.language) != languages.end()) {
    TagOptions tag;
    tag.language = doc.language;
    if (!doc.published.empty()) tag.dct = ParseDct(doc.published);
    expressions = tagger->Tag(doc.text, tag);
  }
  const AddResult result = corpus.Add(doc, expressions);
  switch (result.outcome) {
    case AddOutcome::kAdded:
      ++summary.ingested;
      break;
    case AddOutcome::kCopy:
      ++summary.copies;
      break;
    case AddOutcome::kDuplicate:
      ++summary.duplicates;
      break;
  }
  if (++in_batch >= options.batch_size) {
    corpus.CommitBatch();
    corpus.BeginBatch();
    in_batch = 0;
  }
}

}  // namespace dateline
