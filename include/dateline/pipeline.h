// The pipeline: one call from bytes to an annotated document. It reads the
// input (HTML, scraped text or text), decides the language and the document
// creation time (DCT), tags the text and dates its sentences. Every decision
// of that flow is made here, once: the `dateline` command, ingest, the HTTP
// server and the Python module all call Annotate() and only translate.
//
//   auto pipeline = dateline::Pipeline::Create();     // once; share by threads
//   dateline::AnnotateOptions options;
//   options.path = "page.html";                        // hints: all optional
//   dateline::StatusOr<dateline::AnnotatedDocument> doc = (*pipeline)->Annotate(bytes, options);
//   if (!doc.ok()) { ... doc.status() ... }
//   for (const auto& e : doc->expressions) ...         // e.value, e.cp_begin, ...
//
// The decisions, in order:
// - Reading. kSniff (the default) reads gzip and HTML as a page and takes
//   anything else as text, tagged as it is; kPage reads scraped text as a
//   page too (debris dropped, title and date lines recognised); kText takes
//   the bytes as the text whatever they look like (a record's text field).
// - Language. The caller's (`language`), else the one identified in the
//   text (CLD2) when a pack knows it, else the tagged language whose
//   function words the text has most of, else undetermined: the neutral
//   pack "und", nothing tagged, a warning. A language without tagger rules
//   (German pages) is read and split but not tagged.
// - DCT. The caller's (`dct`), else the publication date the page gives
//   (to the minute when it says), else none.
// - Text. The title and the main text are tagged together, the title
//   first, separated by a blank line; the text is kept once, in
//   AnnotatedDocument::text (article.text is moved there).
// - Sentences. The main text is split with the language's abbreviations;
//   each sentence is dated by its first day-level expression, else weakly
//   by the DCT's day. The title is a sentence of its own, marked in_title.
#ifndef DATELINE_PIPELINE_H_
#define DATELINE_PIPELINE_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dateline/document.h"
#include "dateline/language.h"
#include "dateline/reader.h"
#include "dateline/status.h"
#include "dateline/tagger.h"

namespace dateline {

enum class InputKind {
  kSniff,  // gzip and HTML are read as pages, anything else is text as it is
  kPage,   // a page: HTML, or text scraped from a page (cleaned of debris)
  kText,   // text as it is: nothing dropped, no date read from it
};

struct AnnotateOptions {
  // What the caller knows of the input. Every field is optional.
  std::string path;          // file name: its extension and a date in it count
  std::string url;           // the page's address: a date in it counts
  std::string content_type;  // "text/html; charset=..."
  std::string title;         // for kText: the title (a record's `title`)
  std::string language;      // ISO 639-1 code; empty or "auto" to decide
  std::optional<DayTime> dct;
  // What to do.
  InputKind kind = InputKind::kSniff;
  AnchorMode mode = AnchorMode::kNews;
  bool tag = true;        // false: read only (no tagging, no sentences)
  bool sentences = true;  // split and date sentences
  // When set, expressions go to the sink chunk by chunk as they are found
  // (spans into the document's `text`) instead of into
  // AnnotatedDocument::expressions, so that a text of hundreds of megabytes
  // is tagged in the memory of a chunk; sentences need every expression and
  // are not made then.
  Tagger::ExpressionSink expression_sink;
  size_t max_bytes = size_t{64} << 20;  // cap on the (decompressed) input
};

// One input of Pipeline::AnnotateAll: bytes (owned by the caller, alive
// for the call) and what to do with them.
struct AnnotateInput {
  std::string_view bytes;
  AnnotateOptions options;
};

struct PipelineOptions {
  // The language packs (tagger rules and all the rest); null for those
  // compiled into the binary.
  std::shared_ptr<const LanguageRegistry> languages;
  // False for a pipeline that only reads: no tagger is built (which is most
  // of Create()'s time), Annotate() fails with kInvalidArgument when asked
  // to tag, and a language CLD2 cannot identify stays undetermined.
  bool tagger = true;
};

class Pipeline {
 public:
  // Builds the tagger and the reader over the packs. Fails only for packs
  // loaded from a folder whose rules do not compile (kInvalidArgument naming
  // the file and line).
  static StatusOr<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options = {});
  // Create() over the packs of `rules_dir` (laid out as rules/), for rule
  // work; an empty `rules_dir` means the built-in packs.
  static StatusOr<std::unique_ptr<Pipeline>> CreateFromDirectory(const std::string& rules_dir);

  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Annotates one input. Fails with kInvalidArgument for an unknown
  // `language` (never a silent default), and with the reader's errors
  // (kInvalidInput, kTooLarge, kUnsupported) naming the input; text that is
  // not valid UTF-8 is kInvalidInput with the byte offset. Thread-safe.
  StatusOr<AnnotatedDocument> Annotate(std::string_view bytes,
                                       const AnnotateOptions& options) const;
  // The same, taking the bytes: input read as text becomes the document's
  // text without a copy (a text of hundreds of megabytes is held once).
  StatusOr<AnnotatedDocument> AnnotateOwned(std::string&& bytes,
                                            const AnnotateOptions& options) const;

  // Annotates a batch on up to `threads` threads (0: one per hardware
  // thread), the calling thread among them: result i is Annotate() of input
  // i, a failed input failing alone. The results do not depend on
  // `threads`. For shells that must not hold a lock while C++ works (the
  // Python module releases its interpreter lock for the whole call) and
  // want their batches spread over cores without a thread pool of their own.
  std::vector<StatusOr<AnnotatedDocument>> AnnotateAll(std::span<const AnnotateInput> inputs,
                                                       size_t threads) const;

  const LanguageRegistry& languages() const { return *languages_; }
  // Only for a pipeline built with a tagger.
  const Tagger& tagger() const { return *tagger_; }
  const Reader& reader() const { return *reader_; }

 private:
  Pipeline() = default;
  StatusOr<AnnotatedDocument> Annotate(std::string_view bytes, std::string* owned,
                                       const AnnotateOptions& options) const;
  std::shared_ptr<const LanguageRegistry> languages_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Reader> reader_;
  std::unordered_set<std::string> any_abbreviations_;  // every pack's, for undetermined text
};

}  // namespace dateline

#endif  // DATELINE_PIPELINE_H_
