// Ingest: expands sources into input files, runs each page or record through
// the pipeline and adds it to the corpus in batches.
#include "dateline/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "ingest/warc.h"
#include "util/io.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kPage, kJsonl, kWarc };

std::string LowerExtension(const fs::path& p) {
  std::string name = p.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot);
}

std::optional<FileKind> KindOf(const fs::path& p, bool explicit_file) {
  const std::string ext = LowerExtension(p);
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  if (ext == ".warc") return FileKind::kWarc;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".txt" || ext == ".text") {
    return FileKind::kPage;
  }
  if (explicit_file) return FileKind::kPage;  // named on purpose: read as a page
  return std::nullopt;
}

// The DCT a record's `time` gives: a day, a minute or a second, with
// whatever follows (a zone, fractions) ignored; nullopt when it holds none.
std::optional<DayTime> RecordTime(const std::string& time) {
  for (size_t length : {19, 16, 10}) {
    if (time.size() >= length) {
      if (auto t = ParseDayTime(std::string_view(time).substr(0, length))) return t;
    }
  }
  return std::nullopt;
}

// The part of an annotated document the store keeps: the main text, its
// sentences and expressions (offsets moved from the tagged text, which
// starts with the title, to the main text).
CorpusDocument ToCorpusDocument(AnnotatedDocument&& doc, const std::string& source) {
  CorpusDocument out;
  out.source = source;
  out.url = doc.article.url;
  out.title = std::move(doc.article.title);
  out.text = std::string(doc.body());
  if (doc.dct) out.published = doc.dct->date;
  out.language = doc.language;
  out.annotator = std::move(doc.annotator);
  const size_t shift = doc.body_begin;
  for (Sentence& s : doc.sentences) {
    if (s.in_title) continue;
    s.begin -= shift;
    s.end -= shift;
    out.sentences.push_back(std::move(s));
  }
  for (TimeExpression& e : doc.expressions) {
    if (e.begin < shift) continue;
    e.begin -= shift;
    e.end -= shift;
    out.expressions.push_back(std::move(e));
  }
  return out;
}

}  // namespace

struct Ingester::State {
  State(Corpus& c, IngestOptions o) : corpus(c), options(std::move(o)) {}

  Corpus& corpus;
  IngestOptions options;
  std::vector<std::string> sources;
  std::unique_ptr<Pipeline> own_pipeline;
  const Pipeline* pipeline = nullptr;
  IngestSummary summary;
  IngestProgress progress;
  size_t in_batch = 0;
  std::chrono::steady_clock::time_point start;
  Status store_error;  // set when the store fails: the run stops

  void Expand(std::vector<std::pair<std::string, FileKind>>& inputs);
  void IngestFile(const std::string& path, FileKind kind);
  void IngestPage(const std::string& path);
  void IngestJsonl(const std::string& path);
  void IngestWarc(const std::string& path);
  // Annotates `bytes` and stores the result under `source`.
  void Add(std::string_view bytes, AnnotateOptions annotate, const std::string& source);
  void Problem(const std::string& message) {
    summary.problems.push_back(message);
    ++summary.skipped;
  }
};

Ingester::Ingester(Corpus& corpus, IngestOptions options)
    : state_(std::make_unique<State>(corpus, std::move(options))) {}
Ingester::~Ingester() = default;

void Ingester::AddSource(const std::string& path) { state_->sources.push_back(path); }

void Ingester::State::Expand(std::vector<std::pair<std::string, FileKind>>& inputs) {
  for (const std::string& source : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(source, ec);
    if (ec || !fs::exists(st)) {
      Problem(source + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::pair<std::string, FileKind>> found;
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

StatusOr<IngestSummary> Ingester::Run() {
  State& s = *state_;
  s.start = std::chrono::steady_clock::now();
  s.pipeline = s.options.pipeline;
  if (!s.pipeline) {
    auto built = Pipeline::Create();
    if (!built.ok()) return built.status();
    s.own_pipeline = std::move(built).value();
    s.pipeline = s.own_pipeline.get();
  }
  if (!s.options.language.empty()) {
    if (auto pack = s.pipeline->languages().Find(s.options.language); !pack.ok()) {
      return pack.status();
    }
  }
  std::vector<std::pair<std::string, FileKind>> inputs;
  s.Expand(inputs);
  s.progress.inputs_total = inputs.size();
  if (Status st = s.corpus.BeginBatch(); !st.ok()) return st;
  for (const auto& [path, kind] : inputs) {
    s.IngestFile(path, kind);
    if (!s.store_error.ok()) {
      s.corpus.RollbackBatch();
      return s.store_error;
    }
    ++s.progress.inputs_done;
    if (s.options.progress) {
      s.progress.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - s.start).count();
      s.options.progress(s.progress);
    }
  }
  if (Status st = s.corpus.CommitBatch(); !st.ok()) {
    s.corpus.RollbackBatch();
    return st;
  }
  return s.summary;
}

void Ingester::State::IngestFile(const std::string& path, FileKind kind) {
  switch (kind) {
    case FileKind::kPage:
      return IngestPage(path);
    case FileKind::kJsonl:
      return IngestJsonl(path);
    case FileKind::kWarc:
      return IngestWarc(path);
  }
}

void Ingester::State::IngestPage(const std::string& path) {
  const ReadResult raw = ReadInput(path);
  if (!raw.ok) return Problem(raw.error);
  AnnotateOptions annotate;
  annotate.path = path;
  annotate.kind = InputKind::kPage;
  Add(raw.data, std::move(annotate), path);
}

void Ingester::State::IngestJsonl(const std::string& path) {
  const ReadResult raw = ReadInput(path, size_t{1} << 31);
  if (!raw.ok) return Problem(raw.error);
  std::string_view data = raw.data;
  size_t line_no = 0;
  std::unordered_map<std::string, size_t> id_lines;  // record id -> first line
  while (!data.empty() && store_error.ok()) {
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
    AnnotateOptions annotate;
    annotate.path = where;
    annotate.url = field("url");
    annotate.dct = RecordTime(field("time"));
    std::string body = field("html");
    if (!body.empty()) {
      annotate.kind = InputKind::kPage;
      annotate.content_type = "text/html";
    } else if (body = field("text"); !body.empty()) {
      annotate.kind = InputKind::kText;
      annotate.title = field("title");
    } else {
      Problem(where + ": record has neither \"text\" nor \"html\"");
      continue;
    }
    const std::string id = field("id");
    if (!id.empty()) {
      auto [it, first] = id_lines.emplace(id, line_no);
      if (!first) {
        // Records are stored by content, not by id: a repeated id is kept
        // (a duplicate when the text is the same too), and said.
        summary.warnings.push_back(where + ": id \"" + id + "\" already used at line " +
                                   std::to_string(it->second) + "; both records are kept");
      }
    }
    Add(body, std::move(annotate), id.empty() ? where : path + "#" + id);
  }
}

void Ingester::State::IngestWarc(const std::string& path) {
  ReadWarcFile(
      path,
      [&](const WarcRecord& record) {
        if (record.type != "response" || !store_error.ok()) return;
        const std::string where = path + ": byte " + std::to_string(record.offset);
        HttpResponse response;
        std::string http_error;
        if (!ParseHttpResponse(record.block, response, http_error)) {
          return Problem(where + ": " + http_error);
        }
        if (response.status != 200) return;
        if (response.content_type.find("html") == std::string::npos) return;
        AnnotateOptions annotate;
        annotate.path = where;
        annotate.url = record.target_uri;
        annotate.content_type = response.content_type;
        annotate.kind = InputKind::kPage;
        Add(response.body, std::move(annotate),
            record.target_uri.empty() ? where : record.target_uri);
      },
      [&](const std::string& problem) { Problem(path + ": " + problem); });
}

void Ingester::State::Add(std::string_view bytes, AnnotateOptions annotate,
                          const std::string& source) {
  ++progress.articles;
  const std::string where = annotate.path;
  annotate.language = options.language;
  StatusOr<AnnotatedDocument> doc = pipeline->Annotate(bytes, annotate);
  if (!doc.ok()) return Problem(doc.status().message());
  if (doc->body().find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Problem(where + ": no text found");
  }
  StatusOr<AddResult> result = corpus.Add(ToCorpusDocument(std::move(doc).value(), source));
  if (!result.ok()) {
    store_error = result.status();
    return;
  }
  switch (result->outcome) {
    case AddOutcome::kAdded:
      ++summary.ingested;
      break;
    case AddOutcome::kCopy:
      ++summary.copies;
      break;
    case AddOutcome::kDuplicate:
      ++summary.duplicates;
      break;
    case AddOutcome::kRetagged:
      ++summary.retagged;
      break;
  }
  if (++in_batch >= options.batch_size) {
    if (Status st = corpus.CommitBatch(); !st.ok()) {
      store_error = st;
      return;
    }
    if (Status st = corpus.BeginBatch(); !st.ok()) {
      store_error = st;
      return;
    }
    in_batch = 0;
  }
}

}  // namespace dateline
