// Ingest: expands sources into input files, runs each page or record through
// the pipeline and adds it to the corpus in batches.
#include "dateline/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <unordered_map>

#include "dateline/record.h"
#include "ingest/warc.h"
#include "util/io.h"
#include "util/status_macros.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kPage, kJsonl, kWarc };

// One file to ingest: where to read it, and the name it goes by in sources
// and messages.
struct Input {
  std::string path;
  std::string name;
  FileKind kind;
  bool operator<(const Input& other) const { return path < other.path; }
};

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

// An input read and tagged for the store, or why it is not stored.
StatusOr<CorpusDocument> AnnotateForStore(const Pipeline& pipeline, std::string_view bytes,
                                          AnnotateOptions annotate, const std::string& source) {
  const std::string where = annotate.path;
  StatusOr<AnnotatedDocument> doc = pipeline.Annotate(bytes, annotate);
  if (!doc.ok()) return doc.status();
  if (doc->body().find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidInput(where + ": no text found");
  }
  return ToCorpusDocument(std::move(doc).value(), source);
}

}  // namespace

StatusOr<CorpusDocument> AnnotateRecordForStore(const Pipeline& pipeline, std::string_view line,
                                                const std::string& where, const std::string& name,
                                                const std::string& language) {
  StatusOr<Record> record = ParseRecord(line, where);
  if (!record.ok()) return record.status();
  record->options.language = language;
  const std::string source =
      record->id.empty() ? where : (name.empty() ? record->id : name + "#" + record->id);
  return AnnotateForStore(pipeline, record->body, std::move(record->options), source);
}

struct Ingester::State {
  State(Corpus& c, IngestOptions o) : corpus(c), options(std::move(o)) {}

  Corpus& corpus;
  IngestOptions options;
  std::vector<std::pair<std::string, std::string>> sources;  // path, name
  std::unique_ptr<Pipeline> own_pipeline;
  const Pipeline* pipeline = nullptr;
  IngestSummary summary;
  IngestProgress progress;
  size_t in_batch = 0;
  size_t in_batch_stored = 0;         // added or copies in the open batch
  std::vector<CivilDate> batch_days;  // days of the open batch's sentences
  std::chrono::steady_clock::time_point start;
  Status store_error;  // set when the store fails: the run stops

  void Expand(std::vector<Input>& inputs);
  void IngestFile(const Input& input);
  void IngestPage(const Input& input);
  void IngestJsonl(const Input& input);
  void IngestWarc(const Input& input);
  // A read error names the input by its name, not its path.
  std::string ReadError(const Input& input, const std::string& error) const {
    return error.starts_with(input.path) ? input.name + error.substr(input.path.size()) : error;
  }
  // Annotates `bytes` and stores the result under `source`.
  void Add(std::string_view bytes, AnnotateOptions annotate, const std::string& source);
  // Commits the open batch and starts the next one; reports progress.
  Status Commit(bool begin_next);
  void Report();
  void Problem(const std::string& message) {
    summary.problems.push_back(message);
    ++summary.skipped;
  }
};

Ingester::Ingester(Corpus& corpus, IngestOptions options)
    : state_(std::make_unique<State>(corpus, std::move(options))) {}
Ingester::~Ingester() = default;

void Ingester::AddSource(const std::string& path) { state_->sources.emplace_back(path, path); }

void Ingester::AddSource(const std::string& path, const std::string& name) {
  state_->sources.emplace_back(path, name);
}

void Ingester::State::Expand(std::vector<Input>& inputs) {
  for (const auto& [source, name] : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(source, ec);
    if (ec || !fs::exists(st)) {
      Problem(name + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<Input> found;
      for (auto it = fs::recursive_directory_iterator(
               source, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (auto kind = KindOf(it->path(), false)) {
          found.push_back({it->path().string(), it->path().string(), *kind});
        }
      }
      if (ec) Problem(name + ": " + ec.message());
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else {
      inputs.push_back({source, name, *KindOf(source, true)});
    }
  }
}

StatusOr<IngestSummary> Ingester::Run() {
  State& s = *state_;
  s.start = std::chrono::steady_clock::now();
  s.pipeline = s.options.pipeline;
  if (!s.pipeline) {
    // Built on the first run and kept: compiling the rules costs more than
    // ingesting a small file, and an Ingester may be run again and again.
    if (!s.own_pipeline) {
      auto built = Pipeline::Create();
      if (!built.ok()) return built.status();
      s.own_pipeline = std::move(built).value();
    }
    s.pipeline = s.own_pipeline.get();
  }
  if (!s.options.language.empty()) {
    if (auto pack = s.pipeline->languages().Find(s.options.language); !pack.ok()) {
      return pack.status();
    }
  }
  std::vector<Input> inputs;
  s.Expand(inputs);
  s.progress.inputs_total = inputs.size();
  if (Status st = s.corpus.BeginBatch(); !st.ok()) return st;
  for (const Input& input : inputs) {
    s.IngestFile(input);
    if (!s.store_error.ok()) {
      s.corpus.RollbackBatch();
      return s.store_error;
    }
    ++s.progress.inputs_done;
    s.Report();
  }
  if (Status st = s.Commit(false); !st.ok()) {
    s.corpus.RollbackBatch();
    return st;
  }
  return s.summary;
}

Status Ingester::State::Commit(bool begin_next) {
  DL_RETURN_IF_ERROR(corpus.CommitBatch());
  progress.committed += in_batch_stored;
  std::sort(batch_days.begin(), batch_days.end());
  batch_days.erase(std::unique(batch_days.begin(), batch_days.end()), batch_days.end());
  progress.changed_days = std::move(batch_days);
  batch_days.clear();
  in_batch = in_batch_stored = 0;
  if (!progress.changed_days.empty() || progress.committed > 0) Report();
  progress.changed_days.clear();
  return begin_next ? corpus.BeginBatch() : Status::Ok();
}

void Ingester::State::Report() {
  if (!options.progress) return;
  progress.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  options.progress(progress);
}

void Ingester::State::IngestFile(const Input& input) {
  switch (input.kind) {
    case FileKind::kPage:
      return IngestPage(input);
    case FileKind::kJsonl:
      return IngestJsonl(input);
    case FileKind::kWarc:
      return IngestWarc(input);
  }
}

void Ingester::State::IngestPage(const Input& input) {
  const ReadResult raw = ReadInput(input.path);
  if (!raw.ok) return Problem(ReadError(input, raw.error));
  AnnotateOptions annotate;
  annotate.path = input.name;
  annotate.kind = InputKind::kPage;
  Add(raw.data, std::move(annotate), input.name);
}

void Ingester::State::IngestJsonl(const Input& input) {
  const std::string& path = input.name;
  const ReadResult raw = ReadInput(input.path, size_t{1} << 31);
  if (!raw.ok) return Problem(ReadError(input, raw.error));
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
    StatusOr<Record> record = ParseRecord(line, where);
    if (!record.ok()) {
      Problem(record.status().message());
      continue;
    }
    if (!record->id.empty()) {
      auto [it, first] = id_lines.emplace(record->id, line_no);
      if (!first) {
        // Records are stored by content, not by id: a repeated id is kept
        // (a duplicate when the text is the same too), and said.
        summary.warnings.push_back(where + ": id \"" + record->id + "\" already used at line " +
                                   std::to_string(it->second) + "; both records are kept");
      }
    }
    Add(record->body, std::move(record->options),
        record->id.empty() ? where : path + "#" + record->id);
  }
}

// The file is read as a stream, one record at a time; problems are named by
// the input's name (an uploaded file's temporary path is not the user's).
void Ingester::State::IngestWarc(const Input& input) {
  const std::string& path = input.name;
  ReadWarcFile(
      input.path,
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
  StatusOr<CorpusDocument> read = AnnotateForStore(*pipeline, bytes, std::move(annotate), source);
  if (!read.ok()) return Problem(read.status().message());
  CorpusDocument stored = std::move(read).value();
  StatusOr<AddResult> result = corpus.Add(stored);
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
  if (result->outcome != AddOutcome::kDuplicate) {
    ++in_batch_stored;
    // A copy adds a source to its canonical article's dates.
    for (const Sentence& s : stored.sentences) {
      if (!s.date) continue;
      if (std::optional<CivilDate> day = s.date->date()) batch_days.push_back(*day);
    }
  }
  if (++in_batch >= options.batch_size) {
    if (Status st = Commit(true); !st.ok()) store_error = st;
  }
}

}  // namespace dateline
