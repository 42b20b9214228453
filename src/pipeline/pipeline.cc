// The pipeline's decisions (see pipeline.h): reading, language, DCT, text,
// tagging, sentences.
#include "dateline/pipeline.h"

#include "dateline/version.h"
#include "pipeline/sentences.h"
#include "read/language.h"
#include "text/utf8.h"
#include "util/io.h"
#include "util/parallel.h"

namespace dateline {
namespace {

std::string Where(const AnnotateOptions& options) {
  return options.path.empty() ? std::string("input") : options.path;
}

// Text given as text must be valid UTF-8: offsets into it are promised, and
// replacing bytes would move them.
Status CheckUtf8(std::string_view text, const AnnotateOptions& options) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return Status::Ok();
  return Status::InvalidInput(Where(options) + ": invalid UTF-8 at byte " + std::to_string(bad));
}

}  // namespace

std::string_view LanguageSourceName(LanguageSource source) {
  switch (source) {
    case LanguageSource::kGiven:
      return "given";
    case LanguageSource::kDetected:
      return "detected";
    case LanguageSource::kGuessed:
      return "guessed";
    case LanguageSource::kUndetermined:
      break;
  }
  return "undetermined";
}

std::string_view DctSourceName(DctSource source) {
  switch (source) {
    case DctSource::kGiven:
      return "given";
    case DctSource::kPage:
      return "page";
    case DctSource::kNone:
      break;
  }
  return "none";
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->languages_ = options.languages ? options.languages : LanguageRegistry::BuiltInShared();
  if (!options.tagger) {
    // A reading pipeline.
  } else if (p->languages_.get() == &LanguageRegistry::BuiltIn()) {
    p->tagger_ = Tagger::Create();
  } else {
    auto tagger = Tagger::Create(*p->languages_);
    if (!tagger.ok()) return tagger.status();
    p->tagger_ = std::move(tagger).value();
  }
  p->reader_ = std::make_unique<Reader>(p->languages_);
  for (const LanguagePack& pack : p->languages_->packs()) {
    p->any_abbreviations_.insert(pack.abbreviations().begin(), pack.abbreviations().end());
  }
  return p;
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::CreateFromDirectory(const std::string& rules_dir) {
  if (rules_dir.empty()) return Create();
  auto languages = LanguageRegistry::FromDirectory(rules_dir);
  if (!languages.ok()) return languages.status();
  PipelineOptions options;
  options.languages = *languages;
  return Create(options);
}

Pipeline::~Pipeline() = default;

StatusOr<AnnotatedDocument> Pipeline::Annotate(std::string_view bytes,
                                               const AnnotateOptions& options) const {
  return Annotate(bytes, nullptr, options);
}

StatusOr<AnnotatedDocument> Pipeline::AnnotateOwned(std::string&& bytes,
                                                    const AnnotateOptions& options) const {
  return Annotate(bytes, &bytes, options);
}

StatusOr<AnnotatedDocument> Pipeline::Annotate(std::string_view bytes, std::string* owned,
                                               const AnnotateOptions& options) const {
  if (options.tag && !tagger_) {
    return Status::InvalidArgument("this pipeline was built to read only: it cannot tag");
  }
  AnnotatedDocument doc;
  const LanguagePack* given = nullptr;
  if (!options.language.empty() && options.language != "auto") {
    auto pack = languages_->Find(options.language);
    if (!pack.ok()) return pack.status();
    given = *pack;
  }

  // Reading.
  ReadHints hints;
  hints.path = options.path;
  hints.url = options.url;
  hints.content_type = options.content_type;
  hints.max_bytes = options.max_bytes;
  const bool page =
      options.kind == InputKind::kPage ||
      (options.kind == InputKind::kSniff && (IsGzip(bytes) || LooksLikeHtml(bytes, hints)));
  if (page) {
    auto article = reader_->Read(bytes, hints);
    if (!article.ok()) return article.status();
    doc.article = std::move(article).value();
  } else {
    if (bytes.size() > options.max_bytes) {
      return Status::TooLarge(Where(options) + ": input of " + std::to_string(bytes.size()) +
                              " bytes exceeds the limit of " + std::to_string(options.max_bytes) +
                              " bytes");
    }
    if (Status s = CheckUtf8(bytes, options); !s.ok()) return s;
    if (Status s = CheckUtf8(options.title, options); !s.ok()) return s;
    doc.article.title = options.title;
    // Text is the document's text: taken over when the caller gives it up.
    doc.article.text = owned ? std::move(*owned) : std::string(bytes);
    doc.article.url = options.url;
  }
  doc.warnings = doc.article.warnings;
  Article& a = doc.article;
  doc.body_begin = a.title.empty() ? 0 : a.title.size() + 2;
  if (a.title.empty()) {
    doc.text = std::move(a.text);
  } else {
    doc.text.reserve(doc.body_begin + a.text.size());
    doc.text.append(a.title).append("\n\n").append(a.text);
  }
  a.text.clear();
  a.text.shrink_to_fit();

  // Language.
  const LanguagePack* pack = given;
  if (given) {
    doc.language_source = LanguageSource::kGiven;
  } else {
    std::string detected = page ? a.lang : read::DetectLanguage(doc.text);
    if (auto found = languages_->Find(detected); !detected.empty() && found.ok()) {
      pack = *found;
      doc.language_source = LanguageSource::kDetected;
    } else if (std::string guess = tagger_ ? tagger_->GuessLanguage(doc.text) : "";
               !guess.empty()) {
      pack = *languages_->Find(guess);
      doc.language_source = LanguageSource::kGuessed;
    } else {
      pack = &languages_->Neutral();
      doc.language_source = LanguageSource::kUndetermined;
      if (!doc.text.empty()) {
        doc.warnings.push_back(Where(options) +
                               ": language not determined (give it): nothing tagged");
      }
    }
  }
  doc.language = pack->code();

  // DCT and tagging.
  if (options.dct) {
    doc.dct = options.dct;
    doc.dct_source = DctSource::kGiven;
  } else if (a.published) {
    doc.dct = a.published;
    doc.dct_source = DctSource::kPage;
  }
  doc.mode = options.mode;
  if (!options.tag) return doc;
  if (pack->has_tagger_rules()) {
    TagOptions tag;
    tag.language = pack->code();
    tag.dct = doc.dct;
    tag.mode = options.mode;
    if (options.expression_sink) {
      if (Status s = tagger_->Tag(doc.text, tag, options.expression_sink); !s.ok()) return s;
    } else {
      auto expressions = tagger_->Tag(doc.text, tag);
      if (!expressions.ok()) return expressions.status();
      doc.expressions = std::move(expressions).value();
    }
    doc.annotator =
        std::string("dateline ") + kVersion + " " + pack->code() + "@" + pack->fingerprint();
  } else if (doc.language_source != LanguageSource::kUndetermined) {
    doc.warnings.push_back(Where(options) + ": no tagger rules for language '" + pack->code() +
                           "': nothing tagged");
  }

  if (options.sentences && !options.expression_sink) {
    const std::optional<CivilDate> dct_day =
        doc.dct ? std::optional<CivilDate>(doc.dct->date) : std::nullopt;
    doc.sentences =
        DatedSentences(doc.text, doc.body_begin, doc.expressions, dct_day,
                       pack->abbreviations().empty() ? any_abbreviations_ : pack->abbreviations());
  }
  return doc;
}

std::vector<StatusOr<AnnotatedDocument>> Pipeline::AnnotateAll(
    std::span<const AnnotateInput> inputs, size_t threads) const {
  std::vector<StatusOr<AnnotatedDocument>> results(inputs.size(),
                                                   Status::Internal("not annotated"));
  ParallelFor(inputs.size(), threads,
              [&](size_t i) { results[i] = Annotate(inputs[i].bytes, inputs[i].options); });
  return results;
}

}  // namespace dateline
